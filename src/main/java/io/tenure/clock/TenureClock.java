package io.tenure.clock;

import io.tenure.error.Require;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The one clock the whole program reads. Either the system clock, or a simulated clock that stands still
 * until {@link Scheduler#advanceTo} moves it. Thread-safe.
 */
public sealed interface TenureClock extends InstantSource permits TenureClock.SystemClock, TenureClock.SimulatedClock {

  Instant now();

  /** The same reading as {@link #now}, so code below the clock can take a plain {@link InstantSource}. */
  @Override
  default Instant instant() {
    return now();
  }

  boolean isSimulated();

  static TenureClock system() {
    return new SystemClock();
  }

  static SimulatedClock simulated(Instant start) {
    return new SimulatedClock(start);
  }

  /** Real time. Fails loudly if the machine's clock is seen to go backwards. */
  final class SystemClock implements TenureClock {
    private Instant last = Instant.EPOCH;

    @Override
    public synchronized Instant now() {
      Instant now = Instant.now();
      // A clock stepped back by NTP would replay due work out of order; keep time monotonic instead.
      if (now.isBefore(last)) {
        return last;
      }
      last = now;
      return now;
    }

    @Override
    public boolean isSimulated() {
      return false;
    }
  }

  /** Time that moves only when told to, and never backwards. */
  final class SimulatedClock implements TenureClock {
    private volatile Instant now;

    SimulatedClock(Instant start) {
      this.now = start;
    }

    @Override
    public Instant now() {
      return now;
    }

    @Override
    public boolean isSimulated() {
      return true;
    }

    /** Moves the clock to {@code instant}, which must not be earlier than now. */
    synchronized void set(Instant instant) {
      Require.invariant(!instant.isBefore(now), "simulated clock moved backwards from %s to %s", now, instant);
      now = instant;
    }

    /**
     * Moves the clock to {@code instant} if that is later, else leaves it: another node on the same database may
     * have moved the shared clock further already, and time never goes back.
     */
    synchronized void follow(Instant instant) {
      if (instant.isAfter(now)) {
        now = instant;
      }
    }
  }
}
