package io.tenure.store;

import static io.tenure.store.Recorded.call;
import static io.tenure.store.Recorded.proxy;

import io.tenure.store.Recorded.Call;
import io.tenure.store.Recorded.Held;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/** A connection of {@link Pipelined}: it holds a transaction's deferrable writes, as that class says. */
final class PipelinedConnection implements InvocationHandler {
  /** Connection methods before which what is held runs, in an exchange of its own. */
  private static final Set<String> FLUSHING = Set.of("createStatement", "prepareCall", "unwrap", "setAutoCommit",
      "setSavepoint", "releaseSavepoint", "setTransactionIsolation", "setReadOnly");
  private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

  private final Connection connection;
  private final List<Held> held = new ArrayList<>();
  final Connection self;

  PipelinedConnection(Connection connection) {
    this.connection = connection;
    this.self = proxy(Connection.class, this);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "prepareStatement" -> {
        String sql = (String) args[0];
        if (sql.startsWith(Pipelined.DEFERRABLE) && !connection.getAutoCommit()) {
          return proxy(PreparedStatement.class, new Deferred(sql));
        }
        if (!held.isEmpty()) {
          return proxy(PreparedStatement.class, new After(method, args));
        }
        // Jdbi's and Jdbc's forms, called directly rather than by reflection.
        return switch (args.length) {
          case 1 -> connection.prepareStatement(sql);
          case 3 -> connection.prepareStatement(sql, (Integer) args[1], (Integer) args[2]);
          default -> call(method, connection, args);
        };
      }
      case "commit" -> {
        if (!held.isEmpty()) {
          try (PreparedStatement statement = combined("COMMIT", null, null, List.of())) {
            statement.execute();
          }
        }
        connection.commit();
        return null;
      }
      case "getAutoCommit" -> {
        return connection.getAutoCommit();
      }
      case "rollback", "close" -> {
        held.clear();
        return call(method, connection, args);
      }
      default -> {
        if (FLUSHING.contains(method.getName())) {
          flush();
        }
        return call(method, connection, args);
      }
    }
  }

  /** Runs what is held, in an exchange of its own. */
  private void flush() throws SQLException {
    if (!held.isEmpty()) {
      try (PreparedStatement statement = combined(null, null, null, List.of())) {
        statement.execute();
      }
    }
  }

  /**
   * One statement of what is held followed by {@code then} (nothing when null), with the held writes' parameters
   * set and then {@code thenCalls}, shifted past them; prepared by the connection's {@code prepare} with
   * {@code options} (the text first, replaced), or its plain prepareStatement when null. What is held is no longer: it
   * runs with this statement, or the transaction fails.
   */
  private PreparedStatement combined(String then, Method prepare, Object[] options, List<Call> thenCalls)
      throws SQLException {
    StringJoiner texts = new StringJoiner(";\n");
    held.forEach(write -> texts.add(write.sql()));
    if (then != null) {
      texts.add(then);
    }
    String text = texts.toString();
    PreparedStatement statement;
    if (prepare == null) {
      statement = connection.prepareStatement(text);
    } else {
      Object[] arguments = options.clone();
      arguments[0] = text;
      statement = (PreparedStatement) call(prepare, connection, arguments);
    }
    try {
      int shift = 0;
      for (Held write : held) {
        for (Call setter : write.calls()) {
          setter.on(statement, shift);
        }
        shift += write.parameters();
      }
      for (Call setter : thenCalls) {
        setter.on(statement, shift);
      }
    } catch (SQLException | RuntimeException failure) {
      statement.close();
      throw failure;
    } finally {
      held.clear();
    }
    return statement;
  }

  /** A deferrable write inside a transaction: held when it runs, until what comes next. */
  private final class Deferred implements InvocationHandler {
    private final String sql;
    private final List<Call> calls = new ArrayList<>();

    Deferred(String sql) {
      this.sql = sql;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      return switch (method.getName()) {
        case "execute" -> hold(false);
        case "executeUpdate" -> hold(1);
        case "executeLargeUpdate" -> hold(1L);
        case "getUpdateCount" -> 1;
        case "getLargeUpdateCount" -> 1L;
        case "getResultSet", "getWarnings", "close", "clearWarnings" -> null;
        case "getMoreResults", "isClosed" -> false;
        case "getConnection" -> self;
        case "clearParameters" -> {
          calls.clear();
          yield null;
        }
        default -> {
          Call made = new Call(method, args);
          if (made.parameter()) {
            calls.add(made);
            yield null;
          }
          if (method.getName().startsWith("set") && args != null && args.length == 1) {
            yield null; // a timeout, a fetch size: nothing to a write that returns no rows
          }
          throw new SQLFeatureNotSupportedException("a deferred write does not take " + method.getName());
        }
      };
    }

    /** Holds the write, and answers {@code ran} as running it would. */
    private Object hold(Object ran) {
      held.add(Held.of(sql, calls));
      return ran;
    }
  }

  /**
   * A statement prepared while writes are held: it records what is set on it, and runs once, after them, in their
   * exchange. Anything else than running it (a batch, metadata) runs what is held first, in an exchange of its own.
   */
  private final class After implements InvocationHandler {
    private final Method prepare;
    private final Object[] args;
    private final List<Call> calls = new ArrayList<>();
    private PreparedStatement statement;
    private boolean ran;

    After(Method prepare, Object[] args) {
      this.prepare = prepare;
      this.args = args;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
      String name = method.getName();
      if (name.equals("getConnection")) {
        return self;
      }
      if (statement == null) {
        if (name.equals("close") || name.equals("isClosed")) {
          return false;
        }
        if (name.startsWith("set") || name.equals("clearParameters")) {
          calls.add(new Call(method, arguments));
          return null;
        }
        if (EXECUTING.contains(name)) {
          return runAfterHeld(name);
        }
        flush();
        statement = (PreparedStatement) call(prepare, connection, args);
        for (Call made : calls) {
          made.on(statement, 0);
        }
      } else if (EXECUTING.contains(name) && ran) {
        throw new SQLFeatureNotSupportedException("a statement prepared while writes were held runs once");
      }
      return call(method, statement, arguments);
    }

    private Object runAfterHeld(String name) throws SQLException {
      int skip = held.size();
      statement = combined((String) args[0], prepare, args, calls);
      ran = true;
      statement.execute();
      for (int result = 0; result < skip; result++) {
        statement.getMoreResults();
      }
      return switch (name) {
        case "execute" -> statement.getResultSet() != null;
        case "executeQuery" -> {
          if (statement.getResultSet() == null) {
            throw new SQLException("the statement returned no rows");
          }
          yield statement.getResultSet();
        }
        case "executeLargeUpdate" -> statement.getLargeUpdateCount();
        default -> statement.getUpdateCount();
      };
    }
  }
}
