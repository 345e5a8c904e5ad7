package io.tenure.cli;

import io.tenure.Capabilities;
import io.tenure.clock.ClockStore;
import io.tenure.clock.Scheduler;
import io.tenure.clock.TenureClock;
import io.tenure.ledger.Audit;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The steps of {@code tenure bench timetravel} on an opened, empty database: the lifecycle drain of
 * {@code bench lifecycle} on a smaller world (the rate the advance is compared with), then the time travel
 * world ({@link TimeTravelWorld}), one advance of the simulated clock by a year through the {@link Scheduler}
 * wired as {@code serve} wires it, the events it wrote, and the audit. Not thread-safe: one run per instance.
 */
final class TimeTravelBenchmark {
  /**
   * The clock's start: the resources were bought in the month before it. Earlier than every instant the drain's
   * world falls due at (from {@link LifecycleBenchmark#NOW} on), so that the advance touches the new world only.
   */
  static final OffsetDateTime START = OffsetDateTime.parse("2025-01-01T00:00:00+08:00");
  /** The drain's world: half of it due, both plans (tencent-drive freezes, huawei-drive enters grace). */
  private static final double DRAIN_DUE_SHARE = 0.5;

  private final Jdbi jdbi;
  private final PrintWriter out;
  private final int workers;

  TimeTravelBenchmark(Jdbi jdbi, PrintWriter out, int workers) {
    this.jdbi = jdbi;
    this.out = out;
    this.workers = workers;
  }

  /** The advance's rate in transitions (lifecycle events) per second, the events it wrote, the drain's rate. */
  record Result(long perSecond, long events, long drainPerSecond) {
    String summary() {
      return String.format(Locale.ROOT, "timetravel: %d transitions/s over %d events, %s of the lifecycle drain rate",
          perSecond, events, LifecycleBenchmark.percent(perSecond, drainPerSecond));
    }
  }

  Result run(int accounts, int perAccount, int drainResources) {
    LifecycleBenchmark.Result drain = new LifecycleBenchmark(jdbi, out, workers).run(drainResources, DRAIN_DUE_SHARE);
    print("%s", drain.summary());
    ClockStore clockStore = new ClockStore(jdbi);
    TenureClock clock = Scheduler.resumedClock(clockStore, START.toInstant());
    try (Scheduler scheduler = new Scheduler(clock, clockStore)) {
      Capabilities capabilities = Capabilities.wire(jdbi, clock);
      scheduler.register(capabilities.lifecycleEngine(workers));
      scheduler.catchUp(START.toInstant());
      long loadStart = System.nanoTime();
      TimeTravelWorld.Loaded world = TimeTravelWorld.load(jdbi, capabilities.resourceStore(), accounts, perAccount, START.toInstant());
      print("loaded %d accounts with %d resources (%d auto-renewing), funded with %d.%02d CNY, in %.1f s", world.accounts(),
          world.resources(), world.autoRenewing(), world.fundedMinor() / 100, world.fundedMinor() % 100,
          (System.nanoTime() - loadStart) / 1e9);
      Instant target = START.plusYears(1).toInstant();
      long eventsBefore = eventCount();
      long start = System.nanoTime();
      scheduler.advanceTo(target);
      long elapsed = System.nanoTime() - start;
      long events = eventCount() - eventsBefore;
      print("advance: %s to %s in one call, %.2f s, %d lifecycle events", START, START.plusYears(1), elapsed / 1e9, events);
      printOutcome();
      audit();
      return new Result(Math.round(events * 1e9 / elapsed), events, drain.overallPerSecond());
    }
  }

  /** What the year did to the world: its events by type, its resources by phase, the renewals billed. */
  private void printOutcome() {
    Map<String, Long> events = countBy("""
        SELECT e.type, count(*) FROM lifecycle_events e
        WHERE e.resource_id IN (SELECT id FROM resources WHERE account_id LIKE :prefix || '%') GROUP BY e.type
        """);
    Map<String, Long> phases = countBy("""
        SELECT phase, count(*) FROM resources WHERE account_id LIKE :prefix || '%' GROUP BY phase
        """);
    Map<String, Long> shortfalls = countBy("""
        SELECT 'shortfall notices', count(*) FROM notices WHERE account_id LIKE :prefix || '%' AND dedup_key IS NOT NULL
        """);
    print("events by type: %s", events);
    print("resources by phase after the year: %s; %s", phases, shortfalls);
  }

  private Map<String, Long> countBy(String sql) {
    return jdbi.withHandle(handle -> {
      Map<String, Long> counts = new TreeMap<>();
      handle.createQuery(sql).bind("prefix", TimeTravelWorld.ACCOUNT_PREFIX)
          .map((row, context) -> Map.entry(row.getString(1), row.getLong(2))).forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
      return counts;
    });
  }

  /** Every auto-renewal charged through the ledger; the ledger must still add up, as {@code tenure audit} checks. */
  private void audit() {
    Audit.Report report = Audit.run(jdbi);
    if (!report.passed()) {
      throw new IllegalStateException("bench - the audit found " + report.problems().size() + " problem(s), the first: "
          + report.problems().getFirst());
    }
    print("audit: OK, %d transactions, %d wallets", report.transactions(), report.wallets());
  }

  private long eventCount() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM lifecycle_events").mapTo(Long.class).one());
  }

  private void print(String format, Object... arguments) {
    out.println(String.format(Locale.ROOT, format, arguments));
    out.flush();
  }
}
