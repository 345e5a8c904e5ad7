package io.tenure.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * A notice to send to an account's contacts: its message type, the instant it fell due, and for notices
 * about a resource's future the exact instant of its release. {@code dedupKey} makes it exist once however
 * often it is produced.
 */
public record Notice(String dedupKey, String accountId, Optional<String> resourceId, String type, Instant dueAt,
    Optional<Instant> releaseAt) {

  /** The notice of {@code type} about a resource, due at {@code dueAt}; one per resource, type and instant. */
  public static Notice aboutResource(String accountId, String resourceId, String type, Instant dueAt, Optional<Instant> releaseAt) {
    return new Notice(resourceId + "|" + type + "|" + dueAt, accountId, Optional.of(resourceId), type, dueAt, releaseAt);
  }
}
