package io.tenure.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty PostgreSQL databases for tests: on the server named by TENURE_DATABASE_URL when that is set
 * (a jdbc:postgresql URL whose user may create databases), otherwise on one embedded server started once
 * per test JVM. Each call creates a new database, so tests never see each other's data.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static String adminUrl;

  private TestDatabases() {}

  /** A JDBC URL of a new, empty database. */
  public static synchronized String fresh() {
    String admin = adminUrl();
    String name = "tenure_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(admin); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException failure) {
      throw new IllegalStateException("could not create test database " + name, failure);
    }
    return withDatabase(admin, name);
  }

  /**
   * A JDBC URL of a new database that starts as an exact copy of the one at {@code url} (PostgreSQL's
   * {@code CREATE DATABASE ... TEMPLATE}); nothing may be connected to that one meanwhile.
   */
  public static synchronized String copyOf(String url) {
    String admin = adminUrl();
    String source = url.substring(url.indexOf('/', "jdbc:postgresql://".length()) + 1).split("\\?")[0];
    String name = "tenure_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(admin); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " TEMPLATE " + source);
    } catch (SQLException failure) {
      throw new IllegalStateException("could not copy test database " + source + " to " + name, failure);
    }
    return withDatabase(admin, name);
  }

  private static String adminUrl() {
    if (adminUrl == null) {
      String external = System.getenv("TENURE_DATABASE_URL");
      if (external != null && !external.isBlank()) {
        adminUrl = external;
      } else {
        try {
          EmbeddedPostgres server = EmbeddedPostgres.builder().start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              server.close();
            } catch (IOException ignored) {
              // The JVM is ending; the server's files are temporary.
            }
          }));
          adminUrl = server.getJdbcUrl("postgres", "postgres");
        } catch (IOException failure) {
          throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", failure);
        }
      }
    }
    return adminUrl;
  }

  /** The same server URL pointing at another database. */
  private static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
  }
}
