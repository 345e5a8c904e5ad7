package io.tenure.simulation;

import io.tenure.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The one PostgreSQL database every node of a {@link ProcessCluster} works on: a database named {@code tenure}
 * on an embedded server in a temporary directory, or the one at a given URL. Holds an administrator connection
 * beside the nodes' pools, to end their connections. Not thread-safe.
 */
final class ClusterDatabase implements AutoCloseable {
  private final EmbeddedPostgres embedded;
  private final String url;
  private Connection admin;

  private ClusterDatabase(EmbeddedPostgres embedded, String url) {
    this.embedded = embedded;
    this.url = url;
  }

  /** The database at {@code url}; the nodes migrate it at their start. */
  static ClusterDatabase at(String url) {
    String jdbcUrl = Database.jdbcUrl(url);
    return new ClusterDatabase(null, jdbcUrl);
  }

  /**
   * A new embedded server with its files in {@code directory}. The nodes' deaths never stop it, so committed
   * data survives them without PostgreSQL's disk flushes, which are left off for speed.
   */
  static ClusterDatabase embedded(Path directory) {
    EmbeddedPostgres server;
    try {
      server = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true)
          .setServerConfig("max_connections", "300").start();
    } catch (IOException failure) {
      throw new UncheckedIOException("could not start the cluster's embedded PostgreSQL in " + directory, failure);
    }
    try (Connection connection = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE tenure");
    } catch (SQLException failure) {
      closeQuietly(server);
      throw new IllegalStateException("could not create the cluster's database", failure);
    }
    String url = server.getJdbcUrl("postgres", "tenure");
    return new ClusterDatabase(server, url);
  }

  String url() {
    return url;
  }

  /**
   * Ends one connection of another session on this database, chosen with {@code random} among those inside a
   * statement or a transaction when there are any, else among all; returns whether one was ended.
   */
  boolean terminateOne(Random random) {
    try {
      List<Backend> backends = otherBackends();
      List<Backend> busy = backends.stream().filter(Backend::busy).toList();
      List<Backend> candidates = busy.isEmpty() ? backends : busy;
      if (candidates.isEmpty()) {
        return false;
      }
      Backend chosen = candidates.get(random.nextInt(candidates.size()));
      try (PreparedStatement terminate = admin().prepareStatement("SELECT pg_terminate_backend(?)")) {
        terminate.setInt(1, chosen.pid());
        try (ResultSet result = terminate.executeQuery()) {
          return result.next() && result.getBoolean(1);
        }
      }
    } catch (SQLException failure) {
      closeAdmin();
      throw new IllegalStateException("could not end a connection of the cluster's database", failure);
    }
  }

  private record Backend(int pid, boolean busy) {}

  private List<Backend> otherBackends() throws SQLException {
    List<Backend> backends = new ArrayList<>();
    try (Statement statement = admin().createStatement();
        ResultSet rows = statement.executeQuery("""
            SELECT pid, state FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            ORDER BY pid""")) {
      while (rows.next()) {
        String state = Optional.ofNullable(rows.getString("state")).orElse("");
        backends.add(new Backend(rows.getInt("pid"), state.equals("active") || state.startsWith("idle in transaction")));
      }
    }
    return backends;
  }

  private Connection admin() throws SQLException {
    if (admin == null || admin.isClosed()) {
      admin = DriverManager.getConnection(url);
    }
    return admin;
  }

  private void closeAdmin() {
    try {
      if (admin != null) {
        admin.close();
      }
    } catch (SQLException ignored) {
      // A broken connection is closed as far as it can be.
    }
    admin = null;
  }

  @Override
  public void close() {
    closeAdmin();
    if (embedded != null) {
      closeQuietly(embedded);
    }
  }

  private static void closeQuietly(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException failure) {
      throw new UncheckedIOException("the cluster's embedded PostgreSQL did not stop cleanly", failure);
    }
  }
}
