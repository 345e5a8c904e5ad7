package io.tenure.testing;

import io.tenure.Settings;
import io.tenure.Tenure;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A real Tenure for a test: its own fresh database, a free port, the simulated clock at a chosen instant,
 * and a known operator key. Calls go over real HTTP through {@link #operator()} or {@link #client(String)}.
 */
public final class TestServer implements AutoCloseable {
  public static final String OPERATOR_KEY = "test-operator-key-0123456789";

  private final Tenure tenure;
  private final Settings settings;

  private TestServer(Tenure tenure, Settings settings) {
    this.tenure = tenure;
    this.settings = settings;
  }

  /** Starts Tenure with the simulated clock at {@code start} (ISO-8601 with offset). */
  public static TestServer simulatedAt(String start) {
    return start(settings(TestDatabases.fresh(), true, OffsetDateTime.parse(start).toInstant()));
  }

  /** Starts Tenure with the system clock. */
  public static TestServer systemClock() {
    return start(settings(TestDatabases.fresh(), false, Instant.now()));
  }

  public static TestServer start(Settings settings) {
    return new TestServer(Tenure.start(settings), settings);
  }

  public static Settings settings(String databaseUrl, boolean simulated, Instant start) {
    return new Settings(0, Path.of("target", "unused-data"), Optional.of(databaseUrl), simulated, start,
        ZoneId.of("Asia/Shanghai"), Optional.of(OPERATOR_KEY), 6, 1 << 20, 50, 2);
  }

  /** The JDBC URL of this server's own database. */
  public String databaseUrl() {
    return settings.databaseUrl().orElseThrow();
  }

  public Tenure tenure() {
    return tenure;
  }

  public String baseUrl() {
    return "http://localhost:" + tenure.port();
  }

  public HttpApi operator() {
    return client(OPERATOR_KEY);
  }

  public HttpApi anonymous() {
    return new HttpApi(baseUrl(), null);
  }

  public HttpApi client(String apiKey) {
    return new HttpApi(baseUrl(), apiKey);
  }

  @Override
  public void close() {
    tenure.close();
  }
}
