package io.tenure.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections on which a transaction's deferrable writes travel with the statement that follows them, or with the
 * COMMIT, in one exchange with the server: one multi-statement prepared statement, which the driver sends at once and
 * the server runs in order. An exchange costs the machine more than a small statement does (in pgbench, eight
 * statements of one transaction sent in one exchange took 37% less CPU than sent one by one: docs/performance.md).
 *
 * <p>A write is deferrable when its text starts with {@link #DEFERRABLE} and its caller reads nothing of its outcome:
 * deferred, its update count reads 1. Inside a transaction it is held until the connection's next statement, which
 * runs after it in the same exchange, or until the commit; outside one it runs at once. Whatever comes next (any
 * statement, COPY through the driver, a savepoint) finds what is held already run. A held write that fails makes the
 * statement it travels with (or the commit) fail, and the transaction with it: all or nothing, as before. A rollback
 * drops what is held. Not thread-safe, as a JDBC connection is not.
 */
public final class Pipelined {
  /** The mark that opens the text of a deferrable write. */
  public static final String DEFERRABLE = "/* deferrable */ ";

  private Pipelined() {}

  /** {@code pool}, whose connections hold deferrable writes as this class says. */
  public static DataSource dataSource(DataSource pool) {
    return new Source(pool);
  }

  private record Source(DataSource pool) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return new PipelinedConnection(pool.getConnection()).self;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return new PipelinedConnection(pool.getConnection(user, password)).self;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return pool.isWrapperFor(type);
    }
  }
}
