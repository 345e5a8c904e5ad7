package io.tenure.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ColumnsTest {
  @Test
  void anArrayOfInstantsHoldsEveryInstantExactlyAndNullsAsNull() {
    Random random = new Random(7);
    List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-03-02T01:30:00Z"),
        Instant.parse("1999-12-31T23:59:59.999999999Z"), Instant.parse("2026-03-02T01:30:00.120Z"),
        Instant.parse("0999-01-01T00:00:00Z"), Instant.parse("+12000-01-01T00:00:00Z"), Instant.parse("1969-07-20T20:17:40.5Z")));
    for (int index = 0; index < 1000; index++) {
      instants.add(Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000)));
    }
    instants.add(3, null);

    String literal = Columns.instantsLiteral(instants, Function.identity());

    assertThat(literal).startsWith("{\"1970-01-01T00:00:00Z\",\"2026-03-02T01:30:00Z\"").endsWith("\"}");
    List<Instant> read = Arrays.stream(literal.substring(1, literal.length() - 1).split(","))
        .map(element -> element.equals("NULL") ? null : Instant.parse(element.substring(1, element.length() - 1))).toList();
    assertThat(read).isEqualTo(instants);
  }
}
