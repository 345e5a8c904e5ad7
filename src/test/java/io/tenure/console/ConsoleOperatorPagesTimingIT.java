package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.ConsoleHttp;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import io.tenure.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The server time of the operator's resource, usage, catalog, delivery, hold and clock pages (docs/console.md
 * records the figures): a prepaid resource with holds, a pay-as-you-go resource with usage in each of the 24 hours
 * its chart shows, the failed e-mail and SMS deliveries of 45 hold notices, a webhook endpoint with attempts. Each page is asked 5 times to
 * warm up, then 20 times; the median is printed. The goal is 100 ms; the test fails only above a ceiling a loaded
 * machine cannot explain.
 */
class ConsoleOperatorPagesTimingIT {
  private static final long CEILING_MILLIS = 1000;
  @org.junit.jupiter.api.extension.RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");

  @Test
  void everyOperatorToolPageAnswersWellUnderItsCeiling() {
    HttpApi operator = shared.operator();
    String endpoint = operator.post("/v1/webhook-endpoints", Map.of("url", "http://127.0.0.1:9/hooks")).get("id");
    String account = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, account, "10000.00");
    String prepaid = Fixtures.bought(operator, account, "koodrive-basic", 1);
    for (int hold = 0; hold < 25; hold++) {
      String id = operator.post("/v1/holds", Map.of("scope", "FEATURE", "targetId", prepaid, "feature", "public-links",
          "reason", "ADMIN", "note", "hold " + hold)).get("id");
      if (hold % 5 != 0) {
        operator.delete("/v1/holds/" + id);
      }
    }
    String payg = operator.post("/v1/resources", Map.of("accountId", account, "plan", "ecs-general",
        "billing", Map.of("mode", "PAYG"))).get("id");
    Instant start = OffsetDateTime.parse(operator.get("/v1/clock").json().path("now").asText()).toInstant();
    Fixtures.advanceTo(operator, start.plus(Duration.ofHours(24)).toString());
    List<Map<String, Object>> events = new ArrayList<>();
    for (int hour = 0; hour < 24; hour++) {
      for (String meter : List.of("vcpu_hours", "egress_gb")) {
        events.add(Map.of("id", "t-" + hour + meter, "resourceId", payg, "meter", meter, "quantity", 1 + hour % 4,
            "time", start.plus(Duration.ofMinutes(60L * hour + 1)).toString()));
      }
    }
    assertThat(operator.post("/v1/usage", Map.of("events", events)).status()).isLessThan(300);

    ConsoleHttp console = ConsoleHttp.signedIn(shared.server(), TestServer.OPERATOR_KEY);
    Map<String, Long> medians = new LinkedHashMap<>();
    for (String page : List.of("/console/resources/" + prepaid, "/console/resources/" + payg, "/console/catalog",
        "/console/messages?status=failed", "/console/webhooks", "/console/webhooks/" + endpoint,
        "/console/holds?accountId=" + account, "/console/clock")) {
      medians.put(page.replace(prepaid, "{prepaid}").replace(payg, "{payg}").replace(endpoint, "{id}").replace(account, "{id}"),
          ConsolePagesTimingIT.medianMillis(console, page));
    }
    System.out.println("console operator page medians (ms): " + medians.entrySet().stream()
        .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")));
    assertThat(medians.values()).allSatisfy(millis -> assertThat(millis).isLessThan(CEILING_MILLIS));
  }
}
