package io.tenure.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commit ceiling of {@code bench api}: C connections each inserting one row and committing, over and over,
 * into a scratch table of the same PostgreSQL, with the durability the server has (its fsync and
 * synchronous_commit are left as they are). No money-moving call can commit faster than this.
 */
final class CommitCeiling {
  private static final String TABLE = "tenure_bench_commit_ceiling";

  private CommitCeiling() {}

  /** The durability settings in effect, e.g. {@code fsync on, synchronous_commit on}. */
  static String durability(String jdbcUrl) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
      return "fsync " + show(statement, "fsync") + ", synchronous_commit " + show(statement, "synchronous_commit");
    }
  }

  /** Transactions committed in this database so far (PostgreSQL's statistics, flushed about once a second). */
  static long committed(String jdbcUrl) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static String show(Statement statement, String setting) throws SQLException {
    try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
      row.next();
      return row.getString(1);
    }
  }

  /** Single-row commits per second from {@code connections} connections during {@code seconds}. */
  static double measure(String jdbcUrl, int connections, double seconds) throws SQLException, InterruptedException {
    try (Connection setup = DriverManager.getConnection(jdbcUrl); Statement statement = setup.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + TABLE);
      statement.execute("CREATE TABLE " + TABLE + " (id bigserial PRIMARY KEY, client integer NOT NULL, "
          + "at timestamptz NOT NULL DEFAULT now())");
    }
    try {
      AtomicLong commits = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      long deadline = System.nanoTime() + (long) (seconds * 1e9);
      List<SQLException> failures = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < connections; i++) {
        int client = i;
        threads.add(Thread.ofPlatform().name("bench-commit-" + i).start(() -> {
          try {
            commitUntil(jdbcUrl, client, deadline, commits);
          } catch (SQLException failure) {
            synchronized (failures) {
              failures.add(failure);
            }
          }
        }));
      }
      for (Thread thread : threads) {
        thread.join();
      }
      if (!failures.isEmpty()) {
        throw failures.getFirst();
      }
      return commits.get() * 1e9 / (System.nanoTime() - start);
    } finally {
      try (Connection cleanup = DriverManager.getConnection(jdbcUrl); Statement statement = cleanup.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + TABLE);
      }
    }
  }

  private static void commitUntil(String jdbcUrl, int client, long deadline, AtomicLong commits) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (client) VALUES (?)")) {
      connection.setAutoCommit(false);
      insert.setInt(1, client);
      while (System.nanoTime() < deadline) {
        insert.executeUpdate();
        connection.commit();
        commits.incrementAndGet();
      }
    }
  }
}
