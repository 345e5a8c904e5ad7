package io.tenure.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Auto-recharge beside hourly settlement (issue 13's "Done when"): with a succeeding card a pay-as-you-go account
 * is recharged before the next hour's charge whenever it crosses its threshold, so it never goes into arrears,
 * however long one simulated advance is; with a declining card it goes into arrears as it would without one.
 */
class PaygRechargeIT {

  private static String instanceOn(HttpApi operator, String card) {
    String account = Fixtures.account(operator, "silver");
    Fixtures.topUp(operator, account, "10.00");
    RechargeIT.settings(operator, account, RechargeIT.autoRecharge("5.00", "20.00", card));
    Fixtures.payAsYouGo(operator, account);
    return account;
  }

  @Test
  void aSucceedingCardKeepsAPayAsYouGoAccountOutOfArrearsThroughThreeDaysInOneAdvance() {
    try (TestServer server = TestServer.simulatedAt("2026-03-01T00:00:00Z")) {
      HttpApi operator = server.operator();
      assertThat(operator.send("PUT", "/v1/catalog", Fixtures.demoCatalogWithHourlyPrice("3.00"), null).status()).isEqualTo(201);
      String paying = instanceOn(operator, SandboxGateway.SUCCESS);
      String declined = instanceOn(operator, SandboxGateway.DECLINE);

      Fixtures.advanceTo(operator, "2026-03-04T00:00:00Z");

      JsonNode account = operator.get("/v1/accounts/" + paying).json();
      assertThat(account.path("inArrears").asBoolean()).isFalse();
      assertThat(account.has("arrearsSince")).isFalse();
      assertThat(Fixtures.messages(operator, paying)).noneMatch(message -> message.path("type").asText().equals("ARREARS"));
      List<JsonNode> ledger = RechargeIT.ledger(operator, paying);
      BigDecimal charged = ledger.stream().map(transaction -> RechargeIT.walletChange(transaction, paying))
          .filter(change -> change.signum() < 0).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(charged).as("72 hours at 3.00").isEqualByComparingTo("-216.00");
      long recharges = ledger.stream().filter(transaction -> transaction.path("kind").asText().equals("TOP_UP")).count() - 1;
      // 10.00 + n × 20.00 − 216.00 stays at or above 0 only if a recharge follows every crossing below 5.00.
      assertThat(recharges).isEqualTo(11);
      assertThat(new BigDecimal(account.path("balance").asText())).isEqualByComparingTo("14.00");

      assertThat(operator.get("/v1/accounts/" + declined).json().path("inArrears").asBoolean()).isTrue();
    }
  }
}
