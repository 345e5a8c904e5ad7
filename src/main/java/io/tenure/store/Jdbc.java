package io.tenure.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Statements of the hottest paths (every money call runs them) sent on the handle's connection with plain JDBC: Jdbi's
 * setup of each statement (its configuration copy, argument and mapper look-ups) costs as much as the driver's own
 * work there. The driver keeps the statement prepared on the server per connection, keyed by its text. A failure is
 * thrown as Jdbi throws it, its {@link SQLException} the cause, so that retries and error answers treat it alike.
 */
public final class Jdbc {
  /** Reads what a statement's rows say; {@code rows} is before the first row. */
  @FunctionalInterface
  public interface Rows<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private Jdbc() {}

  /** Runs {@code sql} (JDBC's positional {@code ?} parameters) with the text {@code parameters}, read by {@code rows}. */
  public static <T> T query(Handle handle, String sql, Rows<T> rows, String... parameters) {
    try (PreparedStatement statement = prepared(handle, sql, parameters); ResultSet results = statement.executeQuery()) {
      return rows.read(results);
    } catch (SQLException failure) {
      throw new UnableToExecuteStatementException(failure, null);
    }
  }

  /** Runs the data-changing {@code sql} with the text {@code parameters}; the number of rows it changed. */
  public static int update(Handle handle, String sql, String... parameters) {
    try (PreparedStatement statement = prepared(handle, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException failure) {
      throw new UnableToExecuteStatementException(failure, null);
    }
  }

  private static PreparedStatement prepared(Handle handle, String sql, String... parameters) throws SQLException {
    PreparedStatement statement = handle.getConnection().prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      return statement;
    } catch (SQLException failure) {
      statement.close();
      throw failure;
    }
  }
}
