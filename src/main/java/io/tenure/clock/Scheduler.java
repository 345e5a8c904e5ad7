package io.tenure.clock;

import io.tenure.error.RejectedException;
import io.tenure.error.Require;
import io.tenure.store.TransientFailures;
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
 * interval; with the simulated clock {@link #advanceTo} moves time to its target and makes the very same call
 * there, at {@link Pace#LIVE}, so that each event is handled as at its own instant. There is no second code path
 * for simulated time. A start catches up ({@link #catchUp}) before it serves, with either clock.
 *
 * <p>The simulated clock is shared by every Tenure on one database: the advancing process publishes its target
 * in {@link ClockStore} before processing, and every process {@link #follow}s the stored instant before it
 * serves a call and in a background tick, which also takes a share of the due work while another process
 * advances. A single Tenure follows only its own writes, so it behaves as if alone.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private static final long STALL_MAX_NANOS = 60_000_000_000L;
  /** How often a simulated clock follows the database's, and helps with another process's advance. */
  static final long FOLLOW_INTERVAL_MILLIS = 50;
  /** Consecutive steps of one advance that may fail on a lost or terminated database connection. */
  private static final int TRANSIENT_FAILURES_MAX = 10;

  private final TenureClock clock;
  private final List<DueWork> work = new CopyOnWriteArrayList<>();
  private final ClockStore clockStore;
  private ScheduledExecutorService ticker;
  /** Whether this process is walking the clock now; its own workers then do the work, so its tick need not help. */
  private volatile boolean advancing;

  public Scheduler(TenureClock clock, ClockStore clockStore) {
    this.clock = clock;
    this.clockStore = clockStore;
  }

  /**
   * The simulated clock of a start: where the previous run left it, or {@code start} on a new database. A
   * later {@code start} is reached by {@link #catchUp}, which processes what falls due on the way.
   */
  public static TenureClock.SimulatedClock resumedClock(ClockStore clockStore, Instant start) {
    return TenureClock.simulated(clockStore.load().map(ClockStore.Saved::now).orElse(start));
  }

  public TenureClock clock() {
    return clock;
  }

  public void register(DueWork dueWork) {
    work.add(dueWork);
  }

  /**
   * Processes everything that fell due while no Tenure ran, before the caller serves. With the system clock
   * that is one tick at the real now. With the simulated clock: an advance that a crash cut short is finished
   * first (its target was recorded before it began); then the clock advances to {@code requested} (the
   * {@code --start} of this run) if that is later, exactly as the clock API would. Returns the instant reached.
   */
  public Instant catchUp(Instant requested) {
    if (!(clock instanceof TenureClock.SimulatedClock simulated)) {
      int processed = tick();
      LOG.info("clock - caught up to {} before serving ({} items due)", OperatorZone.iso(clock.now()), processed);
      return clock.now();
    }
    Optional<Instant> interrupted = clockStore.load().flatMap(ClockStore.Saved::advancingTo);
    if (interrupted.isPresent()) {
      LOG.warn("clock - an advance to {} was cut short; finishing it before serving", OperatorZone.iso(interrupted.get()));
      advanceTo(interrupted.get().isAfter(simulated.now()) ? interrupted.get() : simulated.now());
    }
    if (!requested.isAfter(simulated.now())) {
      clockStore.save(simulated.now());
      return simulated.now();
    }
    ClockRange.require(simulated.now(), requested, "--start");
    Instant from = simulated.now();
    advanceTo(requested);
    LOG.info("clock - caught up from {} to {} before serving", OperatorZone.iso(from), OperatorZone.iso(simulated.now()));
    return simulated.now();
  }

  /**
   * Starts the background tick. With the system clock it processes what is due every interval. With a simulated
   * clock time moves only by advancing, so the tick only follows the clock of the database (another process on
   * it may advance) and, while that other process advances, processes due work at the stop it published.
   */
  public void start(long tickIntervalMillis) {
    ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tenure-tick").daemon().factory());
    // The start's catch-up was the first tick.
    if (clock.isSimulated()) {
      ticker.scheduleWithFixedDelay(this::followSafely, FOLLOW_INTERVAL_MILLIS, FOLLOW_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      ticker.scheduleWithFixedDelay(this::tickSafely, tickIntervalMillis, tickIntervalMillis, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Moves this process's simulated clock up to the instant stored in the database, where another Tenure on the
   * same database may have advanced it; called before serving every call. Nothing with the system clock.
   */
  public void follow() {
    if (clock instanceof TenureClock.SimulatedClock simulated) {
      clockStore.load().ifPresent(saved -> simulated.follow(saved.now()));
    }
  }

  /** The simulated tick: follows the stored clock and helps with an advance another process drives. */
  private void followTick() {
    if (advancing || !(clock instanceof TenureClock.SimulatedClock simulated)) {
      return;
    }
    Optional<ClockStore.Saved> saved = clockStore.load();
    if (saved.isEmpty()) {
      return;
    }
    simulated.follow(saved.get().now());
    if (saved.get().advancingTo().isPresent()) {
      // Everything due up to the published stop is this process's to share (FOR UPDATE SKIP LOCKED).
      tick(simulated.now());
    }
  }

  /** One tick: processes everything due now. Returns how many items were processed. */
  public int tick() {
    return tick(clock.now());
  }

  private int tick(Instant now) {
    int processed = 0;
    for (DueWork dueWork : work) {
      processed += dueWork.processDue(now, Pace.of(clock));
    }
    return processed;
  }

  /**
   * Moves the simulated clock to {@code target} and processes everything that falls due on the way, each event
   * at, and stamped with, the instant it fell due ({@link Pace#LIVE}); returns when all of it is done. The due
   * work is one pass in each account's due order, not a stop at every instant. The clock is published at the
   * target first, so that every Tenure on the database serves at it and shares the work; the target is also
   * recorded as an advance in progress, so a start after a crash finishes it. If processing fails, the clock
   * stays at the target and the failure is thrown: what is still due is processed by the next advance, or by the
   * next change to its account, still with its own instant.
   */
  public synchronized Instant advanceTo(Instant target) {
    TenureClock.SimulatedClock simulated = requireSimulated();
    if (target.isBefore(simulated.now())) {
      throw new RejectedException("CLOCK_BACKWARDS", "The clock cannot move backwards: it is "
          + OperatorZone.prose(simulated.now()) + ", asked for " + OperatorZone.prose(target) + ".");
    }
    ClockRange.require(simulated.now(), target, "The clock's target");
    clockStore.beginAdvance(target);
    advancing = true;
    try {
      simulated.follow(target);
      processDueUpTo(target);
    } catch (RuntimeException failure) {
      LOG.error("clock - advance to {} failed; the clock stays there and what is still due waits for the next advance",
          OperatorZone.iso(target), failure);
      saveAfterFailure(simulated.now(), failure);
      throw failure;
    } finally {
      advancing = false;
    }
    clockStore.save(simulated.now());
    LOG.info("clock - advanced to {}", OperatorZone.iso(simulated.now()));
    return simulated.now();
  }

  /** Processes until nothing is due by {@code target}, waiting (within bounds) for work another transaction holds. */
  private void processDueUpTo(Instant target) {
    long stalledSinceNanos = 0;
    int failuresInARow = 0;
    while (true) {
      Optional<Instant> next;
      int processed;
      try {
        next = earliestDue().filter(due -> !due.isAfter(target));
        if (next.isEmpty()) {
          return;
        }
        processed = tick(target);
        failuresInARow = 0;
      } catch (RuntimeException failure) {
        // A lost or terminated connection rolled its transaction back: the pass is taken again.
        if (!TransientFailures.isTransient(failure) || ++failuresInARow > TRANSIENT_FAILURES_MAX) {
          throw failure;
        }
        LOG.warn("clock - the advance to {} lost its database connection ({}), retrying",
            OperatorZone.iso(target), failure.getMessage());
        pause();
        continue;
      }
      if (processed == 0) {
        // What is due is held by another transaction (an API change, another engine): wait for it, within bounds.
        stalledSinceNanos = stalledSinceNanos == 0 ? System.nanoTime() : stalledSinceNanos;
        Require.invariant(System.nanoTime() - stalledSinceNanos < STALL_MAX_NANOS,
            "due work at %s stayed held by another transaction for %d s", next.get(), STALL_MAX_NANOS / 1_000_000_000L);
        pause();
      } else {
        stalledSinceNanos = 0;
      }
    }
  }

  /** Saves the clock after a failed step; if even that fails, the recorded target makes the next start recover. */
  private void saveAfterFailure(Instant now, RuntimeException failure) {
    try {
      clockStore.abandonAdvance(now);
    } catch (RuntimeException saveFailure) {
      failure.addSuppressed(saveFailure);
    }
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

  private void followSafely() {
    try {
      followTick();
    } catch (RuntimeException failure) {
      // The next tick follows again; a lost connection must not end the ticking.
      LOG.warn("clock - following the database's clock failed, retrying next tick: {}", failure.getMessage());
    }
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
