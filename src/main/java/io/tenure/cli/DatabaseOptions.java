package io.tenure.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The database options shared by every command that opens the database. */
public final class DatabaseOptions {

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:TENURE_DATA_DIR:-./data}",
      description = "Directory of the embedded PostgreSQL's files; kept across restarts. "
          + "Env TENURE_DATA_DIR. Default: ${DEFAULT-VALUE}.")
  Path dataDirectory;

  @Option(names = "--database", paramLabel = "URL", defaultValue = "${env:TENURE_DATABASE_URL}",
      description = "An external PostgreSQL (jdbc:postgresql://host:port/db?user=u&password=p or "
          + "postgresql://u:p@host:port/db); when set, no embedded server is started. Env TENURE_DATABASE_URL. "
          + "Default: none (embedded).")
  String databaseUrl;

  @Option(names = "--pool-size", paramLabel = "N", defaultValue = "${env:TENURE_DATABASE_POOL_SIZE:-10}",
      description = "Database connections in the pool, 2 to 200. Env TENURE_DATABASE_POOL_SIZE. Default: ${DEFAULT-VALUE}.")
  int poolSize;

  Optional<String> databaseUrl() {
    return Optional.ofNullable(databaseUrl).filter(url -> !url.isBlank());
  }
}
