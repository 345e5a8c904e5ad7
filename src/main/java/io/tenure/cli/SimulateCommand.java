package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.simulation.Cluster;
import io.tenure.simulation.Clusters;
import io.tenure.simulation.Simulation;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenure simulate}: a seeded workload against real Tenure servers, every reply checked by an independent
 * auditor (docs/reliability.md). The first line names the seed, the last is the summary.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Runs a seeded workload (accounts, top-ups, purchases, renewals, add-ons, auto-renewal, "
        + "unsubscriptions, catalog versions, clock advances, duplicated money calls) against real Tenure servers "
        + "over HTTP, and checks every reply against an independent model of the rules.",
        "The last line is: simulate: seed S, <O> operations, <D> simulated days, <F> faults, <V> violations"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no violation", "1:a violation (printed with the seed and the operations up to it), or a "
        + "failure while running", "2:bad option or environment variable"})
final class SimulateCommand implements Callable<Integer> {
  private static final Settings.Range ACCOUNTS = new Settings.Range(1, 100_000);
  private static final Settings.Range DAYS = new Settings.Range(1, 36_600);
  private static final Settings.Range NODES = new Settings.Range(1, 16);

  @Spec
  CommandSpec spec;

  @Option(names = "--seed", paramLabel = "S", description = {"The seed of every random choice.", "Default: a random one"})
  Long seed;

  @Option(names = "--accounts", paramLabel = "N", defaultValue = "8",
      description = {"Accounts to create, 1 to 100000.", "Default: ${DEFAULT-VALUE}"})
  int accounts;

  @Option(names = "--days", paramLabel = "N", defaultValue = "120",
      description = {"Simulated days to run for, 1 to 36600.", "Default: ${DEFAULT-VALUE}"})
  int days;

  @Option(names = "--nodes", paramLabel = "N", defaultValue = "1",
      description = {"Tenure servers on one database, 1 to 16.", "Default: ${DEFAULT-VALUE}"})
  int nodes;

  @Option(names = "--faults", description = "Kill servers (kill -9) and terminate database connections during the run.")
  boolean faults;

  @Option(names = "--split-advances",
      description = "Send each clock advance as several smaller ones: the outcome must be the same as without.")
  boolean splitAdvances;

  @Option(names = "--database", paramLabel = "URL",
      description = {"An external, empty PostgreSQL (jdbc:postgresql://host:port/db?user=u&password=p).",
          "Default: a new embedded one, deleted afterwards"})
  String databaseUrl;

  @Option(names = "--sabotage", hidden = true, defaultValue = "NONE",
      description = "A deliberate fault in the auditor's input (MODEL_TOP_UP, REPLY_BALANCE), to see it caught.")
  Simulation.Sabotage sabotage;

  @Override
  public Integer call() {
    OptionChecks.within(spec, "--accounts", accounts, ACCOUNTS);
    OptionChecks.within(spec, "--days", days, DAYS);
    OptionChecks.within(spec, "--nodes", nodes, NODES);
    long chosen = seed != null ? seed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
    ch.qos.logback.classic.Level levelBefore = quietUnlessAsked();
    try {
      return simulate(chosen);
    } finally {
      tenureLogger().ifPresent(logger -> logger.setLevel(levelBefore));
    }
  }

  private int simulate(long chosen) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("simulate: seed " + chosen);
    out.flush();
    Simulation.Result result;
    try (Cluster cluster = Clusters.open(nodes, faults, Optional.ofNullable(databaseUrl).filter(url -> !url.isBlank()))) {
      result = new Simulation(cluster, new Simulation.Options(chosen, accounts, days, splitAdvances, faults, sabotage)).run(out);
    }
    if (!result.clean()) {
      out.println("simulate: VIOLATION " + result.violation());
      out.println("simulate: reproduce with: tenure simulate --seed " + chosen + " --accounts " + accounts + " --days " + days
          + " --nodes " + nodes + (faults ? " --faults" : "") + (splitAdvances ? " --split-advances" : ""));
      out.println("simulate: the operations up to the failure (its account's and every clock and catalog change):");
      out.println(result.reproduction());
      if (!result.evidence().isEmpty()) {
        out.println("simulate: " + result.evidence());
      }
    }
    if (faults) {
      out.println("simulate: faults: " + result.faultsLanded());
    }
    out.printf("simulate: seed %d, %d operations, %d simulated days, %d faults, %d violations%n", chosen,
        result.operations(), result.days(), result.faults(), result.clean() ? 0 : 1);
    out.flush();
    return result.clean() ? 0 : 1;
  }

  /**
   * An in-process Tenure logs each purchase and top-up; over 10^5 operations that would bury the summary. Its lines
   * go to WARN unless TENURE_LOG_LEVEL asks for more.
   */
  private static ch.qos.logback.classic.Level quietUnlessAsked() {
    ch.qos.logback.classic.Level before = tenureLogger().map(ch.qos.logback.classic.Logger::getLevel).orElse(null);
    if (System.getenv("TENURE_LOG_LEVEL") == null) {
      tenureLogger().ifPresent(logger -> logger.setLevel(ch.qos.logback.classic.Level.WARN));
    }
    return before;
  }

  private static java.util.Optional<ch.qos.logback.classic.Logger> tenureLogger() {
    return org.slf4j.LoggerFactory.getLogger("io.tenure") instanceof ch.qos.logback.classic.Logger logger
        ? java.util.Optional.of(logger) : java.util.Optional.empty();
  }
}
