package io.tenure.store;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** What {@link PipelinedConnection} records of a statement to make it again later, and its proxies. */
final class Recorded {
  private static final Constructor<?> CONNECTION = proxyConstructor(Connection.class);
  private static final Constructor<?> STATEMENT = proxyConstructor(PreparedStatement.class);

  private Recorded() {}

  /**
   * A call made on a statement before it runs, to be made again on the statement that runs; {@code parameter} when
   * it sets a parameter (its first argument is the parameter's index: every setter of PreparedStatement with two
   * arguments or more).
   */
  record Call(Method method, Object[] args, boolean parameter) {
    Call(Method method, Object[] args) {
      this(method, args, args != null && args.length >= 2 && method.getName().startsWith("set"));
    }

    void on(Object statement, int shift) throws SQLException {
      Object[] shifted = args;
      if (shift != 0 && parameter) {
        shifted = args.clone();
        shifted[0] = (Integer) shifted[0] + shift;
      }
      call(method, statement, shifted);
    }
  }

  /** A deferred write: its text, the calls that set its parameters, and how many it has (the highest index set). */
  record Held(String sql, List<Call> calls, int parameters) {
    static Held of(String sql, List<Call> calls) {
      int parameters = 0;
      for (Call made : calls) {
        if (made.parameter()) {
          parameters = Math.max(parameters, (Integer) made.args()[0]);
        }
      }
      return new Held(sql, List.copyOf(calls), parameters);
    }
  }

  static Object call(Method method, Object target, Object[] args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException thrown) {
      switch (thrown.getCause()) {
        case SQLException failure -> throw failure;
        case RuntimeException failure -> throw failure;
        case Error failure -> throw failure;
        default -> throw new IllegalStateException(thrown.getCause());
      }
    } catch (IllegalAccessException unreachable) {
      throw new IllegalStateException(unreachable);
    }
  }

  /** A proxy of {@code type} run by {@code handler}, equal only to itself whatever the handler does. */
  static <T> T proxy(Class<T> type, InvocationHandler handler) {
    InvocationHandler identity = (proxy, method, args) -> switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> handler.invoke(proxy, method, args);
    };
    try {
      return type.cast((type == Connection.class ? CONNECTION : STATEMENT).newInstance(identity));
    } catch (ReflectiveOperationException unreachable) {
      throw new IllegalStateException(unreachable);
    }
  }

  /** The constructor of {@code type}'s proxy class, found once: finding it per statement was a tenth of this class's cost. */
  private static Constructor<?> proxyConstructor(Class<?> type) {
    try {
      return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> null)
          .getClass().getConstructor(InvocationHandler.class);
    } catch (NoSuchMethodException unreachable) {
      throw new IllegalStateException(unreachable);
    }
  }
}
