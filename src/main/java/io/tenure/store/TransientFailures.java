package io.tenure.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database failures after which the same work, run again in a new transaction, can succeed: PostgreSQL aborted
 * it to break a deadlock or a serialization conflict, or the connection was lost or ended by an administrator
 * ({@code pg_terminate_backend}, a restarted server), or no connection of the pool came free in time (the pool's
 * timeout, a {@link SQLTransientConnectionException}, under a load the database cannot keep up with). Every such
 * failure rolled the transaction back or never began one, so nothing of it was applied; the pool drops a broken
 * connection, so a retry gets a new one.
 */
public final class TransientFailures {
  /** Deadlock, serialization failure, administrator or crash shutdown of the session, server not yet accepting. */
  private static final Logger LOG = LoggerFactory.getLogger(TransientFailures.class);
  private static final Set<String> STATES = Set.of("40P01", "40001", "57P01", "57P02", "57P03");

  private TransientFailures() {}

  public static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          // Class 08: the connection failed or was closed under the statement.
          && (STATES.contains(sql.getSQLState()) || sql.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs work that is safe to repeat (a read, one idempotent statement, one whole transaction), again after a
   * transient failure, up to {@code attempts} times in all: a connection ended under it then costs a retry, not a
   * failed call. Each retry is logged as a warning naming {@code what}.
   */
  public static <T> T retrying(int attempts, String what, Supplier<T> repeatableWork) {
    for (int attempt = 1; ; attempt++) {
      try {
        return repeatableWork.get();
      } catch (RuntimeException failure) {
        if (attempt >= attempts || !isTransient(failure)) {
          throw failure;
        }
        LOG.warn("{} lost its database connection ({}), retrying ({}/{})", what, failure.getMessage(), attempt, attempts);
      }
    }
  }
}
