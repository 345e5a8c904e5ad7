package io.tenure.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A partner's watch list over HTTP on the simulated clock (docs/partners.md; issue 13's partner bullet): its own
 * accounts with arrears, low balance, runway, expiring terms and scheduled releases; filters; a top-up of its own
 * account restores it; any other partner's account or list is 404.
 */
class PartnersIT {


  private static List<String> ids(HttpApi.Answer page) {
    List<String> ids = new ArrayList<>();
    page.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static JsonNode item(HttpApi.Answer page, String accountId) {
    for (JsonNode item : page.json().path("items")) {
      if (item.path("id").asText().equals(accountId)) {
        return item;
      }
    }
    throw new AssertionError(accountId + " not in " + page);
  }

  @Test
  void aPartnerWatchesItsAccountsArrearsLowBalanceExpiriesAndReleasesAndRestoresOneByATopUp() {
    try (TestServer server = TestServer.simulatedAt("2026-03-01T00:00:00Z")) {
      HttpApi operator = server.operator();
      assertThat(operator.send("PUT", "/v1/catalog", Fixtures.demoCatalogWithHourlyPrice("3.00"), null).status()).isEqualTo(201);
      String partnerId = operator.post("/v1/partners", Map.of("name", "Changzhou Reseller")).get("id");
      HttpApi partner = server.client(operator.post("/v1/api-keys", Map.of("scope", "PARTNER", "partnerId", partnerId)).get("key"));
      String otherPartnerId = operator.post("/v1/partners", Map.of("name", "Other Reseller")).get("id");
      HttpApi otherPartner = server.client(operator.post("/v1/api-keys", Map.of("scope", "PARTNER", "partnerId", otherPartnerId)).get("key"));
      String othersAccount = Fixtures.account(otherPartner, "silver");

      String low = Fixtures.account(partner, "silver");
      assertThat(partner.put("/v1/accounts/" + low + "/settings", Map.of("lowBalanceThreshold", "100.00")).status()).isEqualTo(200);
      Fixtures.topUp(partner, low, "250.00");
      String expiring = Fixtures.bought(partner, low, "koodrive-basic", 1);
      Fixtures.advanceTo(operator, "2026-03-26T00:00:00Z");
      String owing = Fixtures.account(partner, "silver");
      Fixtures.topUp(partner, owing, "10.00");
      String instance = Fixtures.payAsYouGo(partner, owing);
      Fixtures.advanceTo(operator, "2026-03-26T05:00:00Z");

      HttpApi.Answer watched = partner.get("/v1/partners/" + partnerId + "/accounts");
      assertThat(watched.status()).as("%s", watched).isEqualTo(200);
      assertThat(ids(watched)).containsExactlyInAnyOrder(low, owing);
      JsonNode inArrears = item(watched, owing);
      assertThat(inArrears.path("balance").asText()).isEqualTo("-5.00");
      assertThat(inArrears.path("creditLimit").asText()).isEqualTo("0.00");
      assertThat(inArrears.path("arrears").path("since").asText()).isEqualTo("2026-03-26T12:00:00+08:00");
      assertThat(inArrears.path("arrears").path("amount").asText()).isEqualTo("5.00");
      assertThat(inArrears.path("runwayHours").asLong()).as("nothing left at 3.00 an hour").isZero();
      assertThat(inArrears.path("releasesScheduled")).hasSize(1);
      assertThat(inArrears.path("releasesScheduled").get(0).path("resourceId").asText()).isEqualTo(instance);
      assertThat(inArrears.path("releasesScheduled").get(0).path("phase").asText()).isEqualTo("GRACE");
      assertThat(inArrears.path("releasesScheduled").get(0).path("releaseAt").asText())
          .as("24 hours of grace and 15 days frozen after the arrears began").isEqualTo("2026-04-11T12:00:00+08:00");
      assertThat(inArrears.has("lowBalanceSince")).isFalse();
      JsonNode lowOne = item(watched, low);
      assertThat(lowOne.path("balance").asText()).isEqualTo("70.00");
      assertThat(lowOne.path("lowBalanceSince").asText()).isEqualTo("2026-03-01T08:00:00+08:00");
      assertThat(lowOne.has("arrears")).isFalse();
      assertThat(lowOne.has("runwayHours")).as("it spends nothing").isFalse();
      assertThat(lowOne.path("expiringSoon")).hasSize(1);
      assertThat(lowOne.path("expiringSoon").get(0).path("resourceId").asText()).isEqualTo(expiring);
      assertThat(lowOne.path("expiringSoon").get(0).path("termEnd").asText()).isEqualTo("2026-04-01T23:59:59+08:00");

      assertThat(ids(partner.get("/v1/partners/" + partnerId + "/accounts?filter=in-arrears"))).containsExactly(owing);
      assertThat(ids(partner.get("/v1/partners/" + partnerId + "/accounts?filter=low-balance"))).containsExactly(low);
      HttpApi.Answer badFilter = partner.get("/v1/partners/" + partnerId + "/accounts?filter=rich");
      assertThat(badFilter.status()).isEqualTo(400);
      assertThat(badFilter.errorCode()).isEqualTo("INVALID_QUERY_PARAMETER");
      assertThat(ids(operator.get("/v1/partners/" + partnerId + "/accounts?limit=1"))).hasSize(1);

      assertThat(partner.get("/v1/partners/" + otherPartnerId + "/accounts").status()).isEqualTo(404);
      assertThat(partner.get("/v1/accounts/" + othersAccount).status()).isEqualTo(404);
      HttpApi.Answer othersTopUp = partner.post("/v1/accounts/" + othersAccount + "/top-ups", Map.of("amount", "10.00"),
          UUID.randomUUID().toString());
      assertThat(othersTopUp.status()).as("%s", othersTopUp).isEqualTo(404);

      assertThat(Fixtures.topUp(partner, owing, "100.00")).isEqualTo("95.00");
      assertThat(Fixtures.phase(partner, instance)).as("a partner's top-up restores at once").isEqualTo("ACTIVE");
      JsonNode paid = item(partner.get("/v1/partners/" + partnerId + "/accounts"), owing);
      assertThat(paid.has("arrears")).isFalse();
      assertThat(paid.path("releasesScheduled")).isEmpty();
      assertThat(ids(partner.get("/v1/partners/" + partnerId + "/accounts?filter=in-arrears"))).isEmpty();
    }
  }
}
