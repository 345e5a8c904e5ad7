package io.tenure.payment;

import io.tenure.money.Money;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

/**
 * The pure rules of the low-balance warning (SPEC.md section 7): whether an account is low now (its balance below
 * its threshold, or its runway under its minimum), how long the balance lasts at the recent spend, and whether a
 * check crossed into low (a {@code LOW_BALANCE} notice) or recovered from it. Once per crossing: a notice is raised
 * only when the account was not low before, so it comes again only after a recovery. Stateless.
 */
public final class LowBalance {
  private static final long SECONDS_PER_DAY = 86_400;

  /** Which of the account's minimums the balance is under. The threshold is named first when both are. */
  public enum Reason { THRESHOLD, RUNWAY }

  /** What a check changes. */
  public enum Change { RAISE, RECOVER, NONE }

  private LowBalance() {}

  /**
   * How long {@code balance} lasts when {@code spendPerDay} is spent each day: empty when nothing is spent (it
   * lasts for ever), zero when nothing is left. Whole seconds, rounded down.
   */
  public static Optional<Duration> runway(Money balance, Money spendPerDay) {
    if (spendPerDay.signum() <= 0) {
      return Optional.empty();
    }
    if (balance.signum() <= 0) {
      return Optional.of(Duration.ZERO);
    }
    // Exact: minor units times seconds can exceed a long for very large balances.
    BigInteger seconds = BigInteger.valueOf(balance.minor()).multiply(BigInteger.valueOf(SECONDS_PER_DAY))
        .divide(BigInteger.valueOf(spendPerDay.minor()));
    return Optional.of(Duration.ofSeconds(seconds.longValue()));
  }

  /** Why the account is low now; empty when it is not (no minimum set counts as not under it). */
  public static Optional<Reason> reason(Money balance, Optional<Money> threshold, Optional<Duration> runway,
      Optional<Integer> minimumRunwayHours) {
    if (threshold.isPresent() && balance.compareTo(threshold.get()) < 0) {
      return Optional.of(Reason.THRESHOLD);
    }
    if (minimumRunwayHours.isPresent() && runway.isPresent()
        && runway.get().compareTo(Duration.ofHours(minimumRunwayHours.get())) < 0) {
      return Optional.of(Reason.RUNWAY);
    }
    return Optional.empty();
  }

  /** What a check that finds the account {@code now} changes, when it was low before or not. */
  public static Change change(boolean wasLow, Optional<Reason> now) {
    if (!wasLow && now.isPresent()) {
      return Change.RAISE;
    }
    if (wasLow && now.isEmpty()) {
      return Change.RECOVER;
    }
    return Change.NONE;
  }
}
