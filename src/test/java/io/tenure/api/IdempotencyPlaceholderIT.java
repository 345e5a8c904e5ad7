package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A key whose claim is visible without an answer (the placeholder a claim writes before its change commits) is
 * never replayed as an answer: it is a request still being processed, to be sent again.
 */
class IdempotencyPlaceholderIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");

  @Test
  void aKeyWhoseFirstRequestHasNoAnswerYetAnswersInFlightAndMovesNoMoney() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, account, "100.00");
    String path = "/v1/accounts/" + account + "/top-ups";
    String body = "{\"amount\":\"25.00\"}";
    Jdbi.create(shared.server().databaseUrl()).useHandle(handle -> handle.createUpdate("""
            INSERT INTO idempotency_keys (namespace, key, request_hash, status, response, created_at)
            VALUES (:namespace, 'placeholder-1', :hash, 0, '', :now)
            """)
        .bind("namespace", account).bind("hash", Sha256.hex("POST " + path + "\n" + body)).bind("now", Instant.now())
        .execute());

    HttpApi.Answer answer = operator.post(path, body, "placeholder-1");

    assertThat(answer.status()).as(answer.text()).isEqualTo(409);
    assertThat(answer.errorCode()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
    assertThat(answer.errorMessage())
        .isEqualTo("The request with the Idempotency-Key 'placeholder-1' is still being processed; send it again.");
    assertThat(operator.get("/v1/accounts/" + account).get("balance")).isEqualTo("100.00");
  }
}
