package io.tenure.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hourly settlement, arrears and restore over HTTP on the simulated clock (docs/usage.md; issue 13's first "Done
 * when"): an {@code ecs} instance at 3.00 an hour on a wallet of 10.00.
 */
class SettlementIT {

  static String paygAccount(HttpApi operator, String tier, String balance) {
    String account = Fixtures.account(operator, tier);
    Fixtures.topUp(operator, account, balance);
    return account;
  }

  static String instance(HttpApi operator, String account) {
    return Fixtures.payAsYouGo(operator, account);
  }

  static String balance(HttpApi operator, String account) {
    return operator.get("/v1/accounts/" + account).get("balance");
  }

  static List<JsonNode> usageBills(HttpApi operator, String account) {
    List<JsonNode> bills = new ArrayList<>();
    operator.get("/v1/accounts/" + account + "/bills?limit=1000").json().path("items").forEach(bill -> {
      if (bill.path("type").asText().equals("USAGE")) {
        bills.add(0, bill);
      }
    });
    return bills;
  }

  static long arrearsNotices(HttpApi operator, String account) {
    return Fixtures.messages(operator, account).stream().filter(message -> message.path("type").asText().equals("ARREARS")).count();
  }

  @Test
  void aBalanceOfTenAtThreeAnHourGoesIntoArrearsAtTheFourthSettlementThenStopsAfterTheTiersPeriodAndIsReleasedFifteenDaysLater() {
    try (TestServer server = TestServer.simulatedAt("2026-03-01T00:00:00Z")) {
      HttpApi operator = server.operator();
      assertThat(operator.send("PUT", "/v1/catalog", Fixtures.demoCatalogWithHourlyPrice("3.00"), null).status()).isEqualTo(201);
      String silver = paygAccount(operator, "silver", "10.00");
      String silverInstance = instance(operator, silver);
      String standard = paygAccount(operator, "standard", "10.00");
      String standardInstance = instance(operator, standard);
      String limited = paygAccount(operator, "silver", "10.00");
      assertThat(operator.put("/v1/accounts/" + limited + "/settings", Map.of("creditLimit", "50.00")).status()).isEqualTo(200);
      String limitedInstance = instance(operator, limited);
      String restored = paygAccount(operator, "silver", "10.00");
      String restoredInstance = instance(operator, restored);

      Fixtures.advanceTo(operator, "2026-03-01T03:00:00Z");
      assertThat(balance(operator, silver)).isEqualTo("1.00");
      assertThat(Fixtures.phase(operator, silverInstance)).isEqualTo("ACTIVE");
      assertThat(arrearsNotices(operator, silver)).isZero();

      Fixtures.advanceTo(operator, "2026-03-01T04:00:00Z");
      assertThat(balance(operator, silver)).isEqualTo("-2.00");
      assertThat(Fixtures.phase(operator, silverInstance)).as("arrears at the 4th hour's settlement").isEqualTo("GRACE");
      assertThat(arrearsNotices(operator, silver)).isEqualTo(1);
      List<JsonNode> bills = usageBills(operator, silver);
      assertThat(bills).hasSize(4).allSatisfy(bill -> assertThat(bill.path("total").asText()).isEqualTo("3.00"));
      assertThat(bills.getLast().path("lines").get(0).path("description").asText()).contains("2026-03-01 03:00–04:00 UTC");

      Fixtures.advanceTo(operator, "2026-03-01T06:00:00Z");
      assertThat(Fixtures.phase(operator, standardInstance)).as("a 2-hour tier stops after 2 hours").isEqualTo("FROZEN");
      assertThat(Fixtures.phase(operator, silverInstance)).isEqualTo("GRACE");

      Fixtures.advanceTo(operator, "2026-03-01T20:00:00Z");
      assertThat(balance(operator, limited)).isEqualTo("-50.00");
      assertThat(Fixtures.phase(operator, limitedInstance)).as("at minus the credit limit, not below it").isEqualTo("ACTIVE");
      Fixtures.advanceTo(operator, "2026-03-01T21:00:00Z");
      assertThat(Fixtures.phase(operator, limitedInstance)).as("the credit limit of 50.00 moves the arrears").isEqualTo("GRACE");
      assertThat(arrearsNotices(operator, limited)).isEqualTo(1);

      Fixtures.advanceTo(operator, "2026-03-02T03:59:59Z");
      assertThat(Fixtures.phase(operator, silverInstance)).isEqualTo("GRACE");
      Fixtures.advanceTo(operator, "2026-03-02T04:00:00Z");
      assertThat(Fixtures.phase(operator, silverInstance)).as("stopped 24 hours after the arrears began").isEqualTo("FROZEN");
      assertThat(balance(operator, silver)).as("the 24 hours of grace were billed").isEqualTo("-74.00");
      Fixtures.advanceTo(operator, "2026-03-02T05:00:00Z");
      assertThat(balance(operator, silver)).as("a stopped instance pays no hourly price").isEqualTo("-74.00");

      assertThat(Fixtures.phase(operator, restoredInstance)).isEqualTo("FROZEN");
      assertThat(Fixtures.topUp(operator, restored, "100.00")).isEqualTo("26.00");
      assertThat(Fixtures.phase(operator, restoredInstance)).as("a top-up to zero or above restores at once").isEqualTo("ACTIVE");
      assertThat(operator.get("/v1/accounts/" + restored).json().path("inArrears").asBoolean()).isFalse();
      Fixtures.advanceTo(operator, "2026-03-02T07:00:00Z");
      assertThat(balance(operator, restored)).as("the next hours are billed again").isEqualTo("20.00");
      assertThat(Fixtures.phase(operator, restoredInstance)).isEqualTo("ACTIVE");

      Fixtures.advanceTo(operator, "2026-03-17T03:59:59Z");
      assertThat(Fixtures.phase(operator, silverInstance)).isEqualTo("FROZEN");
      Fixtures.advanceTo(operator, "2026-03-17T04:00:00Z");
      assertThat(Fixtures.phase(operator, silverInstance)).as("released 15 days after it was stopped").isEqualTo("RELEASED");
      assertThat(balance(operator, silver)).isEqualTo("-74.00");
    }
  }
}
