package io.tenure.clock;

import io.tenure.error.RejectedException;
import io.tenure.error.Require;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the due work. With the system clock a background tick calls {@link DueWork#processDue} every
 * interval; with the simulated clock {@link #advanceTo} walks time forward from one due instant to the next
 * and makes the very same call at each. There is no second code path for simulated time.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private static final long STALL_MAX_NANOS = 60_000_000_000L;

  private final TenureClock clock;
  private final List<DueWork> work = new CopyOnWriteArrayList<>();
  private final ClockStore clockStore;
  private ScheduledExecutorService ticker;

  public Scheduler(TenureClock clock, ClockStore clockStore) {
    this.clock = clock;
    this.clockStore = clockStore;
  }

  public TenureClock clock() {
    return clock;
  }

  public void register(DueWork dueWork) {
    work.add(dueWork);
  }

  /** Starts the background tick; with a simulated clock there is none, time moves only by advancing. */
  public void start(long tickIntervalMillis) {
    if (clock.isSimulated()) {
      return;
    }
    ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tenure-tick").daemon().factory());
    ticker.scheduleWithFixedDelay(this::tickSafely, 0, tickIntervalMillis, TimeUnit.MILLISECONDS);
  }

  /** One tick: processes everything due now. Returns how many items were processed. */
  public int tick() {
    Instant now = clock.now();
    int processed = 0;
    for (DueWork dueWork : work) {
      processed += dueWork.processDue(now);
    }
    return processed;
  }

  /**
   * Moves the simulated clock to {@code target}, stopping at every instant where work falls due on the way
   * so that each event is processed at, and stamped with, the instant it fell due. Returns when all of it
   * is done.
   */
  public synchronized Instant advanceTo(Instant target) {
    TenureClock.SimulatedClock simulated = requireSimulated();
    if (target.isBefore(simulated.now())) {
      throw new RejectedException("CLOCK_BACKWARDS",
          "The clock cannot move backwards: it is " + simulated.now() + ", asked for " + target + ".");
    }
    long stalledSinceNanos = 0;
    while (true) {
      Optional<Instant> next = earliestDue().filter(due -> !due.isAfter(target));
      Instant stop = next.map(due -> due.isBefore(simulated.now()) ? simulated.now() : due).orElse(target);
      simulated.set(stop);
      int processed = tick();
      if (next.isEmpty()) {
        break;
      }
      if (processed == 0) {
        // What is due is held by another transaction (a renewal, another engine): wait for it, within bounds.
        stalledSinceNanos = stalledSinceNanos == 0 ? System.nanoTime() : stalledSinceNanos;
        Require.invariant(System.nanoTime() - stalledSinceNanos < STALL_MAX_NANOS,
            "due work at %s stayed held by another transaction for %d s", next.get(), STALL_MAX_NANOS / 1_000_000_000L);
        pause();
      } else {
        stalledSinceNanos = 0;
      }
    }
    clockStore.save(simulated.now());
    LOG.info("clock - advanced to {}", simulated.now());
    return simulated.now();
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for held due work", interrupted);
    }
  }

  public TenureClock.SimulatedClock requireSimulated() {
    if (clock instanceof TenureClock.SimulatedClock simulated) {
      return simulated;
    }
    throw new RejectedException("CLOCK_NOT_SIMULATED",
        "The clock is the system clock; start Tenure with --clock simulated to read or move it.");
  }

  private Optional<Instant> earliestDue() {
    return work.stream().map(DueWork::earliestDue).flatMap(Optional::stream).min(Instant::compareTo);
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException failure) {
      // One failed tick must not end the ticking; the work is retried on the next one.
      LOG.error("tick - failed, retrying next tick", failure);
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
