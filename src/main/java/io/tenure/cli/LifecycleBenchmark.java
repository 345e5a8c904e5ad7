package io.tenure.cli;

import io.tenure.Capabilities;
import io.tenure.account.AccountStore;
import io.tenure.clock.TenureClock;
import io.tenure.engine.LifecycleEngine;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The steps of {@code tenure bench lifecycle} on an opened, empty database: load, claim ceiling, drain, idle
 * tick, write ceiling ({@link WriteCeiling}). The engine is built by {@link Capabilities#lifecycleEngine(int)}, exactly as {@code serve} builds it.
 * Not thread-safe: one run per instance.
 */
final class LifecycleBenchmark {
  /** The simulated instant the benchmark runs at; the loader places every due event relative to it. */
  static final Instant NOW = OffsetDateTime.parse("2026-03-02T09:30:00+08:00").toInstant();
  private static final int CLAIM_PASSES = 3;
  private static final int IDLE_TICKS = 50;
  /** Transitions the write ceiling writes per pass at most: enough for a steady rate, few enough to hold in memory. */
  private static final int WRITE_CEILING_PER_PASS = 50_000;
  private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(20);

  private final Jdbi jdbi;
  private final PrintWriter out;
  private final int workers;

  LifecycleBenchmark(Jdbi jdbi, PrintWriter out, int workers) {
    this.jdbi = jdbi;
    this.out = out;
    this.workers = workers;
  }

  /** Transition rates in per second, the idle tick in milliseconds. */
  record Result(long overallPerSecond, long firstTenthPerSecond, long lastTenthPerSecond, double idleTickMillis,
      long claimCeilingPerSecond, long writeCeilingPerSecond) {
    String summary() {
      return String.format(java.util.Locale.ROOT,
          "lifecycle: %d transitions/s overall (%s of the claim ceiling, %s of the write ceiling), first tenth %d/s, "
              + "last tenth %d/s, idle tick %.2f ms, claim ceiling %d/s, write ceiling %d/s",
          overallPerSecond, percent(overallPerSecond, claimCeilingPerSecond), percent(overallPerSecond, writeCeilingPerSecond),
          firstTenthPerSecond, lastTenthPerSecond, idleTickMillis, claimCeilingPerSecond, writeCeilingPerSecond);
    }
  }

  /** {@code part} as a whole percentage of {@code whole}, e.g. {@code 57%}. */
  static String percent(long part, long whole) {
    return whole <= 0 ? "n/a" : Math.round(part * 100.0 / whole) + "%";
  }

  Result run(int resources, double dueShare) {
    long existing = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM resources").mapTo(Long.class).one());
    if (existing > 0) {
      throw new IllegalStateException("bench - the database already holds " + existing
          + " resources; the benchmark needs an empty database (run it without --database and --data-dir)");
    }
    Capabilities capabilities = Capabilities.wire(jdbi, TenureClock.simulated(NOW));
    long loadStart = System.nanoTime();
    SyntheticResources.Loaded loaded = SyntheticResources.load(jdbi, capabilities.resourceStore(), resources, dueShare, true, NOW);
    print("loaded %d resources for %d accounts in %.1f s; %d due at %s, %d for the warm-up", loaded.resources(), loaded.accounts(),
        seconds(System.nanoTime() - loadStart), loaded.due(), NOW, loaded.warmUp());
    // The ceiling first: its claims run code the engine shares (the driver, Jdbi) with another profile, and
    // the drain should follow the warm-up directly, with the compiled code the warm-up left.
    long ceiling = claimCeiling(capabilities, loaded.due() + loaded.warmUp());
    LifecycleEngine engine = capabilities.lifecycleEngine(workers);
    warmUp(engine, loaded.warmUp());
    quiesce();
    Drain drain = drain(engine);
    double idleTick = idleTickMillis(engine);
    print("idle tick: median of %d ticks with nothing due %.2f ms", IDLE_TICKS, idleTick);
    long writeCeiling = writeCeiling(capabilities);
    return new Result(drain.overallPerSecond(), drain.firstTenthPerSecond(), drain.lastTenthPerSecond(), idleTick, ceiling,
        writeCeiling);
  }

  /**
   * Before each measured part (the drain, each pass of the write ceiling), the database's own clean-up of what came
   * before is done first: the rows the warm-up (or the drain, or a pass) left dead are vacuumed and the dirty pages
   * written by a checkpoint, so that each part logs the same full-page images. Otherwise an autovacuum of the
   * million resource rows and a checkpoint triggered by the warm-up run on the same two cores through whichever part
   * comes next, by chance: in three runs without this the drain measured 10,871 to 22,041/s.
   */
  private void quiesce() {
    print("vacuum and checkpoint before the next part: %.1f s, not counted", Wal.vacuumAndCheckpoint(jdbi));
  }

  /** After the drain, so that it cannot slow the drain down; see {@link WriteCeiling}. */
  private long writeCeiling(Capabilities capabilities) {
    WriteCeiling.Measured measured = new WriteCeiling(jdbi, capabilities.resourceStore(), capabilities.writes(), workers, this::quiesce)
        .measure(WRITE_CEILING_PER_PASS);
    if (measured.rates().isEmpty()) {
      print("write ceiling: not measured, every resource was due");
      return 0;
    }
    print("write ceiling: %s transitions/s in %d passes of %d transitions (state, event, notice row, provider command; "
        + "batches of %d, %d writers, committed), best %d/s", measured.rates(), measured.rates().size(), measured.transitions(),
        LifecycleEngine.BATCH_SIZE, workers, measured.best());
    print("write ceiling: CPU a transition %s; WAL a transition %s bytes", measured.cpu().microsEach(measured.written()),
        measured.walBytes());
    return measured.best();
  }

  /**
   * Before the measured drain, the same engine expires the warm-up resources a month earlier (the transition
   * the drain measures), then releases them, after which they are done: the drain then measures
   * compiled code rather than the JIT compiler at work, which took an eighth of the CPU of a cold drain on
   * two cores. Like a JMH warm-up iteration, it is printed and not counted.
   */
  private void warmUp(LifecycleEngine engine, int expected) {
    for (Instant at : SyntheticResources.warmUpAt(NOW)) {
      long start = System.nanoTime();
      int processed = 0;
      for (int count = engine.processDue(at); count > 0; count = engine.processDue(at)) {
        processed += count;
      }
      long elapsed = System.nanoTime() - start;
      if (processed != expected) {
        throw new IllegalStateException("bench - the warm-up at " + at + " processed " + processed + " resources, the load made "
            + expected);
      }
      print("warm-up: %d resources processed at %s in %.2f s (%d/s), not counted", processed, at, seconds(elapsed),
          perSecond(processed, elapsed));
    }
  }

  /**
   * The database's ceiling: the engine's claim statement alone, batch after batch over the whole due set (the
   * warm-up resources included, still due at this point) with the engine's cursor, each batch in a transaction
   * that rolls back so that the rows stay due. Returns the median rate of the passes, in claims per second.
   */
  private long claimCeiling(Capabilities capabilities, int due) {
    List<Long> rates = new ArrayList<>();
    for (int pass = 0; pass < CLAIM_PASSES; pass++) {
      long start = System.nanoTime();
      int claimed = claimPass(capabilities);
      long elapsed = System.nanoTime() - start;
      if (claimed != due) {
        throw new IllegalStateException("bench - a claim pass saw " + claimed + " due resources, the load made " + due);
      }
      rates.add(perSecond(claimed, elapsed));
    }
    long median = rates.stream().sorted().toList().get(CLAIM_PASSES / 2);
    print("claim ceiling: %s claims/s in %d passes of %d claims (batches of %d, rolled back), median %d/s",
        rates, CLAIM_PASSES, due, LifecycleEngine.BATCH_SIZE, median);
    return median;
  }

  /**
   * The engine's claim statements alone, over every due account in due order: claim one account, read all its due
   * resources, roll back. Counts the resources read.
   */
  private int claimPass(Capabilities capabilities) {
    return jdbi.withHandle(handle -> {
      int claimed = 0;
      AccountStore.DueAccount from = new AccountStore.DueAccount("", Instant.EPOCH, java.util.Optional.empty());
      while (true) {
        handle.begin();
        try {
          List<AccountStore.DueAccount> account = capabilities.accountStore().claimDue(handle, NOW, from.dueAt(), from.id(), 1);
          if (account.isEmpty()) {
            return claimed;
          }
          claimed += capabilities.resourceStore().readDue(handle, List.of(account.getFirst().id()), NOW, Integer.MAX_VALUE).size();
          from = account.getFirst();
        } finally {
          handle.rollback();
        }
      }
    });
  }

  /** Rates in transitions per second; a transition is one lifecycle event written (one phase change here). */
  private record Drain(long overallPerSecond, long firstTenthPerSecond, long lastTenthPerSecond) {}

  /**
   * Runs the engine until nothing is due, sampling its count of committed transitions, and checks that count
   * against the events the database holds.
   */
  private Drain drain(LifecycleEngine engine) {
    long eventsBefore = eventCount();
    long wal = Wal.position(jdbi);
    PhaseCpu cpu = PhaseCpu.start(jdbi);
    DrainProgress progress = DrainProgress.start(engine::transitionsCommitted, PROGRESS_INTERVAL);
    long processed = 0;
    int ticks = 0;
    for (int count = engine.processDue(NOW); count > 0; count = engine.processDue(NOW)) {
      processed += count;
      ticks++;
    }
    DrainProgress.Timeline timeline = progress.stop();
    PhaseCpu.Spent spent = cpu.spent();
    long walBytes = Wal.position(jdbi) - wal;
    long total = timeline.total();
    long written = eventCount() - eventsBefore;
    if (total != processed || written != processed) {
      throw new IllegalStateException("bench - " + processed + " resources processed, " + total
          + " transitions committed, " + written + " events written");
    }
    long elapsed = timeline.elapsedNanos();
    long firstTenthNanos = timeline.nanosAt(total / 10);
    long lastTenthNanos = elapsed - timeline.nanosAt(total - total / 10);
    Drain drain = new Drain(perSecond(total, elapsed), perSecond(total / 10, firstTenthNanos),
        perSecond(total / 10, lastTenthNanos));
    print("drain: %d transitions (lifecycle events: one phase change per due resource) in %.2f s over %d tick(s)",
        total, seconds(elapsed), ticks);
    print("drain: first tenth %.2f s (%d/s), last tenth %.2f s (%d/s)", seconds(firstTenthNanos),
        drain.firstTenthPerSecond(), seconds(lastTenthNanos), drain.lastTenthPerSecond());
    print("drain: CPU a transition %s; WAL a transition %d bytes", spent.microsEach(total), walBytes / Math.max(total, 1));
    return drain;
  }

  private long eventCount() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM lifecycle_events").mapTo(Long.class).one());
  }

  private double idleTickMillis(LifecycleEngine engine) {
    List<Long> nanos = new ArrayList<>();
    for (int tick = 0; tick < IDLE_TICKS; tick++) {
      long start = System.nanoTime();
      int processed = engine.processDue(NOW);
      nanos.add(System.nanoTime() - start);
      if (processed != 0) {
        throw new IllegalStateException("bench - an idle tick processed " + processed + " resources");
      }
    }
    return nanos.stream().sorted().toList().get(IDLE_TICKS / 2) / 1_000_000.0;
  }

  private void print(String format, Object... arguments) {
    out.println(String.format(java.util.Locale.ROOT, format, arguments));
    out.flush();
  }

  private static long perSecond(long count, long nanos) {
    return nanos <= 0 ? 0 : Math.round(count * 1_000_000_000.0 / nanos);
  }

  private static double seconds(long nanos) {
    return nanos / 1_000_000_000.0;
  }
}
