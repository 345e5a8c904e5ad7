package io.tenure.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One endpoint of the operator's: where events go, which products and event types it takes (empty: all), the
 * secrets that sign them, and whether it still receives them.
 */
record WebhookEndpoint(String id, String url, List<String> products, List<String> events, String secret,
    Optional<String> previousSecret, Optional<Instant> previousSecretUntil, Instant createdAt, Optional<Instant> failingSince,
    Optional<Instant> warnedAt, Optional<Instant> disabledAt, Optional<String> disabledReason) {

  boolean takes(String productCode, String eventType) {
    return (products.isEmpty() || products.contains(productCode)) && (events.isEmpty() || events.contains(eventType));
  }
}
