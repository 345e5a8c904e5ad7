package io.tenure;

import io.tenure.error.Require;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Everything Tenure is started with, validated once: a bad value stops the start with a message that
 * names the option and the value. See docs/configuration.md for each setting's unit, default and bounds.
 *
 * @param port HTTP port, 0 for any free port
 * @param dataDirectory where the embedded PostgreSQL keeps its files
 * @param databaseUrl an external PostgreSQL; when present, no embedded server is started
 * @param simulatedClock whether time moves only by the clock API
 * @param start the simulated clock's first instant
 * @param zone the operator's time zone: default billing zone of accounts and zone of shown instants
 * @param operatorKey an operator API key to accept, instead of printing a generated one
 * @param poolSize database connections
 * @param maxRequestBytes the largest request body accepted
 * @param tickIntervalMillis how often due work is looked for with the system clock
 * @param engineWorkers concurrent workers of the lifecycle engine in this process
 */
public record Settings(
    int port,
    Path dataDirectory,
    Optional<String> databaseUrl,
    boolean simulatedClock,
    Instant start,
    ZoneId zone,
    Optional<String> operatorKey,
    int poolSize,
    long maxRequestBytes,
    long tickIntervalMillis,
    int engineWorkers) {

  public Settings {
    check(port >= 0 && port <= 65_535, "port", "must be between 0 and 65535", port);
    check(poolSize >= 2 && poolSize <= 200, "database pool size", "must be between 2 and 200", poolSize);
    check(maxRequestBytes >= 1024 && maxRequestBytes <= 256L << 20, "max request bytes",
        "must be between 1024 and 268435456", maxRequestBytes);
    check(tickIntervalMillis >= 10 && tickIntervalMillis <= 3_600_000, "tick interval",
        "must be between 10 and 3600000 milliseconds", tickIntervalMillis);
    check(engineWorkers >= 1 && engineWorkers <= 16, "engine workers", "must be between 1 and 16", engineWorkers);
    check(operatorKey.map(key -> key.length() >= 16).orElse(true), "operator key",
        "must be at least 16 characters", "(hidden)");
    Require.present(dataDirectory, "data directory");
    Require.present(start, "start");
    Require.present(zone, "zone");
  }

  private static void check(boolean valid, String setting, String rule, Object value) {
    if (!valid) {
      throw new IllegalArgumentException("Invalid " + setting + " '" + value + "': " + rule + ".");
    }
  }
}
