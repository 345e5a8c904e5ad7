package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Commands;
import io.tenure.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * {@code tenure bench settle} on a small load: every account gets one bill and one charge, every event is billed,
 * the ceiling runs in the same run, and the last line has its documented form. (The figures are
 * docs/performance.md's, not a test's.)
 */
class BenchSettleIT {

  @Test
  void aSmallRunSettlesEveryAccountOnceMeasuresTheCeilingAndEndsWithTheSummary() {
    Commands.Run run = Commands.run("bench", "settle", "--accounts", "200", "--resources", "1000", "--events-per-meter", "2",
        "--database", TestDatabases.fresh());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("loaded 200 accounts, 1000 pay-as-you-go resources, 6000 usage events (COPY)")
        .contains("ceiling: 200 bills by the database alone")
        .contains("engine: 200 bills, 200 charges, 6000 of 6000 events billed, 0 left unbilled")
        .containsPattern("ceiling ratio: the engine took \\d+\\.\\d times the database alone");
    assertThat(run.lastLine()).matches("settle: 1000 resources in \\d+\\.\\d\\d s");
  }

  @Test
  void moreAccountsThanResourcesIsABadOption() {
    Commands.Run run = Commands.run("bench", "settle", "--accounts", "20", "--resources", "10");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output()).contains("--accounts");
  }
}
