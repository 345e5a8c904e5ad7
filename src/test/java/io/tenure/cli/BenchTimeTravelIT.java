package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Commands;
import io.tenure.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * {@code tenure bench timetravel} on a small world: it measures the drain, advances one simulated year in which
 * auto-renewals succeed and fall short, keeps the ledger audited clean and ends with the summary line in its
 * documented form. (The figures themselves are docs/performance.md's, not a test's.)
 */
class BenchTimeTravelIT {

  @Test
  void aSmallWorldTravelsOneYearWithRenewalsAndShortfallsAndEndsWithTheSummary() {
    Commands.Run run = Commands.run("bench", "timetravel", "--accounts", "1", "--resources-per-account", "5",
        "--drain-resources", "2000", "--database", TestDatabases.fresh());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("drain: 1000 transitions")
        .containsPattern("lifecycle: \\d+ transitions/s overall")
        .contains("loaded 1 accounts with 5 resources (3 auto-renewing)")
        .contains("advance: 2025-01-01T00:00+08:00 to 2026-01-01T00:00+08:00 in one call")
        .containsPattern("RENEWED=\\d+")
        .containsPattern("shortfall notices=[1-9]\\d*")
        .contains("audit: OK");
    assertThat(run.lastLine()).matches("timetravel: \\d+ transitions/s over [1-9]\\d* events, \\d+% of the lifecycle drain rate");
  }

  @Test
  void aDatabaseThatAlreadyHoldsResourcesIsRefused() {
    String url = TestDatabases.fresh();
    assertThat(Commands.run("bench", "lifecycle", "--resources", "1000", "--database", url).exitCode()).isZero();

    Commands.Run again = Commands.run("bench", "timetravel", "--accounts", "1", "--database", url);

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.output()).contains("already holds 1000 resources");
  }
}
