package io.tenure.clock;

import java.time.Instant;
import java.util.Optional;

/**
 * Work that falls due at instants: the lifecycle engine, renewals, notices. The {@link Scheduler} drives
 * every DueWork with the same calls whether time is real or simulated.
 */
public interface DueWork {

  /** The earliest instant at which something is due, if anything is pending. */
  Optional<Instant> earliestDue();

  /**
   * Processes everything due at or before {@code now}, in due order, each stamped with the instant it fell
   * due, at the given {@link Pace}. Returns how many items it processed. Must be safe to call from several
   * processes at once.
   */
  int processDue(Instant now, Pace pace);

  /** {@link #processDue(Instant, Pace)} after the fact: what a tick of the system clock does. */
  default int processDue(Instant now) {
    return processDue(now, Pace.CATCH_UP);
  }
}
