package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Seed 002's worked examples and the money rules of prepaid purchases, over HTTP against a fresh server. */
class PrepaidPurchasesIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");
  private static HttpApi operator;

  @BeforeAll
  static void operator() {
    operator = shared.operator();
  }

  private static String fundedAccount(String amount) {
    String id = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, id, amount);
    return id;
  }

  private static String balance(String accountId) {
    return operator.get("/v1/accounts/" + accountId).get("balance");
  }

  @Test
  void oneMonthBoughtAndRenewedOnceByHandCosts360() {
    String account = fundedAccount("1000.00");
    HttpApi.Answer bought = Fixtures.buyMonths(operator, account, "koodrive-basic", 1);
    assertThat(bought.status()).as("%s", bought).isEqualTo(201);
    assertThat(bought.json().path("term").path("start").asText()).isEqualTo("2023-03-08T15:50:04+08:00");
    assertThat(bought.json().path("term").path("end").asText()).isEqualTo("2023-04-08T23:59:59+08:00");
    assertThat(bought.json().path("bill").path("total").asText()).isEqualTo("180.00");

    HttpApi.Answer renewed = operator.post("/v1/resources/" + bought.get("id") + "/renewals", Map.of("periods", 1), "renew-1");
    assertThat(renewed.status()).as("%s", renewed).isEqualTo(201);
    assertThat(renewed.json().path("term").path("end").asText()).isEqualTo("2023-05-08T23:59:59+08:00");
    assertThat(renewed.json().path("bill").path("total").asText()).isEqualTo("180.00");

    JsonNode bills = operator.get("/v1/accounts/" + account + "/bills").json().path("items");
    assertThat(bills).extracting(bill -> bill.path("type").asText() + " " + bill.path("total").asText())
        .containsExactly("RENEWAL 180.00", "PURCHASE 180.00");
    assertThat(balance(account)).isEqualTo("640.00");
  }

  @Test
  void userExpansionOfFiveMakesOneBillOf19375() {
    String account = fundedAccount("1000.00");
    HttpApi.Answer bought = Fixtures.buyMonths(operator, account, "koodrive-basic", 1, "koodrive-users", 5);
    assertThat(bought.status()).as("%s", bought).isEqualTo(201);
    JsonNode bill = bought.json().path("bill");
    assertThat(bill.path("total").asText()).isEqualTo("193.75");
    assertThat(bill.path("lines")).extracting(line -> line.path("amount").asText()).containsExactly("180.00", "13.75");
    assertThat(balance(account)).isEqualTo("806.25");
  }

  @Test
  void usersBeyondTwentyThousandAreRefusedAndNothingIsCharged() {
    String account = fundedAccount("100000.00");
    HttpApi.Answer refused = Fixtures.buyMonths(operator, account, "koodrive-basic", 1, "koodrive-users", 19_996);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("PLAN_LIMIT_EXCEEDED");
    assertThat(refused.errorMessage()).contains("users", "20001", "20000");
    assertThat(balance(account)).isEqualTo("100000.00");
    assertThat(operator.get("/v1/accounts/" + account + "/bills").json().path("items")).isEmpty();

    HttpApi.Answer accepted = Fixtures.buyMonths(operator, account, "koodrive-basic", 1, "koodrive-users", 19_995);
    assertThat(accepted.status()).as("%s", accepted).isEqualTo(201);
    assertThat(accepted.json().path("bill").path("total").asText()).isEqualTo("55166.25");
  }

  @Test
  void aRefusedRenewalIsTheKeysFirstAnswerEvenAfterATopUp() {
    String account = fundedAccount("180.00");
    String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
    HttpApi.Answer refused = operator.post("/v1/resources/" + resource + "/renewals", Map.of("periods", 1), "renew-short");
    assertThat(refused.errorCode()).isEqualTo("INSUFFICIENT_BALANCE");
    Fixtures.topUp(operator, account, "500.00");
    HttpApi.Answer retried = operator.post("/v1/resources/" + resource + "/renewals", Map.of("periods", 1), "renew-short");
    assertThat(retried.status()).isEqualTo(409);
    assertThat(retried.errorCode()).isEqualTo(refused.errorCode());
    assertThat(retried.errorMessage()).contains(refused.errorMessage()).endsWith("send a new Idempotency-Key.");
    HttpApi.Answer newKey = operator.post("/v1/resources/" + resource + "/renewals", Map.of("periods", 1), "renew-again");
    assertThat(newKey.status()).isEqualTo(201);
    assertThat(balance(account)).isEqualTo("320.00");
  }

  @Test
  void insufficientBalanceWritesNothing() {
    String account = fundedAccount("100.00");
    HttpApi.Answer refused = Fixtures.buyMonths(operator, account, "koodrive-basic", 1);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("INSUFFICIENT_BALANCE");
    assertThat(balance(account)).isEqualTo("100.00");
    assertThat(operator.get("/v1/accounts/" + account + "/bills").json().path("items")).isEmpty();
    assertThat(operator.get("/v1/accounts/" + account + "/ledger").json().path("items")).hasSize(1);
  }

  @Test
  void badPurchasesAreClearFourHundredsThatChargeNothing() {
    String account = fundedAccount("1000.00");
    assertThat(Fixtures.buyMonths(operator, account, "no-such-plan", 1).errorCode()).isEqualTo("PLAN_NOT_FOUND");
    assertThat(Fixtures.buyMonths(operator, account, "koodrive-basic", 1, "no-such-add-on", 1).errorCode()).isEqualTo("ADD_ON_NOT_FOUND");
    assertThat(Fixtures.buyMonths(operator, account, "koodrive-basic", 0).errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(Fixtures.buyMonths(operator, account, "koodrive-basic", -1).errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(Fixtures.buyMonths(operator, account, "koodrive-basic", 1, "koodrive-users", 0).errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(Fixtures.buyMonths(operator, account, "koodrive-basic", 1, "koodrive-users", -3).errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(Fixtures.buyMonths(operator, account, "koodrive-basic", 121).status()).isEqualTo(400);
    HttpApi.Answer badPeriod = operator.post("/v1/resources", Map.of("accountId", account, "plan", "koodrive-basic",
        "billing", Map.of("mode", "PREPAID", "period", "WEEK", "periods", 1)));
    assertThat(badPeriod.status()).isEqualTo(400);
    HttpApi.Answer prepaidEcs = Fixtures.buyMonths(operator, account, "ecs-general", 1);
    assertThat(prepaidEcs.status()).isEqualTo(409);
    HttpApi.Answer unknownAccount = Fixtures.buyMonths(operator, "acc_nothing", "koodrive-basic", 1);
    assertThat(unknownAccount.status()).isEqualTo(404);
    assertThat(balance(account)).isEqualTo("1000.00");
  }

  @Test
  void addingUsersMidTermChargesTheProratedPriceAndRemovingThemRefundsRoundedDown() {
    String account = fundedAccount("1000.00");
    String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
    // Half-way is not exact here; the charge is 5 × 2.75 × remaining/total, rounded half-up.
    HttpApi.Answer added = operator.put("/v1/resources/" + resource + "/add-ons", List.of(Map.of("code", "koodrive-users", "quantity", 5)));
    assertThat(added.status()).as("%s", added).isEqualTo(200);
    assertThat(added.json().path("bill").path("total").asText()).isEqualTo("13.75");
    assertThat(added.json().path("addOns").get(0).path("quantity").asLong()).isEqualTo(5);

    HttpApi.Answer removed = operator.put("/v1/resources/" + resource + "/add-ons", List.of());
    assertThat(removed.status()).as("%s", removed).isEqualTo(200);
    assertThat(removed.json().path("bill").path("total").asText()).isEqualTo("-13.75");
    assertThat(balance(account)).isEqualTo("820.00");
  }

  @Test
  void unsubscribingHalfWayRefundsTheUnusedPartRoundedDown() {
    String account = fundedAccount("1000.00");
    String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
    // Term 2023-03-08T15:50:04 .. 2023-04-08T23:59:59 is 2,707,795 s; after 1,353,897 s, 1,353,898 s remain.
    Fixtures.advanceTo(operator, "2023-03-24T07:55:01+08:00");
    HttpApi.Answer unsubscribed = operator.post("/v1/resources/" + resource + "/unsubscribe", Map.of());
    assertThat(unsubscribed.status()).as("%s", unsubscribed).isEqualTo(200);
    assertThat(unsubscribed.get("phase")).isEqualTo("UNSUBSCRIBED");
    assertThat(unsubscribed.get("refund")).isEqualTo("90.00");
    assertThat(balance(account)).isEqualTo("910.00");
    HttpApi.Answer again = operator.post("/v1/resources/" + resource + "/unsubscribe", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("RESOURCE_UNSUBSCRIBED");
  }

  @Test
  void payAsYouGoInstanceStartsActiveWithoutTermOrCharge() {
    String account = fundedAccount("10.00");
    HttpApi.Answer bought = operator.post("/v1/resources", Map.of("accountId", account, "plan", "ecs-general",
        "billing", Map.of("mode", "PAYG")));
    assertThat(bought.status()).as("%s", bought).isEqualTo(201);
    assertThat(bought.get("phase")).isEqualTo("ACTIVE");
    assertThat(bought.json().path("term").isNull()).isTrue();
    assertThat(bought.json().has("bill")).isFalse();
    assertThat(bought.get("policy")).isEqualTo("alibaba-payg");
    assertThat(balance(account)).isEqualTo("10.00");
    HttpApi.Answer renewal = operator.post("/v1/resources/" + bought.get("id") + "/renewals", Map.of("periods", 1), "payg-renewal");
    assertThat(renewal.status()).isEqualTo(409);
    assertThat(renewal.errorCode()).isEqualTo("NOT_RENEWABLE");
  }

  @Test
  void resourcesOfOtherAccountsAreNotFoundForAnAccountKey() {
    String mine = fundedAccount("1000.00");
    String theirs = fundedAccount("1000.00");
    String theirResource = Fixtures.bought(operator, theirs, "koodrive-basic", 1);
    HttpApi me = shared.server().client(operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", mine)).get("key"));
    assertThat(me.get("/v1/resources/" + theirResource).errorCode()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(me.post("/v1/resources/" + theirResource + "/unsubscribe", Map.of()).status()).isEqualTo(404);
    assertThat(Fixtures.buyMonths(me, theirs, "koodrive-basic", 1).status()).isEqualTo(404);
    assertThat(Fixtures.buyMonths(me, mine, "koodrive-basic", 1).status()).isEqualTo(201);
    assertThat(operator.get("/v1/resources/res_nothing").errorCode()).isEqualTo("RESOURCE_NOT_FOUND");
  }

  @Test
  void accountResourcesAreListedAndFilteredByPhase() {
    String account = fundedAccount("1000.00");
    String kept = Fixtures.bought(operator, account, "koodrive-basic", 1);
    String ended = Fixtures.bought(operator, account, "tencent-drive-enterprise", 1);
    operator.post("/v1/resources/" + ended + "/unsubscribe", Map.of());
    assertThat(operator.get("/v1/accounts/" + account + "/resources").json().path("items"))
        .extracting(item -> item.path("id").asText()).containsExactlyInAnyOrder(kept, ended);
    assertThat(operator.get("/v1/accounts/" + account + "/resources?phase=UNSUBSCRIBED").json().path("items"))
        .extracting(item -> item.path("id").asText()).containsExactly(ended);
    assertThat(operator.get("/v1/accounts/" + account + "/resources?phase=SLEEPING").errorCode()).isEqualTo("INVALID_QUERY_PARAMETER");
  }

  @Test
  void fiftyConcurrentPurchasesNeverOverdrawTheWallet() throws Exception {
    String account = fundedAccount("1800.00");
    List<HttpApi.Answer> answers = concurrently(50, i -> Fixtures.buyMonths(operator, account, "koodrive-basic", 1));
    assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(10);
    assertThat(answers).filteredOn(answer -> answer.status() == 409)
        .allSatisfy(answer -> assertThat(answer.errorCode()).isEqualTo("INSUFFICIENT_BALANCE")).hasSize(40);
    assertThat(balance(account)).isEqualTo("0.00");
  }

  @Test
  void fiftyConcurrentRetriesWithOneKeyChargeOnce() throws Exception {
    String account = fundedAccount("1000.00");
    String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
    List<HttpApi.Answer> answers = concurrently(50, i ->
        operator.post("/v1/resources/" + resource + "/renewals", Map.of("periods", 1), "one-renewal"));
    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
    assertThat(answers).extracting(HttpApi.Answer::text).containsOnly(answers.getFirst().text());
    assertThat(balance(account)).isEqualTo("640.00");
    HttpApi.Answer otherBody = operator.post("/v1/resources/" + resource + "/renewals", Map.of("periods", 2), "one-renewal");
    assertThat(otherBody.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void concurrentAddOnChangesOfOneResourceEachPriceFromWhatTheOtherLeft() throws Exception {
    String account = fundedAccount("10000.00");
    String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
    for (int round = 0; round < 20; round++) {
      long[] quantities = {1 + round % 7, 9 + round % 5};
      List<HttpApi.Answer> answers = concurrently(2, i -> operator.put("/v1/resources/" + resource + "/add-ons",
          List.of(Map.of("code", "koodrive-users", "quantity", quantities[i]))));
      assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(200));
    }
    long users = operator.get("/v1/resources/" + resource).json().path("addOns").get(0).path("quantity").asLong();
    // Every change is at the purchase's instant, so it prices the whole term: (new - old) x 2.75 from the quantity it
    // replaced. A change that read the add-ons from before the other's commit would pay from the wrong quantity.
    assertThat(new BigDecimal(balance(account)))
        .isEqualByComparingTo(new BigDecimal("10000.00").subtract(new BigDecimal("180.00"))
            .subtract(new BigDecimal("2.75").multiply(BigDecimal.valueOf(users))));
  }

  private interface Call {
    HttpApi.Answer call(int index);
  }

  private static List<HttpApi.Answer> concurrently(int count, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(25);
    try {
      List<Future<HttpApi.Answer>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> call.call(index)));
      }
      List<HttpApi.Answer> answers = new ArrayList<>();
      for (Future<HttpApi.Answer> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }
}
