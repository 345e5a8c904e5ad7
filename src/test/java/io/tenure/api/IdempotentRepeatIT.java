package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A repeat of an answered request runs its change again before it finds its key taken (the key is claimed with the
 * answer, at the end of the transaction): whatever that second run meets, the repeat gets the first answer and moves
 * no money.
 */
class IdempotentRepeatIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");

  @Test
  void aRenewalRepeatedAfterTheBalanceRanOutIsAnsweredAsTheFirstTime() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, account, "1000.00");
    String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
    String renewals = "/v1/resources/" + resource + "/renewals";
    HttpApi.Answer first = operator.post(renewals, Map.of("periods", 1), "renew-once");
    assertThat(first.status()).as(first.text()).isEqualTo(201);
    String left = operator.get("/v1/accounts/" + account).get("balance");
    assertThat(operator.post("/v1/accounts/" + account + "/adjustments", Map.of("amount", "-" + left, "reason", "Spent"),
        "spend-all").status()).isEqualTo(201);

    HttpApi.Answer repeat = operator.post(renewals, Map.of("periods", 1), "renew-once");

    assertThat(repeat.status()).as(repeat.text()).isEqualTo(201);
    assertThat(repeat.text()).isEqualTo(first.text());
    assertThat(operator.get("/v1/accounts/" + account).get("balance")).isEqualTo("0.00");
  }

  @Test
  void aTopUpRepeatedWithAnotherAmountIsRefusedAndMovesNoMoney() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V3");
    String topUps = "/v1/accounts/" + account + "/top-ups";
    assertThat(operator.post(topUps, Map.of("amount", "10.00"), "top-up-once").status()).isEqualTo(201);

    HttpApi.Answer reused = operator.post(topUps, Map.of("amount", "20.00"), "top-up-once");

    assertThat(reused.status()).as(reused.text()).isEqualTo(409);
    assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(operator.get("/v1/accounts/" + account).get("balance")).isEqualTo("10.00");
  }
}
