package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiErrorsIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");
  private static HttpApi operator;

  @BeforeAll
  static void operator() {
    operator = shared.operator();
  }

  @Test
  void healthAnswersUpWhenTheDatabaseAnswers() {
    HttpApi.Answer answer = shared.server().anonymous().get("/health");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void unknownRouteIsNotFoundWithTheErrorBody() {
    HttpApi.Answer answer = operator.get("/v1/no-such-thing");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.errorCode()).isEqualTo("ROUTE_NOT_FOUND");
    assertThat(answer.errorMessage()).contains("/v1/no-such-thing");
  }

  @Test
  void wrongMethodIsMethodNotAllowed() {
    HttpApi.Answer answer = operator.delete("/v1/clock");
    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void malformedJsonIsABadRequest() {
    HttpApi.Answer answer = operator.post("/v1/clock/advance", "{\"days\": ");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("MALFORMED_JSON");
  }

  @Test
  void wrongTypeNamesTheField() {
    HttpApi.Answer answer = operator.post("/v1/clock/advance", "{\"days\": \"three\"}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(answer.errorMessage()).contains("days");
  }

  @Test
  void fractionalNumberWhereAWholeOneIsNeededIsRefused() {
    HttpApi.Answer answer = operator.post("/v1/clock/advance", "{\"hours\": 1.5}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("INVALID_FIELD");
  }

  @Test
  void unknownFieldIsNamed() {
    HttpApi.Answer answer = operator.post("/v1/clock/advance", "{\"dayz\": 1}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("UNKNOWN_FIELD");
    assertThat(answer.errorMessage()).contains("dayz");
  }

  @Test
  void missingBodyIsABadRequest() {
    HttpApi.Answer answer = operator.send("POST", "/v1/clock/advance", null, null);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("MISSING_BODY");
  }

  @Test
  void missingRequiredFieldIsNamed() {
    HttpApi.Answer answer = operator.post("/v1/api-keys", "{\"name\": \"reports\"}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("MISSING_FIELD");
    assertThat(answer.errorMessage()).contains("scope");
  }

  @Test
  void oversizedBodyIsRefusedWith413() {
    String huge = "{\"name\": \"" + "x".repeat(2 << 20) + "\"}";
    HttpApi.Answer answer = operator.post("/v1/api-keys", huge);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void randomGarbageNeverYieldsAServerError() {
    long seed = Long.getLong("sim.seed", System.nanoTime());
    System.out.println("ApiErrorsIT.randomGarbageNeverYieldsAServerError seed=" + seed + " (replay with -Dsim.seed=" + seed + ")");
    Random random = new Random(seed);
    List<String> fragments = List.of("{", "}", "[", "]", "\"days\"", "\"to\"", "\"hours\"", "\"scope\"", ":", ",", "null",
        "-1", "1e400", "\"PARTNER\"", "\"2023-01-01T00:00:00Z\"", "true", "\"\\u0000\"", "99999999999999999999", "\"x\"");
    List<String> routes = List.of("/v1/clock/advance", "/v1/api-keys");
    for (int i = 0; i < 300; i++) {
      StringBuilder body = new StringBuilder();
      for (int j = random.nextInt(8); j >= 0; j--) {
        body.append(fragments.get(random.nextInt(fragments.size())));
      }
      String route = routes.get(random.nextInt(routes.size()));
      HttpApi.Answer answer = operator.post(route, body.toString());
      assertThat(answer.status()).as("seed %d: POST %s %s -> %s", seed, route, body, answer).isBetween(200, 499);
      if (answer.status() >= 400) {
        assertThat(answer.errorCode()).as("seed %d: %s", seed, answer).matches("[A-Z][A-Z_]+");
      }
    }
  }
}
