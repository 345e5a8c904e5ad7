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
 * {@code tenure bench lifecycle}: loads synthetic resources, measures the engine's claim query alone, drains
 * everything due with the production engine, times an idle tick and measures the engine's writes alone. The
 * last line is the summary.
 */
@Command(name = "lifecycle", mixinStandardHelpOptions = true,
    description = {"Loads N prepaid resources (a share of them due now) into a throwaway database and drains "
        + "them with the lifecycle engine, the same code 'serve' runs.",
        "Without --database or --data-dir it starts an embedded PostgreSQL in a new temporary directory and "
            + "deletes it afterwards; with either, the database must hold no resources.",
        "The last line is: lifecycle: <N> transitions/s overall (<P> of the claim ceiling, <Q> of the write ceiling), "
            + "first tenth <A>/s, last tenth <B>/s, idle tick <C> ms, claim ceiling <D>/s, write ceiling <W>/s"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:benchmark ran", "1:failure while running (database not empty or unreachable, data "
        + "directory in use)", "2:bad option or environment variable"})
final class BenchLifecycleCommand implements Callable<Integer> {
  private static final Settings.Range RESOURCES = new Settings.Range(1, 100_000_000);

  @Spec
  CommandSpec spec;

  @Mixin
  BenchDatabase database;

  @Mixin
  EngineOptions engine;

  @Option(names = "--resources", paramLabel = "N", defaultValue = "1000000",
      description = {"Resources to load, 1 to 100000000.", "Default: ${DEFAULT-VALUE}"})
  int resources;

  @Option(names = "--due-share", paramLabel = "F", defaultValue = "0.1",
      description = {"Share of the resources due now, more than 0 and at most 1.", "Default: ${DEFAULT-VALUE}"})
  double dueShare;

  @Override
  public Integer call() throws IOException {
    engine.check(spec);
    database.check(spec);
    OptionChecks.within(spec, "--resources", resources, RESOURCES);
    if (!(dueShare > 0 && dueShare <= 1)) {
      throw OptionChecks.invalid(spec, "--due-share", Double.toString(dueShare), "must be more than 0 and at most 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    return database.run(spec, opened -> {
      LifecycleBenchmark.Result result = new LifecycleBenchmark(opened.jdbi(), out, engine.engineWorkers).run(resources, dueShare);
      out.println(result.summary());
      out.flush();
      return 0;
    });
  }
}
