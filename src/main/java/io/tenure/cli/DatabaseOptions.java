package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.store.Database;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The database options shared by every command that opens the database. */
public final class DatabaseOptions {

  @Option(names = "--database", paramLabel = "URL",
      description = {"An external PostgreSQL; when set, no embedded server is started. As",
          "  jdbc:postgresql://host:port/db?user=u&password=p", "or", "  postgresql://u:p@host:port/db",
          "Env TENURE_DATABASE_URL.", "Default: none (embedded)"})
  String databaseUrl;

  @Option(names = "--pool-size", paramLabel = "N", defaultValue = "10",
      description = {"Database connections in the pool, 2 to 200.", "Env TENURE_DATABASE_POOL_SIZE.",
          "Default: ${DEFAULT-VALUE}"})
  int poolSize;

  Optional<String> databaseUrl() {
    return Optional.ofNullable(databaseUrl).filter(url -> !url.isBlank());
  }

  /** Refuses a pool size out of bounds or a URL of no accepted form, naming where the value came from. */
  void check(CommandSpec spec) {
    OptionChecks.within(spec, "--pool-size", poolSize, Settings.POOL_SIZE);
    databaseUrl().ifPresent(url -> {
      try {
        Database.checkUrl(url);
      } catch (IllegalArgumentException malformed) {
        // The URL is not repeated: it may hold a password.
        throw new ParameterException(spec.commandLine(), "Invalid value for option '--database': the URL must start "
            + "with jdbc:postgresql:, postgresql:// or postgres://.", spec.findOption("--database"), url);
      }
    });
  }

  /**
   * The operator's zone for commands without a {@code --zone} option (it records since when a command owns a data
   * directory): {@code TENURE_ZONE} if it names a zone, else the default.
   */
  static ZoneId operatorZone(Optional<String> variable) {
    try {
      return ZoneId.of(variable.orElse(Settings.DEFAULT_ZONE));
    } catch (DateTimeException unknown) {
      return ZoneId.of(Settings.DEFAULT_ZONE);
    }
  }
}
