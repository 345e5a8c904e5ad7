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
 * {@code tenure bench settle}: bulk-loads pay-as-you-go resources and an hour of their usage, measures the same
 * hour's settlement by the database alone, then settles it with the production engine. The last line is the summary.
 */
@Command(name = "settle", mixinStandardHelpOptions = true,
    description = {"Loads N pay-as-you-go resources over A accounts and an hour of usage events on their three meters "
        + "(COPY) into a throwaway database, and settles that hour with the lifecycle engine, the same code 'serve' runs; "
        + "before it, the same settlement by set-based SQL alone (rolled back) gives the database's ceiling.",
        "Without --database or --data-dir it starts an embedded PostgreSQL in a new temporary directory and "
            + "deletes it afterwards; with either, the database must hold no resources.",
        "The last line is: settle: <N> resources in <S> s"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:benchmark ran and every check passed", "1:failure while running (database not empty or unreachable, "
        + "a check failed)", "2:bad option or environment variable"})
final class BenchSettleCommand implements Callable<Integer> {
  private static final Settings.Range ACCOUNTS = new Settings.Range(1, 10_000_000);
  private static final Settings.Range RESOURCES = new Settings.Range(1, 100_000_000);
  private static final Settings.Range EVENTS = new Settings.Range(1, 60);

  @Spec
  CommandSpec spec;

  @Mixin
  BenchDatabase database;

  @Mixin
  EngineOptions engine;

  @Option(names = "--accounts", paramLabel = "A", defaultValue = "10000",
      description = {"Accounts, 1 to 10000000, at most --resources.", "Default: ${DEFAULT-VALUE}"})
  int accounts;

  @Option(names = "--resources", paramLabel = "N", defaultValue = "100000",
      description = {"Pay-as-you-go resources, 1 to 100000000, spread evenly over the accounts.", "Default: ${DEFAULT-VALUE}"})
  int resources;

  @Option(names = "--events-per-meter", paramLabel = "E", defaultValue = "1",
      description = {"Usage events per resource and meter in the hour, 1 to 60.", "Default: ${DEFAULT-VALUE}"})
  int eventsPerMeter;

  @Override
  public Integer call() throws IOException {
    engine.check(spec);
    database.check(spec);
    OptionChecks.within(spec, "--accounts", accounts, ACCOUNTS);
    OptionChecks.within(spec, "--resources", resources, RESOURCES);
    OptionChecks.within(spec, "--events-per-meter", eventsPerMeter, EVENTS);
    if (accounts > resources) {
      throw OptionChecks.invalid(spec, "--accounts", Integer.toString(accounts), "must be at most --resources");
    }
    PrintWriter out = spec.commandLine().getOut();
    return database.run(spec, opened -> {
      SettleBenchmark.Result result = new SettleBenchmark(opened.jdbi(), out, engine.engineWorkers).run(accounts, resources, eventsPerMeter);
      out.println(result.summary());
      out.flush();
      return 0;
    });
  }
}
