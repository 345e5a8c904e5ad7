package io.tenure.notify;

import io.tenure.lifecycle.NoticeType;
import io.tenure.money.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Everything a notice's content is made of; rendering reads nothing else.
 *
 * @param plan the plan's name, e.g. "KooDrive Basic"; empty when the notice is not about a resource
 * @param resourceId empty for a notice about the whole account (low balance, arrears, an account hold)
 * @param dueAt the instant the notice fell due
 * @param termEnd the end of the resource's term when the notice was raised; empty for pay-as-you-go
 * @param releaseAt the instant the resource will be (or was) released; empty when it never will be
 * @param zone the account's zone, in which every instant is written
 * @param renewalPrice what the renewal costs (insufficient balance for auto-renewal), as the engine's auto-renewal
 *     priced it when it raised the notice, stored with the notice (V12)
 * @param balance the account's balance when the notice was raised (insufficient balance, low balance, arrears),
 *     stored likewise
 * @param threshold the low-balance threshold (LOW_BALANCE) or the credit limit (ARREARS) that was crossed
 * @param holdReason {@code VIOLATION}, {@code SECURITY}, {@code PARTNER} or {@code ADMIN} (SPEC.md section 3)
 */
public record NoticeFacts(NoticeType type, Optional<String> plan, Optional<String> resourceId, Instant dueAt,
    Optional<Instant> termEnd, Optional<Instant> releaseAt, ZoneId zone, Optional<Money> renewalPrice,
    Optional<Money> balance, Optional<Money> threshold, Optional<String> holdReason) {

  /** The facts of a notice about a resource's lifecycle, with no amounts or hold. */
  public NoticeFacts(NoticeType type, Optional<String> plan, Optional<String> resourceId, Instant dueAt,
      Optional<Instant> termEnd, Optional<Instant> releaseAt, ZoneId zone) {
    this(type, plan, resourceId, dueAt, termEnd, releaseAt, zone, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** These facts with the amounts of a notice about money. */
  public NoticeFacts withAmounts(Optional<Money> renewalPrice, Optional<Money> balance, Optional<Money> threshold) {
    return new NoticeFacts(type, plan, resourceId, dueAt, termEnd, releaseAt, zone, renewalPrice, balance, threshold, holdReason);
  }

  /** These facts with the amounts stored with the notice. */
  public NoticeFacts withAmounts(NoticeAmounts amounts) {
    return withAmounts(amounts.renewalPrice(), amounts.balance(), amounts.threshold());
  }

  /** These facts with the reason of a hold, if the notice names one. */
  public NoticeFacts withHoldReason(Optional<String> reason) {
    return reason.map(this::withHoldReason).orElse(this);
  }

  /** These facts with the reason of a hold. */
  public NoticeFacts withHoldReason(String reason) {
    return new NoticeFacts(type, plan, resourceId, dueAt, termEnd, releaseAt, zone, renewalPrice, balance, threshold,
        Optional.of(reason));
  }
}
