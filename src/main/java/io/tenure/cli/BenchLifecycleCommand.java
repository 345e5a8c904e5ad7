package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
  DatabaseOptions database;

  // Not the shared --data-dir: a benchmark must not run on the directory of the operator's Tenure by default.
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = {"Directory for the embedded PostgreSQL's files; it must hold no resources.",
          "Default: a new temporary one, deleted afterwards"})
  Path dataDirectory;

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
    boolean ownDatabase = database.databaseUrl().isEmpty() && dataDirectory == null;
    Path temporary = ownDatabase ? Files.createTempDirectory("tenure-bench-") : null;
    try (Database opened = open(spec, database, dataDirectory, temporary)) {
      LifecycleBenchmark.Result result = new LifecycleBenchmark(opened.jdbi(), out, engine.engineWorkers).run(resources, dueShare);
      out.println(result.summary());
      out.flush();
      return 0;
    } finally {
      if (temporary != null) {
        deleteRecursively(temporary);
      }
    }
  }

  /**
   * A benchmark's database: the embedded server in {@code temporary} if given, else the {@code --database} URL,
   * else the embedded server in {@code dataDirectory}. {@code bench timetravel} opens it the same way.
   */
  static Database open(CommandSpec spec, DatabaseOptions database, Path dataDirectory, Path temporary) {
    ZoneId zone = DatabaseOptions.operatorZone(Environment.of(spec).get("TENURE_ZONE"));
    if (temporary != null) {
      return Database.embedded(temporary, database.poolSize, zone);
    }
    return database.databaseUrl().map(url -> Database.connect(url, database.poolSize))
        .orElseGet(() -> Database.embedded(dataDirectory, database.poolSize, zone));
  }

  /** Deletes a benchmark's temporary data directory; {@code bench api} uses it too. */
  static void deleteRecursively(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException failure) {
      throw new UncheckedIOException("Could not delete the benchmark's data directory " + directory, failure);
    }
  }
}
