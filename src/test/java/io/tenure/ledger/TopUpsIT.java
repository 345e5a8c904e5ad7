package io.tenure.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TopUpsIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");
  private static HttpApi operator;

  @BeforeAll
  static void operator() {
    operator = shared.operator();
  }

  @Test
  void topUpCreditsTheWalletThroughABalancedTransaction() {
    String id = Fixtures.account(operator, "V3");
    HttpApi.Answer topUp = operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "1000.00"), "first");
    assertThat(topUp.status()).isEqualTo(201);
    assertThat(topUp.get("balance")).isEqualTo("1000.00");

    HttpApi.Answer ledger = operator.get("/v1/accounts/" + id + "/ledger");
    assertThat(ledger.json().path("items")).hasSize(1);
    var entries = ledger.json().path("items").get(0).path("entries");
    assertThat(entries).extracting(entry -> entry.path("book").asText() + " " + entry.path("amount").asText())
        .containsExactlyInAnyOrder("wallet:" + id + " 1000.00", "funding:CNY -1000.00");
  }

  @Test
  void sameKeyAndBodyAnswersTheFirstAnswerAndMovesMoneyOnce() {
    String id = Fixtures.account(operator, "V3");
    HttpApi.Answer first = operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "10.00"), "retry-me");
    HttpApi.Answer second = operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "10.00"), "retry-me");
    assertThat(second.status()).isEqualTo(first.status());
    assertThat(second.text()).isEqualTo(first.text());
    assertThat(operator.get("/v1/accounts/" + id).get("balance")).isEqualTo("10.00");
  }

  @Test
  void sameKeyWithAnotherBodyIsRefused() {
    String id = Fixtures.account(operator, "V3");
    operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "10.00"), "reused");
    HttpApi.Answer reused = operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "99.00"), "reused");
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(operator.get("/v1/accounts/" + id).get("balance")).isEqualTo("10.00");
  }

  @Test
  void topUpWithoutKeyOrWithBadAmountsChangesNothing() {
    String id = Fixtures.account(operator, "V3");
    HttpApi.Answer noKey = operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "10.00"));
    HttpApi.Answer tooPrecise = operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "10.001"), "a");
    HttpApi.Answer negative = operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "-5"), "b");
    HttpApi.Answer zero = operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "0"), "c");
    HttpApi.Answer text = operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "ten"), "d");
    assertThat(noKey.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    assertThat(tooPrecise.errorCode()).isEqualTo("INVALID_AMOUNT");
    assertThat(negative.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(zero.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(text.status()).isEqualTo(400);
    assertThat(operator.get("/v1/accounts/" + id).get("balance")).isEqualTo("0.00");
  }

  @Test
  void fiftyConcurrentRetriesWithOneKeyTopUpOnce() throws Exception {
    String id = Fixtures.account(operator, "V3");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<HttpApi.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        answers.add(pool.submit(() -> operator.post("/v1/accounts/" + id + "/top-ups", Map.of("amount", "7.00"), "storm")));
      }
      for (Future<HttpApi.Answer> answer : answers) {
        assertThat(answer.get().status()).as("%s", answer.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(operator.get("/v1/accounts/" + id).get("balance")).isEqualTo("7.00");
    assertThat(operator.get("/v1/accounts/" + id + "/ledger").json().path("items")).hasSize(1);
  }

  @Test
  void operatorAdjustmentIsABalancedCorrection() {
    String id = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, id, "100.00");
    HttpApi.Answer adjusted = operator.post("/v1/accounts/" + id + "/adjustments", Map.of("amount", "-30.50", "reason", "goodwill reversal"), "adj");
    assertThat(adjusted.status()).isEqualTo(201);
    assertThat(adjusted.get("balance")).isEqualTo("69.50");
  }
}
