package io.tenure.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Binds one column of many rows as one SQL array, for the batched writes that insert or update a whole batch
 * in a single statement ({@code INSERT ... SELECT FROM unnest(...)}): one statement costs the server one
 * parse, one plan and one round trip however many rows it carries. Each array travels as one string in
 * PostgreSQL's array syntax, built here in one pass, and the SQL casts it to its array type
 * ({@code CAST(:name AS text[])}, {@code timestamptz[]}, {@code integer[]}, {@code boolean[]}): the JDBC
 * driver's own array encoding cost more of the engine's time than the rest of building a batch. Stateless.
 */
public final class Columns {
  private static final int EXPECTED_ELEMENT_LENGTH = 24;
  private static final long SECONDS_PER_DAY = 86_400;

  private Columns() {}

  /** Binds {@code column(row)} of every row (null allowed) as text; cast it with {@code CAST(:name AS text[])}. */
  public static <T> void text(SqlStatement<?> statement, String name, List<T> rows, Function<T, String> column) {
    statement.bind(name, arrayLiteral(rows, column));
  }

  /** Binds {@code column(row)} of every row (null allowed) as ISO-8601 text; cast it with {@code ::timestamptz[]}. */
  public static <T> void instants(SqlStatement<?> statement, String name, List<T> rows, Function<T, Instant> column) {
    statement.bind(name, instantsLiteral(rows, column));
  }

  /** Binds {@code column(row)} of every row; cast it with {@code CAST(:name AS integer[])}. */
  public static <T> void integers(SqlStatement<?> statement, String name, List<T> rows, Function<T, Integer> column) {
    statement.bind(name, arrayLiteral(rows, column));
  }

  /** Binds {@code column(row)} of every row; cast it with {@code CAST(:name AS boolean[])}. */
  public static <T> void booleans(SqlStatement<?> statement, String name, List<T> rows, Function<T, Boolean> column) {
    statement.bind(name, arrayLiteral(rows, column));
  }

  /**
   * The values as a one-dimensional array literal: each element double-quoted (so that commas, braces, spaces
   * and the word NULL stay data) with its double quotes and backslashes escaped, a null as unquoted NULL.
   */
  static <T, V> String arrayLiteral(List<T> rows, Function<T, V> column) {
    StringBuilder literal = new StringBuilder(2 + rows.size() * EXPECTED_ELEMENT_LENGTH).append('{');
    for (int index = 0; index < rows.size(); index++) {
      if (index > 0) {
        literal.append(',');
      }
      V value = column.apply(rows.get(index));
      if (value == null) {
        literal.append("NULL");
      } else {
        appendQuoted(literal, value.toString());
      }
    }
    return literal.append('}').toString();
  }

  /**
   * {@link #arrayLiteral} of instants, each in UTC ISO-8601 as {@link Instant#toString} writes it (the fraction, when
   * there is one, to the nanosecond) without its general formatter, which was most of the cost of a batch's arrays.
   */
  static <T> String instantsLiteral(List<T> rows, Function<T, Instant> column) {
    StringBuilder literal = new StringBuilder(2 + rows.size() * EXPECTED_ELEMENT_LENGTH).append('{');
    for (int index = 0; index < rows.size(); index++) {
      if (index > 0) {
        literal.append(',');
      }
      Instant value = column.apply(rows.get(index));
      if (value == null) {
        literal.append("NULL");
      } else {
        appendInstant(literal.append('"'), value).append('"');
      }
    }
    return literal.append('}').toString();
  }

  private static StringBuilder appendInstant(StringBuilder literal, Instant instant) {
    long seconds = instant.getEpochSecond();
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    if (date.getYear() < 1000 || date.getYear() > 9999) {
      return literal.append(instant);
    }
    int second = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    literal.append(date.getYear()).append('-');
    twoDigits(literal, date.getMonthValue()).append('-');
    twoDigits(literal, date.getDayOfMonth()).append('T');
    twoDigits(literal, second / 3600).append(':');
    twoDigits(literal, second / 60 % 60).append(':');
    twoDigits(literal, second % 60);
    if (instant.getNano() > 0) {
      String nanos = Integer.toString(instant.getNano() + 1_000_000_000);
      literal.append('.').append(nanos, 1, nanos.length());
    }
    return literal.append('Z');
  }

  private static StringBuilder twoDigits(StringBuilder literal, int value) {
    return literal.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static void appendQuoted(StringBuilder literal, String element) {
    literal.append('"');
    if (element.indexOf('"') < 0 && element.indexOf('\\') < 0) {
      literal.append(element);
    } else {
      for (int index = 0; index < element.length(); index++) {
        char character = element.charAt(index);
        if (character == '"' || character == '\\') {
          literal.append('\\');
        }
        literal.append(character);
      }
    }
    literal.append('"');
  }
}
