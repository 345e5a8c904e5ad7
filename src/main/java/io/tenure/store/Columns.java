package io.tenure.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Binds one column of many rows as one SQL array, for the batched writes that insert or update a whole batch
 * in a single statement ({@code INSERT ... SELECT FROM unnest(...)}): one statement costs the server one
 * parse, one plan and one round trip however many rows it carries. Instants travel as ISO-8601 text and are
 * cast to {@code timestamptz[]} in the SQL. Stateless.
 */
public final class Columns {

  private Columns() {}

  /** Binds {@code column(row)} of every row as a {@code text[]} named {@code name}. */
  public static <T> void text(SqlStatement<?> statement, String name, List<T> rows, Function<T, String> column) {
    statement.bindArray(name, String.class, map(rows, column));
  }

  /** Binds {@code column(row)} of every row (null allowed) as ISO-8601 text; cast it with {@code ::timestamptz[]}. */
  public static <T> void instants(SqlStatement<?> statement, String name, List<T> rows, Function<T, Instant> column) {
    statement.bindArray(name, String.class, map(rows, row -> {
      Instant instant = column.apply(row);
      return instant == null ? null : instant.toString();
    }));
  }

  /** Binds {@code column(row)} of every row as an {@code integer[]}. */
  public static <T> void integers(SqlStatement<?> statement, String name, List<T> rows, Function<T, Integer> column) {
    statement.bindArray(name, Integer.class, map(rows, column));
  }

  /** Binds {@code column(row)} of every row as a {@code boolean[]}. */
  public static <T> void booleans(SqlStatement<?> statement, String name, List<T> rows, Function<T, Boolean> column) {
    statement.bindArray(name, Boolean.class, map(rows, column));
  }

  private static <T, V> List<V> map(List<T> rows, Function<T, V> column) {
    List<V> values = new ArrayList<>(rows.size());
    for (T row : rows) {
      values.add(column.apply(row));
    }
    return values;
  }
}
