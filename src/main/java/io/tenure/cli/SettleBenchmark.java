package io.tenure.cli;

import io.tenure.Capabilities;
import io.tenure.catalog.Plan;
import io.tenure.clock.TenureClock;
import io.tenure.engine.LifecycleEngine;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The steps of {@code tenure bench settle} on an opened, empty database: load ({@link SettleWorld}), the database's
 * ceiling ({@link SettleCeiling}, rolled back), then the production engine settles the same hour, counted and
 * checked. The engine is built by {@link Capabilities#lifecycleEngine(int)}, exactly as {@code serve} builds it.
 * Not thread-safe: one run per instance.
 */
final class SettleBenchmark {
  /** The end of the hour the benchmark settles; the simulated clock stands there. */
  static final Instant HOUR_END = Instant.parse("2026-03-02T02:00:00Z");

  private final Jdbi jdbi;
  private final PrintWriter out;
  private final int workers;

  SettleBenchmark(Jdbi jdbi, PrintWriter out, int workers) {
    this.jdbi = jdbi;
    this.out = out;
    this.workers = workers;
  }

  /** The engine's time and the resources it settled. */
  record Result(int resources, double seconds) {
    String summary() {
      return String.format(Locale.ROOT, "settle: %d resources in %.2f s", resources, seconds);
    }
  }

  Result run(int accounts, int resources, int perMeter) {
    long existing = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM resources").mapTo(Long.class).one());
    if (existing > 0) {
      throw new IllegalStateException("bench - the database already holds " + existing
          + " resources; the benchmark needs an empty database (run it without --database and --data-dir)");
    }
    Capabilities capabilities = Capabilities.wire(jdbi, TenureClock.simulated(HOUR_END));
    Plan plan = capabilities.catalogs().current().findPlan(SettleWorld.PLAN).orElseThrow();
    BigDecimal hourly = plan.hourlyPrice().map(io.tenure.money.Money::toBigDecimal).orElse(BigDecimal.ZERO);
    long loadStart = System.nanoTime();
    SettleWorld.Loaded loaded = SettleWorld.load(jdbi, accounts, resources, perMeter, plan.meters(), HOUR_END);
    print("loaded %d accounts, %d pay-as-you-go resources, %d usage events (COPY) in %.1f s; settling the hour ending %s; "
        + "load average %s", loaded.accounts(), loaded.resources(), loaded.events(), seconds(System.nanoTime() - loadStart), HOUR_END,
        IngestBenchmark.loadAverage());
    PhaseCpu ceilingCpu = PhaseCpu.start(jdbi);
    SettleCeiling.Measured ceiling = SettleCeiling.measure(jdbi, plan.meters(), hourly, HOUR_END);
    PhaseCpu.Spent ceilingSpent = ceilingCpu.spent();
    jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE"));
    double ceilingSeconds = ceiling.elapsed().toNanos() / 1e9;
    print("ceiling: %d bills by the database alone (set-based SQL, one transaction, rolled back) in %.2f s", ceiling.bills(),
        ceilingSeconds);
    LifecycleEngine engine = capabilities.lifecycleEngine(workers);
    AtomicLong statements = new AtomicLong();
    jdbi.setSqlLogger(new SqlLogger() {
      @Override
      public void logAfterExecution(StatementContext context) {
        statements.incrementAndGet();
      }
    });
    PhaseCpu engineCpu = PhaseCpu.start(jdbi);
    long start = System.nanoTime();
    while (engine.earliestDue().filter(due -> !due.isAfter(HOUR_END)).isPresent()) {
      engine.processDue(HOUR_END);
    }
    long elapsed = System.nanoTime() - start;
    PhaseCpu.Spent engineSpent = engineCpu.spent();
    jdbi.setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
    double engineSeconds = elapsed / 1e9;
    SettleChecks.Counted counted = SettleChecks.count(jdbi, HOUR_END);
    print("engine: %d bills, %d charges, %d of %d events billed, %d left unbilled, %d statements (%.1f an account), %d workers; "
        + "load average %s", counted.bills(), counted.charges(), counted.billedEvents(), loaded.events(), counted.unbilledEvents(),
        statements.get(), statements.get() / (double) accounts, workers, IngestBenchmark.loadAverage());
    SettleChecks.require(counted, loaded, ceiling.bills());
    print("cpu: the engine's run %.2f s in this process and %.2f s in PostgreSQL (%.3f ms an account in all); the ceiling's "
        + "%.2f s in PostgreSQL", engineSpent.jvmNanos() / 1e9, engineSpent.postgresNanos() / 1e9,
        (engineSpent.jvmNanos() + engineSpent.postgresNanos()) / 1e6 / accounts, ceilingSpent.postgresNanos() / 1e9);
    print("ceiling ratio: the engine took %.1f times the database alone (%.2f s against %.2f s)", engineSeconds / ceilingSeconds,
        engineSeconds, ceilingSeconds);
    return new Result(loaded.resources(), engineSeconds);
  }

  private void print(String format, Object... arguments) {
    out.println(String.format(Locale.ROOT, format, arguments));
    out.flush();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
