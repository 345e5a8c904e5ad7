package io.tenure.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.Map;
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
}
