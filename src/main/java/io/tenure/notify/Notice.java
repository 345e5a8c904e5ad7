package io.tenure.notify;

import io.tenure.lifecycle.NoticeType;
import java.time.Instant;
import java.util.Optional;

/**
 * A notice to send to an account's contacts: its message type, the instant it fell due, and the dates its text
 * names: the exact instant of the resource's release (for notices about its future, or the release itself) and
 * the end of its term when the notice was raised, and the amounts of a notice about money. A notice that several
 * paths may raise carries a {@code dedupKey} and then exists once however often it is raised; one raised by a
 * lifecycle transition has none, because the transition itself happens once.
 */
public record Notice(Optional<String> dedupKey, String accountId, Optional<String> resourceId, NoticeType type, Instant dueAt,
    Optional<Instant> releaseAt, Optional<Instant> termEnd, NoticeAmounts amounts) {

  /** The notice of {@code type} that a lifecycle transition of a resource raised at {@code dueAt}. */
  public static Notice ofTransition(String accountId, String resourceId, NoticeType type, Instant dueAt,
      Optional<Instant> releaseAt, Optional<Instant> termEnd) {
    return new Notice(Optional.empty(), accountId, Optional.of(resourceId), type, dueAt, releaseAt, termEnd, NoticeAmounts.NONE);
  }

  /** {@link #ofTransition} of a resource with no term (pay-as-you-go). */
  public static Notice ofTransition(String accountId, String resourceId, NoticeType type, Instant dueAt, Optional<Instant> releaseAt) {
    return ofTransition(accountId, resourceId, type, dueAt, releaseAt, Optional.empty());
  }

  /** A notice about a resource that exists once per {@code dedupKey}, whoever raises it. */
  public static Notice once(String dedupKey, String accountId, String resourceId, NoticeType type, Instant dueAt,
      Optional<Instant> releaseAt, Optional<Instant> termEnd) {
    return new Notice(Optional.of(dedupKey), accountId, Optional.of(resourceId), type, dueAt, releaseAt, termEnd, NoticeAmounts.NONE);
  }

  /** {@link #once} with no dates to name. */
  public static Notice once(String dedupKey, String accountId, String resourceId, NoticeType type, Instant dueAt) {
    return once(dedupKey, accountId, resourceId, type, dueAt, Optional.empty(), Optional.empty());
  }

  /** This notice naming {@code newAmounts}, as they are when it is raised. */
  public Notice withAmounts(NoticeAmounts newAmounts) {
    return new Notice(dedupKey, accountId, resourceId, type, dueAt, releaseAt, termEnd, newAmounts);
  }

  /** Whether this notice and {@code other} go in one outbox row: same subject, instant, dates and amounts, neither deduplicated. */
  boolean sharesRowWith(Notice other) {
    return dedupKey.isEmpty() && other.dedupKey.isEmpty() && accountId.equals(other.accountId) && resourceId.equals(other.resourceId)
        && dueAt.equals(other.dueAt) && releaseAt.equals(other.releaseAt) && termEnd.equals(other.termEnd)
        && amounts.equals(other.amounts);
  }
}
