package io.tenure.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * A notice to send to an account's contacts: its message type, the instant it fell due, and for notices
 * about a resource's future the exact instant of its release. A notice that several paths may raise carries
 * a {@code dedupKey} and then exists once however often it is raised; one raised by a lifecycle transition
 * has none, because the transition itself happens once.
 */
public record Notice(Optional<String> dedupKey, String accountId, Optional<String> resourceId, String type, Instant dueAt,
    Optional<Instant> releaseAt) {

  /** The notice of {@code type} that a lifecycle transition of a resource raised at {@code dueAt}. */
  public static Notice ofTransition(String accountId, String resourceId, String type, Instant dueAt, Optional<Instant> releaseAt) {
    return new Notice(Optional.empty(), accountId, Optional.of(resourceId), type, dueAt, releaseAt);
  }

  /** A notice about a resource that exists once per {@code dedupKey}, whoever raises it. */
  public static Notice once(String dedupKey, String accountId, String resourceId, String type, Instant dueAt) {
    return new Notice(Optional.of(dedupKey), accountId, Optional.of(resourceId), type, dueAt, Optional.empty());
  }

  /** Whether this notice and {@code other} go in one outbox row: same subject and instant, neither deduplicated. */
  boolean sharesRowWith(Notice other) {
    return dedupKey.isEmpty() && other.dedupKey.isEmpty() && accountId.equals(other.accountId) && resourceId.equals(other.resourceId)
        && dueAt.equals(other.dueAt) && releaseAt.equals(other.releaseAt);
  }
}
