package io.tenure.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
  private static final String BODY = "{\"type\":\"resource.frozen\",\"data\":{\"sequence\":7}}";

  @Test
  void aNewSecretIsAStandardWebhooksSecretOf32Bytes() throws Exception {
    String secret = WebhookSigner.newSecret();
    assertThat(secret).startsWith("whsec_");
    assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    assertThat(WebhookSigner.newSecret()).isNotEqualTo(secret);
    new Webhook(secret);
  }

  @Test
  void duringARotationEitherSecretVerifiesTheSameWebhook() throws Exception {
    String current = WebhookSigner.newSecret();
    String previous = WebhookSigner.newSecret();
    long now = Instant.now().getEpochSecond();
    String signature = WebhookSigner.signature(List.of(current, previous), "evt_7", now, BODY);

    assertThat(signature.split(" ")).hasSize(2).allMatch(one -> one.startsWith("v1,"));
    Map<String, List<String>> headers = Map.of("webhook-id", List.of("evt_7"), "webhook-timestamp", List.of(Long.toString(now)),
        "webhook-signature", List.of(signature));
    assertThatCode(() -> new Webhook(current).verify(BODY, headers)).doesNotThrowAnyException();
    assertThatCode(() -> new Webhook(previous).verify(BODY, headers)).doesNotThrowAnyException();
    assertThatThrownBy(() -> new Webhook(WebhookSigner.newSecret()).verify(BODY, headers))
        .isInstanceOf(WebhookVerificationException.class);
  }
}
