package io.tenure.cli;

import io.tenure.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The database of a benchmark that loads its own world: {@code --database}, or an embedded PostgreSQL in
 * {@code --data-dir}, or by default in a new temporary directory deleted afterwards. Never the operator's
 * {@code ./data}.
 */
final class BenchDatabase {

  @Mixin
  DatabaseOptions options;

  // Not the shared --data-dir: a benchmark must not run on the directory of the operator's Tenure by default.
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = {"Directory for the embedded PostgreSQL's files; it must hold no resources.",
          "Default: a new temporary one, deleted afterwards"})
  Path dataDirectory;

  void check(CommandSpec spec) {
    options.check(spec);
  }

  /** Runs {@code bench} on the opened database, then closes it (and deletes a temporary directory). */
  <T> T run(CommandSpec spec, Function<Database, T> bench) throws IOException {
    boolean temporary = options.databaseUrl().isEmpty() && dataDirectory == null;
    Path directory = temporary ? Files.createTempDirectory("tenure-bench-") : dataDirectory;
    ZoneId zone = DatabaseOptions.operatorZone(Environment.of(spec).get("TENURE_ZONE"));
    try (Database opened = temporary || options.databaseUrl().isEmpty()
        ? Database.embedded(directory, options.poolSize, zone)
        : Database.connect(options.databaseUrl().get(), options.poolSize)) {
      return bench.apply(opened);
    } finally {
      if (temporary) {
        deleteRecursively(directory);
      }
    }
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
