package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.Tenure;
import io.tenure.ledger.Audit;
import io.tenure.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenure bench api}: the money-moving calls from C keep-alive clients against a Tenure it starts itself
 * (or {@code --url}), the database's commit ceiling from as many connections in the same run, then the check that
 * nothing was charged twice and the ledger audit. The last line is the summary.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
    description = {"Runs C concurrent clients, each on one keep-alive HTTP/1.1 connection, repeating the money-moving "
        + "round (create an account, top up, buy a month of koodrive-basic, renew it, change its add-ons), then "
        + "measures the database's single-row commit rate from C connections with the server's durability.",
        "Without --url it starts Tenure on an embedded PostgreSQL in a new temporary directory (system clock, as in "
            + "production) "
            + "and deletes it afterwards; with --url it needs TENURE_OPERATOR_KEY and --database (that server's "
            + "database, for the ceiling and the audit).",
        "The last line is: api: <N> calls/s, p50 <A> ms, p99 <B> ms, max <C> ms, commit ceiling <D>/s"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:benchmark ran, every call answered 2xx, balances and audit clean",
        "1:a call failed, a balance differs from the acknowledged amounts, or the audit failed",
        "2:bad option or environment variable"})
final class BenchApiCommand implements Callable<Integer> {
  static final String OPERATOR_KEY = "bench-operator-key-0123456789";

  @Spec
  CommandSpec spec;

  @Option(names = "--clients", paramLabel = "C", defaultValue = "64",
      description = {"Concurrent clients (and connections for the commit ceiling), 1 to 1000.", "Default: ${DEFAULT-VALUE}"})
  int clients;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "20",
      description = {"Measured duration after the warm-up.", "Default: ${DEFAULT-VALUE}"})
  double seconds;

  @Option(names = "--warm-up", paramLabel = "S", defaultValue = "5",
      description = {"Seconds of load before measuring (its calls count for the checks, not the figures).",
          "Default: ${DEFAULT-VALUE}"})
  double warmUp;

  @Option(names = "--jit-settle", paramLabel = "S", defaultValue = "60",
      description = {"After the warm-up's seconds, go on warming up until the JIT compiler is idle, at most S seconds "
          + "more (0, or --warm-up 0: measure right after --warm-up, as for a fixed amount of work).", "Default: ${DEFAULT-VALUE}"})
  double jitSettle;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
      description = {"Calls a second the clients send together on a fixed schedule, each call's latency counted from "
          + "the instant it was due (0: each client sends its next call as soon as the last is answered, the "
          + "server's saturated rate).", "Default: ${DEFAULT-VALUE}"})
  double rate;

  @Option(names = "--calls", paramLabel = "N", defaultValue = "9223372036854775807",
      description = {"Stop after this many calls (whole rounds of 5), whichever comes first.", "Default: no limit"})
  long calls;

  @Option(names = "--url", paramLabel = "URL", description = "A running Tenure to load instead of starting one.")
  String url;

  @Option(names = "--database", paramLabel = "URL",
      description = "With --url: that Tenure's database (jdbc:postgresql: or postgresql://).")
  String databaseUrl;

  @Option(names = "--pool-size", paramLabel = "N", defaultValue = "10",
      description = {"Without --url: the started Tenure's database connections, 2 to 200.", "Default: ${DEFAULT-VALUE}"})
  int poolSize;

  @Option(names = "--simulated-clock",
      description = "Without --url: start Tenure on the simulated clock instead of the system clock (each keyed call "
          + "then also reads the shared clock).")
  boolean simulatedClock;

  @Option(names = "--ceiling-seconds", paramLabel = "S", defaultValue = "5",
      description = {"Duration of the commit-ceiling measurement.", "Default: ${DEFAULT-VALUE}"})
  double ceilingSeconds;

  @Override
  public Integer call() throws Exception {
    OptionChecks.within(spec, "--clients", clients, new Settings.Range(1, 1000));
    OptionChecks.within(spec, "--pool-size", poolSize, Settings.POOL_SIZE);
    if (!(rate >= 0 && rate <= 1_000_000)) {
      throw OptionChecks.invalid(spec, "--rate", String.valueOf(rate), "must be between 0 and 1000000");
    }
    if (url == null) {
      return onOwnServer();
    }
    String key = Environment.of(spec).get("TENURE_OPERATOR_KEY").orElseThrow(() ->
        OptionChecks.invalid(spec, "--url", url, "needs the environment variable TENURE_OPERATOR_KEY"));
    if (databaseUrl == null) {
      throw OptionChecks.invalid(spec, "--url", url, "needs --database for the commit ceiling and the audit");
    }
    try (Database database = Database.connect(databaseUrl, 2)) {
      return run(url, key, Database.jdbcUrl(databaseUrl), database);
    }
  }

  private int onOwnServer() throws Exception {
    Path temporary = Files.createTempDirectory("tenure-bench-api-");
    ZoneId zone = DatabaseOptions.operatorZone(Environment.of(spec).get("TENURE_ZONE"));
    Settings settings = new Settings(0, temporary, Optional.empty(), simulatedClock,
        simulatedClock ? Instant.parse("2026-03-01T00:00:00Z") : Instant.now(), zone,
        Optional.of(OPERATOR_KEY), poolSize, 1 << 20, 1000, 2);
    Outcome outcome;
    try (Tenure tenure = Tenure.start(settings)) {
      String jdbcUrl = Files.readString(temporary.resolve("postgres.url")).strip();
      outcome = measure("http://localhost:" + tenure.port(), OPERATOR_KEY, jdbcUrl, tenure.database(), Optional.of(temporary));
    } finally {
      BenchDatabase.deleteRecursively(temporary);
    }
    return outcome.print(spec.commandLine().getOut());
  }

  private int run(String baseUrl, String key, String jdbcUrl, Database database) throws Exception {
    return measure(baseUrl, key, jdbcUrl, database, Optional.empty()).print(spec.commandLine().getOut());
  }

  /**
   * Everything measured and checked; printed only once the started server is closed, so the summary is last. The CPU
   * of PostgreSQL is measured when its files are in {@code dataDirectory} (the server this command started).
   */
  private Outcome measure(String baseUrl, String key, String jdbcUrl, Database database, Optional<Path> dataDirectory)
      throws InterruptedException, SQLException, IOException {
    long committedBefore = CommitCeiling.committed(jdbcUrl);
    OptionalLong databaseCpuBefore = dataDirectory.map(PostgresCpu::nanos).orElse(OptionalLong.empty());
    ApiLoad.Result load = new ApiLoad(baseUrl, key, rate).run(clients, warmUp, Duration.ofMillis((long) (jitSettle * 1000)), seconds, calls,
        () -> dataDirectory.map(PostgresCpu::nanos).orElse(OptionalLong.empty()));
    OptionalLong databaseCpuAfter = dataDirectory.map(PostgresCpu::nanos).orElse(OptionalLong.empty());
    OptionalLong databaseCpu = databaseCpuBefore.isPresent() && databaseCpuAfter.isPresent()
        ? OptionalLong.of(databaseCpuAfter.getAsLong() - databaseCpuBefore.getAsLong()) : OptionalLong.empty();
    long committed = CommitCeiling.committed(jdbcUrl) - committedBefore;
    String durability = CommitCeiling.durability(jdbcUrl);
    double ceiling = CommitCeiling.measure(jdbcUrl, clients, ceilingSeconds);
    var charges = ChargeCheck.run(database.jdbi(), load.expectedBalances());
    Audit.Report audit = Audit.run(database.jdbi());
    return new Outcome(clients, rate, load, committed, databaseCpu, durability, ceiling, charges, audit);
  }
}
