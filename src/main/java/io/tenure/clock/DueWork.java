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
   * due. Returns how many items it processed. Must be safe to call from several processes at once.
   */
  int processDue(Instant now);

  /**
   * The latest instant that any work already processed carries, if any was. Read only when a start finds
   * an advance that a dead process left unfinished, so the clock resumes no earlier than its own data; it
   * may therefore scan what the work has written.
   */
  Optional<Instant> latestProcessed();
}
