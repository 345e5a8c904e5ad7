package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The paced schedule of {@code bench api}: slots a fixed interval apart, clients spread over it, backlog dropped. */
class ApiLoadScheduleTest {
  private static final long START = System.nanoTime() - 1_000_000_000L;

  @Test
  void eachClientSendsEveryClientsOverRateSecondsFromItsOwnOffset() {
    // 4 clients at 4,000 calls/s: each sends every millisecond, client 1 a quarter of it after client 0.
    ApiLoad.Schedule first = ApiLoad.Schedule.of(4_000, 4, 0, START);
    ApiLoad.Schedule second = ApiLoad.Schedule.of(4_000, 4, 1, START);

    assertThat(first.next(Long.MAX_VALUE)).isEqualTo(START);
    assertThat(first.next(Long.MAX_VALUE)).isEqualTo(START + 1_000_000);
    assertThat(second.next(Long.MAX_VALUE)).isEqualTo(START + 250_000);
  }

  @Test
  void theWarmUpsBacklogIsDroppedWhenTheMeasuredPartStarts() {
    ApiLoad.Schedule schedule = ApiLoad.Schedule.of(1_000, 2, 1, START);
    long measureFrom = START + 500_000_000L;

    assertThat(schedule.next(Long.MAX_VALUE)).isEqualTo(START + 1_000_000);
    // Still far behind (START is a second ago), but the measured part's first slot is its own start plus the offset.
    assertThat(schedule.next(measureFrom)).isEqualTo(measureFrom + 1_000_000);
    assertThat(schedule.next(measureFrom)).isEqualTo(measureFrom + 3_000_000);
  }

  @Test
  void withoutARateACallIsDueAtOnce() {
    long before = System.nanoTime();

    assertThat(ApiLoad.Schedule.of(0, 64, 3, START).next(Long.MAX_VALUE)).isBetween(before, System.nanoTime());
  }
}
