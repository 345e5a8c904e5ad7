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
  void theWarmUpsBacklogIsDroppedWhenTheScheduleRestarts() {
    ApiLoad.Schedule schedule = ApiLoad.Schedule.of(1_000, 2, 1, START);
    long restartAt = START + 500_000_000L;

    assertThat(schedule.next(Long.MAX_VALUE)).isEqualTo(START + 1_000_000);
    // Far behind (START is a second ago), but after the restart the slots run from it, plus the client's offset.
    assertThat(schedule.next(restartAt)).isEqualTo(restartAt + 1_000_000);
    assertThat(schedule.next(restartAt)).isEqualTo(restartAt + 3_000_000);
  }

  @Test
  void aRestartStillToComeLeavesTheScheduleAsItIs() {
    ApiLoad.Schedule schedule = ApiLoad.Schedule.of(1_000, 2, 0, START);

    assertThat(schedule.next(Long.MAX_VALUE)).isEqualTo(START);
    assertThat(schedule.next(System.nanoTime() + 60_000_000_000L)).isEqualTo(START + 2_000_000);
  }

  @Test
  void withoutARateACallIsDueAtOnce() {
    long before = System.nanoTime();

    assertThat(ApiLoad.Schedule.of(0, 64, 3, START).next(Long.MAX_VALUE)).isBetween(before, System.nanoTime());
  }
}
