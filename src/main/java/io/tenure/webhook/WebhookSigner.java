package io.tenure.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signs webhooks as Standard Webhooks 1.0 with its maintained library: {@code v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>} per secret, several separated by spaces (while a rotated secret still signs). Thread-safe.
 */
final class WebhookSigner {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SECRET_BYTES = 32;

  private WebhookSigner() {}

  /** A new secret, {@code whsec_} and 32 random bytes in base64, as the standard writes them. */
  static String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return Webhook.SECRET_PREFIX + Base64.getEncoder().encodeToString(secret);
  }

  /** The {@code webhook-signature} header of one attempt: one signature per secret, the current one first. */
  static String signature(List<String> secrets, String eventId, long timestampSeconds, String body) {
    return secrets.stream().map(secret -> sign(secret, eventId, timestampSeconds, body)).collect(Collectors.joining(" "));
  }

  private static String sign(String secret, String eventId, long timestampSeconds, String body) {
    try {
      return new Webhook(secret).sign(eventId, timestampSeconds, body);
    } catch (WebhookSigningException failure) {
      // HMAC-SHA256 is in every JDK and the secret is ours: signing cannot fail for a reason of the caller's.
      throw new IllegalStateException("signing a webhook failed", failure);
    } catch (com.standardwebhooks.exceptions.EmptyWebhookSecretException failure) {
      throw new IllegalStateException("a webhook endpoint has an empty secret", failure);
    }
  }
}
