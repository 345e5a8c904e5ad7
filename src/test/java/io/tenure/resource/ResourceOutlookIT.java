package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /v1/resource-outlook} and the search and filters of {@code GET /v1/accounts}, for the operator's dashboard. */
class ResourceOutlookIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");

  @Test
  void theOutlookListsExpiriesShortAutoRenewalsAndReleasesSoonestFirstAndCountsPhases() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V1", Map.of("name", "Outlook Works"));
    Fixtures.topUp(operator, account, "400.00");
    String expiring = Fixtures.bought(operator, account, "koodrive-basic", 1);
    String renewing = Fixtures.bought(operator, account, "koodrive-basic", 1);
    assertThat(operator.put("/v1/resources/" + renewing + "/auto-renew", Map.of("enabled", true, "periods", 12)).status())
        .isEqualTo(200);
    OffsetDateTime termEnd = OffsetDateTime.parse(operator.get("/v1/resources/" + expiring).json().path("term").path("end").asText());
    Fixtures.advanceTo(operator, termEnd.minusDays(3).toString());

    JsonNode outlook = operator.get("/v1/resource-outlook").json();
    assertThat(outlook.path("phases").path("ACTIVE").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(outlook.path("phases").path("FROZEN").isNumber()).isTrue();
    Map<String, String> kinds = kinds(outlook);
    assertThat(kinds).containsEntry(expiring, "EXPIRY").containsEntry(renewing, "AUTO_RENEWAL_SHORT");
    assertThat(outlook.path("due").get(0).path("at").asText()).endsWith("+08:00");

    // Past the term and into FROZEN: the expiring resource now falls due as a release.
    JsonNode timeline = operator.get("/v1/resources/" + expiring + "/timeline").json();
    for (JsonNode event : timeline.path("events")) {
      if (event.path("event").asText().equals("ENTERED_FROZEN")) {
        Fixtures.advanceTo(operator, OffsetDateTime.parse(event.path("at").asText()).plusHours(1).toString());
      }
    }
    assertThat(Fixtures.phase(operator, expiring)).isEqualTo("FROZEN");
    JsonNode later = operator.get("/v1/resource-outlook?days=31").json();
    assertThat(kinds(later)).containsEntry(expiring, "RELEASE");
    assertThat(later.path("phases").path("FROZEN").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theOutlookIsTheOperatorsAndItsParametersAreChecked() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V1");
    String key = operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", account)).get("key");
    assertThat(shared.server().client(key).get("/v1/resource-outlook").status()).isEqualTo(403);
    HttpApi.Answer refused = operator.get("/v1/resource-outlook?days=0");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").path("code").asText()).isEqualTo("INVALID_QUERY_PARAMETER");
  }

  @Test
  void accountsAreFoundByIdOrPartOfTheirNameAndFilteredByStanding() {
    HttpApi operator = shared.operator();
    String magnolia = Fixtures.account(operator, "V1", Map.of("name", "Magnolia Tea House"));
    Fixtures.account(operator, "V1", Map.of("name", "Lotus Bakery"));
    assertThat(ids(operator.get("/v1/accounts?q=MAGNOLIA").json())).containsExactly(magnolia);
    assertThat(ids(operator.get("/v1/accounts?q=" + magnolia).json())).containsExactly(magnolia);
    assertThat(ids(operator.get("/v1/accounts?q=nobody-has-this-name").json())).isEmpty();
    assertThat(ids(operator.get("/v1/accounts?filter=in-arrears&q=magnolia").json())).isEmpty();
    HttpApi.Answer refused = operator.get("/v1/accounts?filter=rich");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").path("message").asText())
        .isEqualTo("Query parameter 'filter': must be one of in-arrears, low-balance, was 'rich'.");
    assertThat(operator.get("/v1/accounts?q=" + "x".repeat(201)).status()).isEqualTo(400);
  }

  private static Map<String, String> kinds(JsonNode outlook) {
    Map<String, String> kinds = new HashMap<>();
    outlook.path("due").forEach(item -> kinds.put(item.path("resourceId").asText(), item.path("kind").asText()));
    return kinds;
  }

  private static java.util.List<String> ids(JsonNode page) {
    return page.path("items").findValuesAsText("id");
  }
}
