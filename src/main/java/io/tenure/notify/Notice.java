package io.tenure.notify;

import io.tenure.lifecycle.NoticeType;
import java.time.Instant;
import java.util.Optional;

/**
 * A notice to send to an account's contacts: its message type, the instant it fell due, and the dates its text
 * names: the exact instant of the resource's release (for notices about its future, or the release itself) and
 * the end of its term when the notice was raised, the amounts of a notice about money, and the reason of a hold
 * ({@code VIOLATION}, {@code SECURITY}, {@code PARTNER} or {@code ADMIN}) for a notice about one. A notice that several
 * paths may raise carries a {@code dedupKey} and then exists once however often it is raised; one raised by a
 * lifecycle transition has none, because the transition itself happens once.
 */
public record Notice(Optional<String> dedupKey, String accountId, Optional<String> resourceId, NoticeType type, Instant dueAt,
    Optional<Instant> releaseAt, Optional<Instant> termEnd, NoticeAmounts amounts, Optional<String> holdReason) {

  /** The notice of {@code type} that a lifecycle transition of a resource raised at {@code dueAt}. */
  public static Notice ofTransition(String accountId, String resourceId, NoticeType type, Instant dueAt,
      Optional<Instant> releaseAt, Optional<Instant> termEnd) {
    return new Notice(Optional.empty(), accountId, Optional.of(resourceId), type, dueAt, releaseAt, termEnd, NoticeAmounts.NONE, Optional.empty());
  }

  /** {@link #ofTransition} of a resource with no term (pay-as-you-go). */
  public static Notice ofTransition(String accountId, String resourceId, NoticeType type, Instant dueAt, Optional<Instant> releaseAt) {
    return ofTransition(accountId, resourceId, type, dueAt, releaseAt, Optional.empty());
  }

  /** A notice about a resource that exists once per {@code dedupKey}, whoever raises it. */
  public static Notice once(String dedupKey, String accountId, String resourceId, NoticeType type, Instant dueAt,
      Optional<Instant> releaseAt, Optional<Instant> termEnd) {
    return new Notice(Optional.of(dedupKey), accountId, Optional.of(resourceId), type, dueAt, releaseAt, termEnd, NoticeAmounts.NONE, Optional.empty());
  }

  /** {@link #once} with no dates to name. */
  public static Notice once(String dedupKey, String accountId, String resourceId, NoticeType type, Instant dueAt) {
    return once(dedupKey, accountId, resourceId, type, dueAt, Optional.empty(), Optional.empty());
  }

  /** This notice naming {@code newAmounts}, as they are when it is raised. */
  public Notice withAmounts(NoticeAmounts newAmounts) {
    return new Notice(dedupKey, accountId, resourceId, type, dueAt, releaseAt, termEnd, newAmounts, holdReason);
  }

  /** A notice about a hold on an account or on one resource of it, naming the hold's reason, that exists once per {@code dedupKey}. */
  public static Notice ofHold(String dedupKey, String accountId, Optional<String> resourceId, NoticeType type, Instant dueAt,
      String reason) {
    return new Notice(Optional.of(dedupKey), accountId, resourceId, type, dueAt, Optional.empty(), Optional.empty(),
        NoticeAmounts.NONE, Optional.of(reason));
  }

  /** Whether this notice names more than the engine's usual columns: amounts or a hold's reason. */
  boolean namesMore() {
    return !amounts.isEmpty() || holdReason.isPresent();
  }

  /** Whether this notice and {@code other} go in one outbox row: same subject, instant, dates, amounts and hold reason, neither deduplicated. */
  boolean sharesRowWith(Notice other) {
    return dedupKey.isEmpty() && other.dedupKey.isEmpty() && accountId.equals(other.accountId) && resourceId.equals(other.resourceId)
        && dueAt.equals(other.dueAt) && releaseAt.equals(other.releaseAt) && termEnd.equals(other.termEnd)
        && amounts.equals(other.amounts) && holdReason.equals(other.holdReason);
  }
}
