package io.tenure.resource;

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

/** Every ledger entry and bill line tied to a resource names its plan, whatever moved the money. */
class LedgerDescriptionsIT {

  @Test
  void purchaseAddOnChangeRenewalAutoRenewalAndRefundEntriesNameThePlanAndTheResource() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi api = server.operator();
      String account = Fixtures.account(api, "V3");
      Fixtures.topUp(api, account, "10000.00");
      String manual = Fixtures.bought(api, account, "koodrive-basic", 1);
      HttpApi.Answer auto = api.post("/v1/resources", Map.of("accountId", account, "plan", "koodrive-basic",
          "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1, "autoRenew", true)));
      assertThat(auto.status()).isEqualTo(201);
      assertThat(api.put("/v1/resources/" + manual + "/add-ons", List.of(Map.of("code", "koodrive-users", "quantity", 3)),
          key()).status()).isEqualTo(200);
      assertThat(api.put("/v1/resources/" + manual + "/add-ons", List.of(Map.of("code", "koodrive-users", "quantity", 1)),
          key()).status()).isEqualTo(200);
      assertThat(api.post("/v1/resources/" + manual + "/renewals", Map.of("periods", 1), key()).status()).isEqualTo(201);
      Fixtures.advanceTo(api, "2023-04-08T12:00:00+08:00");
      assertThat(api.post("/v1/resources/" + manual + "/unsubscribe", Map.of(), key()).status()).isEqualTo(200);

      List<String> descriptions = new ArrayList<>();
      api.get("/v1/accounts/" + account + "/ledger?limit=100").json().path("items").forEach(item -> {
        if (!item.path("billId").isNull()) {
          descriptions.add(item.path("description").asText());
        }
      });
      assertThat(descriptions).hasSize(7).allSatisfy(description -> assertThat(description).contains("KooDrive Basic (res_"));
      assertThat(descriptions).anySatisfy(description -> assertThat(description).startsWith("Auto-renewal of KooDrive Basic"));
      assertThat(descriptions).anySatisfy(description -> assertThat(description).startsWith("Unsubscription refund of KooDrive Basic"));
      JsonNode bills = api.get("/v1/accounts/" + account + "/bills?limit=100").json().path("items");
      assertThat(bills).hasSize(7).allSatisfy(bill -> assertThat(bill.path("lines"))
          .as("%s", bill.path("type")).anySatisfy(line -> assertThat(line.path("description").asText()).contains("KooDrive Basic")));
    }
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }
}
