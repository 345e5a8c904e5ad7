package io.tenure.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.TestDatabases;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.Test;

/** The array literals {@link Columns} builds read back in PostgreSQL as exactly the values bound. */
class ColumnsIT {

  @Test
  void textSurvivesQuotesBackslashesSeparatorsAndNulls() {
    List<String> values = Arrays.asList("plain", "with \"quotes\"", "back\\slash", "a,b", "{braces}", " spaced ", "NULL", "",
        null, "ünïcödé", "line\nbreak");
    assertThat(roundTrip("text[]", values, value -> value, String.class)).isEqualTo(values);
  }

  @Test
  void instantsIntegersAndBooleansKeepTheirValues() {
    List<Instant> instants = Arrays.asList(Instant.parse("2026-03-01T16:00:00Z"), null, Instant.parse("2026-03-02T01:30:00.123456Z"));
    assertThat(roundTrip("timestamptz[]", instants, instant -> instant, Instant.class)).isEqualTo(instants);
    List<Integer> integers = Arrays.asList(-1, 0, null, Integer.MAX_VALUE);
    assertThat(roundTrip("integer[]", integers, integer -> integer, Integer.class)).isEqualTo(integers);
    List<Boolean> booleans = Arrays.asList(true, false, null);
    assertThat(roundTrip("boolean[]", booleans, bool -> bool, Boolean.class)).isEqualTo(booleans);
  }

  @Test
  void anEmptyListIsAnEmptyArray() {
    assertThat(roundTrip("text[]", List.<String>of(), value -> value, String.class)).isEmpty();
  }

  private static <T> List<T> roundTrip(String arrayType, List<T> values, Function<T, T> column, Class<T> type) {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      return database.jdbi().withHandle(handle -> {
        Query query = handle.createQuery("SELECT value FROM unnest(CAST(:values AS " + arrayType
            + ")) WITH ORDINALITY AS element (value, position) ORDER BY position");
        if (type == String.class) {
          Columns.text(query, "values", values, row -> (String) column.apply(row));
        } else if (type == Instant.class) {
          Columns.instants(query, "values", values, row -> (Instant) column.apply(row));
        } else if (type == Integer.class) {
          Columns.integers(query, "values", values, row -> (Integer) column.apply(row));
        } else {
          Columns.booleans(query, "values", values, row -> (Boolean) column.apply(row));
        }
        return query.map((row, context) -> {
          if (row.getObject("value") == null) {
            return null;
          }
          return type == Instant.class ? type.cast(row.getTimestamp("value").toInstant()) : row.getObject("value", type);
        }).list();
      });
    }
  }
}
