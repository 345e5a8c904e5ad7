package io.tenure.webhook;

import java.time.OffsetDateTime;

/**
 * The body of one webhook, as the provider receives it: {@code {"type", "timestamp", "data"}} (Standard Webhooks'
 * recommended shape). {@code timestamp} is the business instant of the event, in the account's zone.
 */
record WebhookEvent(String type, OffsetDateTime timestamp, Data data) {

  /**
   * What the provider must know of the resource: {@code sequence} orders every event of a resource (a provider never
   * applies a lower one after a higher one) and {@code eventId} is the webhook-id header, named in a release
   * confirmation.
   */
  record Data(String eventId, String resource, String account, String plan, String product, String phase,
      String serviceLevel, long sequence) {}
}
