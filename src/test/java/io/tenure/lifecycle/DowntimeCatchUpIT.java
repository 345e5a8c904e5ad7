package io.tenure.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Capabilities;
import io.tenure.clock.TenureClock;
import io.tenure.engine.LifecycleEngine;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After downtime the engine catches up in one pass (SPEC.md section 2): every transition happens in order
 * with the instant it fell due, and of several notices of one kind only the latest applicable one is sent.
 */
class DowntimeCatchUpIT {

  private static List<String> messages(HttpApi operator, String account) {
    return Fixtures.messages(operator, account).stream()
        .map(message -> message.path("type").asText() + " " + message.path("createdAt").asText()).toList();
  }

  @Test
  void anEngineBackAfterDowntimeSendsOnlyTheLatestWarningAndStampsTransitionsWhenTheyFellDue() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "standard");
      Fixtures.topUp(operator, account, "1000.00");
      String warned = Fixtures.bought(operator, account, "tencent-drive-enterprise", 1);
      // An engine that was down from the purchase until the given instants; the server's own clock stands still.
      LifecycleEngine engine = Capabilities.wire(server.tenure().database().jdbi(),
          TenureClock.simulated(OffsetDateTime.parse("2023-04-07T12:00:00+08:00").toInstant())).lifecycleEngine(1);

      engine.processDue(OffsetDateTime.parse("2023-04-07T12:00:00+08:00").toInstant());
      assertThat(messages(operator, account)).containsExactly("EXPIRY_WARNING 2023-04-07T00:00:00+08:00");

      engine.processDue(OffsetDateTime.parse("2023-04-20T12:00:00+08:00").toInstant());
      var events = operator.get("/v1/resources/" + warned + "/timeline").json().path("events");
      assertThat(events).filteredOn(event -> !event.path("projected").asBoolean())
          .extracting(event -> event.path("event").asText() + " " + event.path("at").asText())
          .contains("ENTERED_FROZEN 2023-04-09T00:00:00+08:00")
          .doesNotContain("EXPIRY_WARNING 2023-04-01T00:00:00+08:00", "EXPIRY_WARNING 2023-04-05T00:00:00+08:00");
      List<String> reminders = messages(operator, account).stream().filter(line -> line.startsWith("OVERDUE_REMINDER")).toList();
      assertThat(reminders).as("only the latest reminder of the days missed").containsExactly("OVERDUE_REMINDER 2023-04-20T00:00:00+08:00");
    }
  }
}
