package io.tenure.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Advancing the clock 400 days in one call gives the same states and events as 400 one-day steps. */
class CatchUpIT {
  private static final List<String> PLANS = List.of("tencent-drive-enterprise", "wedata-execution-package",
      "wedata-edition-basic", "koodrive-basic");

  private record World(TestServer server, String account, List<String> resources) {}

  private static World world() {
    TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00");
    HttpApi operator = server.operator();
    String account = Fixtures.account(operator, "V1");
    Fixtures.topUp(operator, account, "5000.00");
    List<String> resources = new ArrayList<>();
    for (String plan : PLANS) {
      resources.add(Fixtures.bought(operator, account, plan, 1));
    }
    HttpApi.Answer autoRenewing = operator.post("/v1/resources", Map.of("accountId", account, "plan", "koodrive-basic",
        "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 2, "autoRenew", true)));
    resources.add(autoRenewing.get("id"));
    return new World(server, account, resources);
  }

  /** Everything observable of the world, with ids replaced by their position so two worlds compare. */
  private static List<String> observe(World world) {
    HttpApi operator = world.server().operator();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < world.resources().size(); i++) {
      HttpApi.Answer resource = operator.get("/v1/resources/" + world.resources().get(i));
      seen.add(i + " " + resource.get("phase") + " " + resource.json().path("term").toString());
      for (JsonNode event : operator.get("/v1/resources/" + world.resources().get(i) + "/timeline").json().path("events")) {
        if (!event.path("projected").asBoolean()) {
          seen.add(i + " " + event.path("at").asText() + " " + event.path("event").asText() + " " + event.path("phase").asText());
        }
      }
    }
    List<String> messages = new ArrayList<>();
    for (JsonNode message : Fixtures.messages(operator, world.account())) {
      messages.add("message " + message.path("createdAt").asText() + " " + message.path("type").asText() + " "
          + world.resources().indexOf(message.path("resourceId").asText()));
    }
    // Workers write the notices of different resources in either order; what matters is which were sent when.
    messages.sort(null);
    seen.addAll(messages);
    seen.add("balance " + operator.get("/v1/accounts/" + world.account()).get("balance"));
    return seen;
  }

  @Test
  void fourHundredDaysAtOnceEqualsFourHundredSingleDays() {
    World atOnce = world();
    World dayByDay = world();
    try {
      atOnce.server().operator().post("/v1/clock/advance", Map.of("days", 400));
      for (int day = 0; day < 400; day++) {
        HttpApi.Answer answer = dayByDay.server().operator().post("/v1/clock/advance", Map.of("days", 1));
        assertThat(answer.status()).isEqualTo(200);
      }
      List<String> once = observe(atOnce);
      List<String> stepped = observe(dayByDay);
      assertThat(once).hasSizeGreaterThan(50);
      assertThat(once).filteredOn(line -> line.contains("RELEASED")).isNotEmpty();
      assertThat(stepped).containsExactlyElementsOf(once);
    } finally {
      atOnce.server().close();
      dayByDay.server().close();
    }
  }
}
