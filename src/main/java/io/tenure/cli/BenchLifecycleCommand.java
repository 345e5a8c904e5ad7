package io.tenure.cli;

import io.tenure.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tenure bench lifecycle}: loads synthetic resources, measures the engine's claim query alone, drains
 * everything due with the production engine, and times an idle tick. The last line is the summary.
 */
@Command(name = "lifecycle", mixinStandardHelpOptions = true,
    description = {"Loads N prepaid resources (a share of them due now) into a throwaway database and drains "
        + "them with the lifecycle engine, the same code 'serve' runs.",
        "Without --database it starts an embedded PostgreSQL in a new temporary directory and deletes it "
            + "afterwards; with --database (or an explicit --data-dir) the database must hold no resources.",
        "The last line is: lifecycle: <N> transitions/s overall, first tenth <A>/s, last tenth <B>/s, "
            + "idle tick <C> ms, claim ceiling <D>/s"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:benchmark ran", "1:failure while running (database not empty or unreachable)",
        "2:bad option"})
final class BenchLifecycleCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Mixin
  EngineOptions engine;

  @Option(names = "--resources", paramLabel = "N", defaultValue = "1000000",
      description = "Resources to load, 1 to 100000000. Default: ${DEFAULT-VALUE}.")
  int resources;

  @Option(names = "--due-share", paramLabel = "F", defaultValue = "0.1",
      description = "Share of the resources due now, more than 0 and at most 1. Default: ${DEFAULT-VALUE}.")
  double dueShare;

  @Override
  public Integer call() throws IOException {
    if (engine.engineWorkers < 1 || engine.engineWorkers > 16) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--engine-workers': " + engine.engineWorkers
          + " must be 1 to 16.");
    }
    if (resources < 1 || resources > 100_000_000) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--resources': " + resources
          + " must be 1 to 100000000.");
    }
    if (!(dueShare > 0 && dueShare <= 1)) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--due-share': " + dueShare
          + " must be more than 0 and at most 1.");
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean ownDatabase = database.databaseUrl().isEmpty() && !spec.commandLine().getParseResult().hasMatchedOption("--data-dir");
    Path temporary = ownDatabase ? Files.createTempDirectory("tenure-bench-") : null;
    try (Database opened = open(temporary)) {
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

  private Database open(Path temporary) {
    if (temporary != null) {
      return Database.embedded(temporary, database.poolSize);
    }
    return database.databaseUrl().map(url -> Database.connect(url, database.poolSize))
        .orElseGet(() -> Database.embedded(database.dataDirectory, database.poolSize));
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException failure) {
      throw new UncheckedIOException("Could not delete the benchmark's data directory " + directory, failure);
    }
  }
}
