package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Commands;
import org.junit.jupiter.api.Test;

/**
 * {@code tenure bench api} on a small load: every call answers, nothing is charged twice, the audit is clean and
 * the summary line has its documented form. (The figures themselves are docs/performance.md's, not a test's.)
 */
class BenchApiIT {

  @Test
  void aSmallRunChargesEachAcknowledgedAmountOnceAndEndsWithTheSummary() {
    Commands.Run run = Commands.run("bench", "api", "--clients", "8", "--calls", "400", "--warm-up", "0",
        "--ceiling-seconds", "1");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("charges: 80 accounts, acknowledged balance 49880.00, stored 49880.00: OK")
        .contains("audit: 320 transactions, 80 wallets checked: OK")
        .containsPattern("renew: +\\d+ calls/s, .*, 0 failed")
        // Without a warm-up every call is measured, and the measured part's CPU a call is printed apart.
        .containsPattern("after the warm-up of \\d+\\.\\d s \\(400 calls\\): cpu per call: server threads \\d+\\.\\d\\d ms, .*"
            + "JIT compiler \\d+\\.\\d\\d ms.*; this machine \\d+% busy");
    assertThat(run.lastLine()).matches("api: \\d+ calls/s, p50 \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms, "
        + "max \\d+\\.\\d\\d ms, commit ceiling \\d+/s");
  }

  @Test
  void aPacedRunSendsNoFasterThanItsRate() {
    Commands.Run run = Commands.run("bench", "api", "--clients", "4", "--calls", "100", "--warm-up", "0", "--rate", "100",
        "--ceiling-seconds", "1");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("schedule: 4 clients sending 100 calls/s together");
    // 100 calls on a schedule of 100 a second take about a second, whatever the server's own speed.
    double rate = Double.parseDouble(run.lastLine().replaceAll("^api: (\\d+) calls/s.*", "$1"));
    assertThat(rate).isBetween(60.0, 110.0);
  }

  @Test
  void aRemoteServerWithoutItsDatabaseIsRefused() {
    Commands.Run run = Commands.run("bench", "api", "--url", "http://localhost:1");

    assertThat(run.exitCode()).isEqualTo(2);
  }
}
