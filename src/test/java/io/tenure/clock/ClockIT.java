package io.tenure.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockIT {

  @Test
  void simulatedClockStartsAtTheGivenInstantAndAdvancesByDays() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      assertThat(operator.get("/v1/clock").get("now")).isEqualTo("2023-03-08T15:50:04+08:00");

      HttpApi.Answer advanced = operator.post("/v1/clock/advance", Map.of("days", 31));

      assertThat(advanced.status()).isEqualTo(200);
      assertThat(advanced.get("now")).isEqualTo("2023-04-08T15:50:04+08:00");
      assertThat(operator.get("/v1/clock").get("now")).isEqualTo("2023-04-08T15:50:04+08:00");
    }
  }

  @Test
  void simulatedClockAdvancesByHoursAndToAnInstant() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      assertThat(operator.post("/v1/clock/advance", Map.of("hours", 9)).get("now")).isEqualTo("2023-03-09T00:50:04+08:00");
      assertThat(operator.post("/v1/clock/advance", Map.of("to", "2023-03-10T00:00:00Z")).get("now"))
          .isEqualTo("2023-03-10T08:00:00+08:00");
    }
  }

  @Test
  void clockNeverMovesBackwards() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      HttpApi.Answer earlier = operator.post("/v1/clock/advance", Map.of("to", "2023-03-08T15:50:03+08:00"));
      HttpApi.Answer negative = operator.post("/v1/clock/advance", Map.of("days", -1));

      assertThat(earlier.status()).isEqualTo(409);
      assertThat(earlier.errorCode()).isEqualTo("CLOCK_BACKWARDS");
      assertThat(negative.status()).isEqualTo(409);
      assertThat(operator.get("/v1/clock").get("now")).isEqualTo("2023-03-08T15:50:04+08:00");
    }
  }

  @Test
  void advanceNeedsExactlyOneOfToDaysHours() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi.Answer answer = server.operator().post("/v1/clock/advance", Map.of("days", 1, "hours", 1));
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.errorCode()).isEqualTo("INVALID_FIELD");
    }
  }

  @Test
  void systemClockRefusesBothClockCalls() {
    try (TestServer server = TestServer.systemClock()) {
      HttpApi operator = server.operator();
      HttpApi.Answer read = operator.get("/v1/clock");
      HttpApi.Answer advance = operator.post("/v1/clock/advance", Map.of("days", 1));

      assertThat(read.status()).isEqualTo(409);
      assertThat(read.errorCode()).isEqualTo("CLOCK_NOT_SIMULATED");
      assertThat(advance.status()).isEqualTo(409);
      assertThat(advance.errorCode()).isEqualTo("CLOCK_NOT_SIMULATED");
    }
  }

  @Test
  void clockErrorsShowInstantsInTheOperatorZone() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi.Answer earlier = server.operator().post("/v1/clock/advance", Map.of("to", "2023-03-08T00:00:00Z"));

      assertThat(earlier.errorMessage()).isEqualTo(
          "The clock cannot move backwards: it is 2023-03-08 15:50 (UTC+08:00), asked for 2023-03-08 08:00 (UTC+08:00).");
    }
  }

  @Test
  void aFarFutureTargetIsRefusedBeforeTheClockOrAnyDataMoves() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V1");
      Fixtures.topUp(operator, account, "500.00");
      String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);

      HttpApi.Answer farAway = operator.post("/v1/clock/advance", Map.of("to", "+999999999-12-31T23:59:59Z"));
      HttpApi.Answer justPast = operator.post("/v1/clock/advance", Map.of("to", "2123-05-23T15:50:05+08:00"));

      for (HttpApi.Answer refused : new HttpApi.Answer[] {farAway, justPast}) {
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("CLOCK_TARGET_OUT_OF_RANGE");
        assertThat(refused.errorMessage()).isEqualTo("Field 'to': must be no later than 2123-05-23 15:50 (UTC+08:00), "
            + "as the clock moves at most 36600 days at once and never past 9999-01-01 08:00 (UTC+08:00).");
      }
      assertThat(operator.get("/v1/clock").get("now")).isEqualTo("2023-03-08T15:50:04+08:00");
      assertThat(Fixtures.phase(operator, resource)).isEqualTo("ACTIVE");
      assertThat(operator.post("/v1/clock/advance", Map.of("days", 36_600)).status()).isEqualTo(200);
      assertThat(Fixtures.phase(operator, resource)).isEqualTo("RELEASED");
    }
  }

  @Test
  void anAdvanceThatFailsLeavesTheClockAtItsTargetAndTheNextAdvanceProcessesWhatWasLeft() {
    Instant failsAt = OffsetDateTime.parse("2023-03-20T00:00:00+08:00").toInstant();
    String databaseUrl;
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      databaseUrl = server.databaseUrl();
      HttpApi operator = server.operator();
      FailsOnce failing = new FailsOnce(failsAt);
      server.tenure().scheduler().register(failing);

      HttpApi.Answer failed = operator.post("/v1/clock/advance", Map.of("days", 30));

      assertThat(failed.status()).isEqualTo(500);
      // Work already done carries instants up to the target, so the clock cannot stay behind it.
      assertThat(operator.get("/v1/clock").get("now")).isEqualTo("2023-04-07T15:50:04+08:00");
      assertThat(failing.processed()).isFalse();
      assertThat(operator.post("/v1/clock/advance", Map.of("days", 1)).get("now")).isEqualTo("2023-04-08T15:50:04+08:00");
      assertThat(failing.processed()).as("what the failure left was processed by the next advance").isTrue();
    }
    try (TestServer restarted = TestServer.start(TestServer.settings(databaseUrl, true,
        OffsetDateTime.parse("2023-03-08T15:50:04+08:00").toInstant()))) {
      assertThat(restarted.operator().get("/v1/clock").get("now")).isEqualTo("2023-04-08T15:50:04+08:00");
    }
  }

  /** Due work whose processing fails the first time, like a database that goes away during an advance. */
  private static final class FailsOnce implements DueWork {
    private final Instant dueAt;
    private int attempts;

    FailsOnce(Instant dueAt) {
      this.dueAt = dueAt;
    }

    @Override
    public synchronized Optional<Instant> earliestDue() {
      return attempts < 2 ? Optional.of(dueAt) : Optional.empty();
    }

    synchronized boolean processed() {
      return attempts == 2;
    }

    @Override
    public synchronized int processDue(Instant now, Pace pace) {
      if (now.isBefore(dueAt) || attempts >= 2) {
        return 0;
      }
      attempts++;
      if (attempts == 1) {
        throw new IllegalStateException("the database went away");
      }
      return 1;
    }

  }
}
