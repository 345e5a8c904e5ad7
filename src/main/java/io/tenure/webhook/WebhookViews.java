package io.tenure.webhook;

import io.tenure.clock.OperatorZone;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the webhook routes show endpoints and attempts: instants in the operator's zone (they belong to no account). */
final class WebhookViews {

  /**
   * An endpoint; {@code secret} only in the answer that created it. {@code status} is {@code enabled} or
   * {@code disabled}; {@code failingSince} is when every attempt began to fail, {@code warnedAt} when the operator was
   * warned, {@code secretOverlapUntil} how long the previous secret still signs after a rotation.
   */
  record EndpointView(String id, String url, List<String> products, List<String> events, String secret, String status,
      OffsetDateTime createdAt, OffsetDateTime failingSince, OffsetDateTime warnedAt, OffsetDateTime disabledAt,
      String disabledReason, OffsetDateTime secretOverlapUntil) {}

  /** One attempt at one event. */
  record AttemptView(String id, String eventId, String type, String resourceId, int attempt, OffsetDateTime attemptedAt,
      Integer statusCode, String outcome, String error, String deliveryStatus) {}

  /**
   * The audit record of a release requested from a provider: when it fell due (in Tenure's time), when it was
   * requested, when the operator was alerted that it was not confirmed, who confirmed it and when.
   */
  record ReleaseView(String resourceId, String eventId, OffsetDateTime dueAt, OffsetDateTime requestedAt,
      OffsetDateTime alertedAt, String confirmedBy, OffsetDateTime confirmedAt) {}

  /** How many events a replay sends again. */
  record ReplayView(int replayed) {}

  /** A delivery of a resource's event to one endpoint: its status now, how many attempts, the last error. */
  record DeliveryView(String id, String endpointId, String eventId, String type, String status, int attempts,
      String lastError, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {}

  private WebhookViews() {}

  static EndpointView endpoint(WebhookEndpoint endpoint, boolean withSecret) {
    return new EndpointView(endpoint.id(), endpoint.url(), endpoint.products(), endpoint.events(),
        withSecret ? endpoint.secret() : null, endpoint.disabledAt().isPresent() ? "disabled" : "enabled",
        zoned(endpoint.createdAt()), zoned(endpoint.failingSince()), zoned(endpoint.warnedAt()),
        zoned(endpoint.disabledAt()), endpoint.disabledReason().orElse(null),
        zoned(endpoint.previousSecretUntil().filter(until -> endpoint.previousSecret().isPresent())));
  }

  static AttemptView attempt(WebhookDeliveries.Attempt attempt) {
    return new AttemptView("wha_" + attempt.id(), WebhookFanOut.eventId(attempt.eventSequence()), attempt.eventType(),
        attempt.resourceId(), attempt.attempt(), zoned(attempt.attemptedAt()), attempt.statusCode().orElse(null),
        attempt.outcome().toLowerCase(Locale.ROOT), attempt.error().orElse(null),
        attempt.deliveryStatus().name().toLowerCase(Locale.ROOT));
  }

  static DeliveryView delivery(WebhookDeliveries.Delivery delivery) {
    return new DeliveryView("whd_" + delivery.id(), delivery.endpointId(), WebhookFanOut.eventId(delivery.eventSequence()),
        delivery.eventType(), delivery.status().name().toLowerCase(Locale.ROOT), delivery.attempts(),
        delivery.lastError().orElse(null), zoned(delivery.createdAt()), zoned(delivery.deliveredAt()));
  }

  static ReleaseView release(WebhookReleases.Audit audit) {
    return new ReleaseView(audit.resourceId(), WebhookFanOut.eventId(audit.eventSequence()), zoned(audit.dueAt()),
        zoned(audit.requestedAt()), zoned(audit.alertedAt()), audit.confirmedBy().orElse(null), zoned(audit.confirmedAt()));
  }

  private static OffsetDateTime zoned(Instant instant) {
    return instant.atZone(OperatorZone.zone()).toOffsetDateTime();
  }

  private static OffsetDateTime zoned(Optional<Instant> instant) {
    return instant.map(WebhookViews::zoned).orElse(null);
  }
}
