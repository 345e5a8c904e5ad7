package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Commands;
import io.tenure.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * {@code tenure bench lifecycle} on a small load: it warms up, drains every due resource once and ends with
 * the summary line in its documented form. (The figures themselves are docs/performance.md's, not a test's.)
 */
class BenchLifecycleIT {

  @Test
  void aSmallRunWarmsUpDrainsEveryDueResourceAndEndsWithTheSummary() {
    Commands.Run run = Commands.run("bench", "lifecycle", "--resources", "20000", "--due-share", "0.1",
        "--database", TestDatabases.fresh());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("2000 due at 2026-03-02T01:30:00Z, 800 for the warm-up")
        .contains("warm-up: 800 resources processed at 2026-01-29T16:00:00Z")
        .contains("warm-up: 800 resources processed at 2026-02-28T16:00:00Z")
        .contains("drain: 2000 transitions");
    assertThat(run.output()).containsPattern("write ceiling: \\[\\d+, \\d+, \\d+\\] transitions/s in 3 passes of 573[34] transitions")
        // The WAL a transition logged, the drain's and each pass's (each after the same vacuum and checkpoint).
        .containsPattern("drain: CPU a transition .*; WAL a transition \\d+ bytes")
        .containsPattern("write ceiling: CPU a transition .*; WAL a transition \\[\\d+, \\d+, \\d+\\] bytes");
    assertThat(run.lastLine()).matches("lifecycle: \\d+ transitions/s overall \\(\\d+% of the claim ceiling, \\d+% of the "
        + "write ceiling\\), first tenth \\d+/s, last tenth \\d+/s, idle tick \\d+\\.\\d\\d ms, claim ceiling \\d+/s, "
        + "write ceiling \\d+/s");
  }

  @Test
  void aRunWithEveryResourceDueDrainsThemAndLeavesTheWriteCeilingUnmeasured() {
    Commands.Run run = Commands.run("bench", "lifecycle", "--resources", "1000", "--due-share", "1",
        "--database", TestDatabases.fresh());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("drain: 1000 transitions").contains("write ceiling: not measured, every resource was due");
    assertThat(run.lastLine()).contains("n/a of the write ceiling").endsWith("write ceiling 0/s");
  }

  @Test
  void aDatabaseThatAlreadyHoldsResourcesIsRefused() {
    String url = TestDatabases.fresh();
    assertThat(Commands.run("bench", "lifecycle", "--resources", "1000", "--database", url).exitCode()).isZero();

    Commands.Run again = Commands.run("bench", "lifecycle", "--resources", "1000", "--database", url);

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.output()).contains("already holds 1000 resources");
  }
}
