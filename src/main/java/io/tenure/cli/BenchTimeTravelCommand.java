package io.tenure.cli;

import io.tenure.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenure bench timetravel}: measures the lifecycle drain, loads N accounts of M prepaid resources, moves
 * the simulated clock one year in one call and compares the advance's rate with the drain's. The last line is
 * the summary.
 */
@Command(name = "timetravel", mixinStandardHelpOptions = true,
    description = {"Measures the lifecycle drain (as 'bench lifecycle' does, on a smaller world), then loads N accounts "
        + "with M prepaid resources each (mixed plans, three in five auto-renewing, each bought at its own second, "
        + "wallets funded for 4 to 13 months of renewals) and advances the simulated clock one year in one call.",
        "Without --database or --data-dir it starts an embedded PostgreSQL in a new temporary directory and "
            + "deletes it afterwards; with either, the database must hold no resources.",
        "The last line is: timetravel: <T> transitions/s over <E> events, <R> of the lifecycle drain rate"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:benchmark ran", "1:failure while running (database not empty or unreachable, data "
        + "directory in use, audit failed)", "2:bad option or environment variable"})
final class BenchTimeTravelCommand implements Callable<Integer> {
  private static final Settings.Range ACCOUNTS = new Settings.Range(1, 1_000_000);
  private static final Settings.Range PER_ACCOUNT = new Settings.Range(1, 1_000);
  private static final Settings.Range DRAIN_RESOURCES = new Settings.Range(1_000, 100_000_000);

  @Spec
  CommandSpec spec;

  @Mixin
  BenchDatabase database;

  @Mixin
  EngineOptions engine;

  @Option(names = "--accounts", paramLabel = "N", defaultValue = "1000",
      description = {"Accounts of the time travel world, 1 to 1000000.", "Default: ${DEFAULT-VALUE}"})
  int accounts;

  @Option(names = "--resources-per-account", paramLabel = "M", defaultValue = "10",
      description = {"Prepaid resources of each account, 1 to 1000.", "Default: ${DEFAULT-VALUE}"})
  int perAccount;

  @Option(names = "--drain-resources", paramLabel = "N", defaultValue = "200000",
      description = {"Resources of the lifecycle drain measured first (half of them due), 1000 to 100000000.",
          "Default: ${DEFAULT-VALUE}"})
  int drainResources;

  @Override
  public Integer call() throws IOException {
    engine.check(spec);
    database.check(spec);
    OptionChecks.within(spec, "--accounts", accounts, ACCOUNTS);
    OptionChecks.within(spec, "--resources-per-account", perAccount, PER_ACCOUNT);
    OptionChecks.within(spec, "--drain-resources", drainResources, DRAIN_RESOURCES);
    PrintWriter out = spec.commandLine().getOut();
    return database.run(spec, opened -> {
      TimeTravelBenchmark.Result result = new TimeTravelBenchmark(opened.jdbi(), out, engine.engineWorkers)
          .run(accounts, perAccount, drainResources);
      out.println(result.summary());
      out.flush();
      return 0;
    });
  }
}
