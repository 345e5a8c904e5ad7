package io.tenure.clock;

/**
 * How due work processed after its instant is judged. Phase changes, renewals and money are the same either way;
 * only a notice differs: one that a later notice or phase change has made pointless is not sent late (SPEC.md
 * section 2).
 */
public enum Pace {
  /**
   * Each event as if processed at the instant it fell due, as when time really passes: the simulated clock's
   * advance, which moves time for everyone at once.
   */
  LIVE,
  /** Processed now, after the fact: the system clock's tick and its catch-up after downtime. */
  CATCH_UP;

  /** The pace of the work a clock drives: a simulated clock lives through its advances, the system clock catches up. */
  public static Pace of(TenureClock clock) {
    return clock.isSimulated() ? LIVE : CATCH_UP;
  }
}
