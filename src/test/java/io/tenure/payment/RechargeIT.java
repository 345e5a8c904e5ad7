package io.tenure.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Auto-recharge over HTTP with the simulated clock and the sandbox gateway (docs/recharge.md): a succeeding card
 * recharges before the account's next charge, a declining one is disabled after three failures with a notice, and
 * a timing-out one is charged once per crossing.
 */
class RechargeIT {
  private static final String START = "2023-03-08T15:50:04+08:00";

  static void settings(HttpApi api, String account, Map<String, Object> settings) {
    HttpApi.Answer changed = api.put("/v1/accounts/" + account + "/settings", settings);
    assertThat(changed.status()).as("%s", changed).isEqualTo(200);
  }

  static Map<String, Object> autoRecharge(String threshold, String amount, String card) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("autoRecharge", Map.of("threshold", threshold, "amount", amount));
    settings.put("paymentMethod", card);
    return settings;
  }

  static String buyAutoRenewing(HttpApi api, String account) {
    HttpApi.Answer bought = api.post("/v1/resources", Map.of("accountId", account, "plan", "koodrive-basic",
        "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1, "autoRenew", true)));
    assertThat(bought.status()).as("%s", bought).isEqualTo(201);
    return bought.get("id");
  }

  /** The account's ledger, oldest first. */
  static List<JsonNode> ledger(HttpApi api, String account) {
    List<JsonNode> transactions = new ArrayList<>();
    api.get("/v1/accounts/" + account + "/ledger?limit=1000").json().path("items").forEach(item -> transactions.add(0, item));
    return transactions;
  }

  static BigDecimal walletChange(JsonNode transaction, String account) {
    for (JsonNode entry : transaction.path("entries")) {
      if (entry.path("book").asText().equals("wallet:" + account)) {
        return new BigDecimal(entry.path("amount").asText());
      }
    }
    return BigDecimal.ZERO;
  }

  static long count(List<JsonNode> messages, String type) {
    return messages.stream().filter(message -> message.path("type").asText().equals(type)).count();
  }

  static List<String> attempts(TestServer server, String account) {
    return Jdbi.create(server.databaseUrl()).withHandle(handle -> handle.createQuery("""
            SELECT idempotency_key || ' ' || outcome FROM recharge_attempts WHERE account_id = :id ORDER BY crossing, attempt, call
            """).bind("id", account).mapTo(String.class).list());
  }

  static void advanceHours(HttpApi api, int hours) {
    assertThat(api.post("/v1/clock/advance", Map.of("hours", hours)).status()).isEqualTo(200);
  }

  @Test
  void aSucceedingCardRechargesBeforeTheNextChargeSoEveryAutoRenewalOfAYearIsPaidOnTime() {
    try (TestServer server = TestServer.simulatedAt(START)) {
      HttpApi api = server.operator();
      String account = Fixtures.account(api, "V3");
      Fixtures.topUp(api, account, "660.00");
      buyAutoRenewing(api, account);
      buyAutoRenewing(api, account);
      settings(api, account, autoRecharge("200.00", "500.00", SandboxGateway.SUCCESS));

      Fixtures.advanceTo(api, "2024-03-09T00:00:00+08:00");

      List<JsonNode> ledger = ledger(api, account);
      BigDecimal balance = BigDecimal.ZERO;
      BigDecimal threshold = new BigDecimal("200.00");
      int recharges = 0;
      for (int i = 0; i < ledger.size(); i++) {
        JsonNode transaction = ledger.get(i);
        balance = balance.add(walletChange(transaction, account));
        boolean recharge = transaction.path("description").asText().startsWith("Auto-recharge");
        recharges += recharge ? 1 : 0;
        if (balance.compareTo(threshold) < 0 && i > 0 && i + 1 < ledger.size()) {
          JsonNode next = ledger.get(i + 1);
          assertThat(next.path("description").asText()).as("after %s the next transaction is the recharge", transaction)
              .startsWith("Auto-recharge");
          assertThat(next.path("createdAt").asText()).as("dated at the crossing").isEqualTo(transaction.path("createdAt").asText());
        }
      }
      assertThat(recharges).isGreaterThanOrEqualTo(8);
      JsonNode bills = api.get("/v1/accounts/" + account + "/bills?limit=100").json().path("items");
      long renewals = 0;
      for (JsonNode bill : bills) {
        renewals += bill.path("type").asText().equals("RENEWAL") ? 1 : 0;
      }
      assertThat(renewals).as("two resources, twelve months").isEqualTo(24);
      List<JsonNode> messages = Fixtures.messages(api, account);
      assertThat(count(messages, "AUTO_RENEW_INSUFFICIENT_BALANCE")).isZero();
      assertThat(new BigDecimal(api.get("/v1/accounts/" + account).get("balance"))).isEqualTo(balance);
      assertThat(attempts(server, account)).hasSize(recharges).allSatisfy(attempt -> assertThat(attempt).endsWith("SUCCEEDED"));
    }
  }

  @Test
  void aDecliningCardIsTriedOncePerMoneyMovementAndDisabledAfterThreeFailuresWithOneNotice() {
    try (TestServer server = TestServer.simulatedAt(START)) {
      HttpApi api = server.operator();
      String account = Fixtures.account(api, "V3");
      Fixtures.topUp(api, account, "300.00");
      settings(api, account, autoRecharge("200.00", "500.00", SandboxGateway.DECLINE));
      Fixtures.bought(api, account, "koodrive-basic", 1);
      advanceHours(api, 1);
      advanceHours(api, 1);
      assertThat(attempts(server, account)).as("nothing moved: no second attempt").hasSize(1);
      for (int i = 0; i < 3; i++) {
        assertThat(api.post("/v1/accounts/" + account + "/adjustments", Map.of("amount", "-1.00", "reason", "fee"),
            UUID.randomUUID().toString()).status()).isEqualTo(201);
        advanceHours(api, 1);
      }

      String key = "recharge-" + account + "-1-";
      assertThat(attempts(server, account)).containsExactly(key + "1 DECLINED", key + "2 DECLINED", key + "3 DECLINED");
      assertThat(count(Fixtures.messages(api, account), "AUTO_RECHARGE_DISABLED")).isEqualTo(1);
      HttpApi.Answer read = api.get("/v1/accounts/" + account);
      assertThat(read.get("balance")).isEqualTo("117.00");
      assertThat(read.json().has("autoRechargeDisabledAt")).isTrue();

      settings(api, account, autoRecharge("200.00", "500.00", SandboxGateway.SUCCESS));
      assertThat(api.get("/v1/accounts/" + account).json().has("autoRechargeDisabledAt")).as("saved again: on").isFalse();
    }
  }

  @Test
  void aTimingOutCardIsRepeatedWithTheSameKeyAndTheWalletGainsTheAmountOnce() {
    try (TestServer server = TestServer.simulatedAt(START)) {
      HttpApi api = server.operator();
      String account = Fixtures.account(api, "V3");
      Fixtures.topUp(api, account, "300.00");
      settings(api, account, autoRecharge("200.00", "500.00", SandboxGateway.TIMEOUT));
      Fixtures.bought(api, account, "koodrive-basic", 1);

      advanceHours(api, 1);
      advanceHours(api, 24);

      String key = "recharge-" + account + "-1-1";
      assertThat(attempts(server, account)).containsExactly(key + " TIMED_OUT", key + " SUCCEEDED");
      assertThat(api.get("/v1/accounts/" + account).get("balance")).isEqualTo("620.00");
      assertThat(ledger(api, account).stream().filter(item -> item.path("description").asText().startsWith("Auto-recharge")))
          .hasSize(1);
    }
  }
}
