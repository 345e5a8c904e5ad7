package io.tenure.clock;

import io.tenure.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the simulated clock may move: at most {@link #STEP_DAYS_MAX} days at once, and never past
 * {@link #LATEST}, so that every instant the rules derive from it (term ends, releases years later) and every
 * instant shown in any zone stays an ordinary four-digit-year date. Checked before the clock or any data moves.
 */
public final class ClockRange {
  /** One hundred years of 366 days. */
  public static final long STEP_DAYS_MAX = 36_600;
  /** The last instant the clock may show. */
  public static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

  private ClockRange() {}

  /** The latest target an advance from {@code now} may reach. */
  public static Instant latestFrom(Instant now) {
    Instant stepped = now.plus(Duration.ofDays(STEP_DAYS_MAX));
    return stepped.isBefore(LATEST) ? stepped : LATEST;
  }

  public static boolean allows(Instant now, Instant target) {
    return !target.isAfter(latestFrom(now));
  }

  /** Refuses a target past {@link #latestFrom}; {@code what} names it in the message ("Field 'to'" or "--start"). */
  public static void require(Instant now, Instant target, String what) {
    if (!allows(now, target)) {
      throw new InvalidInputException("CLOCK_TARGET_OUT_OF_RANGE", what + ": must be no later than "
          + OperatorZone.prose(latestFrom(now)) + ", as the clock moves at most " + STEP_DAYS_MAX
          + " days at once and never past " + OperatorZone.prose(LATEST) + ".");
    }
  }
}
