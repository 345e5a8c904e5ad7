package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Commands;
import io.tenure.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * {@code tenure bench notices} on a small world: the production dispatcher delivers every e-mail and SMS to the
 * command's own SMTP server and HTTP receiver exactly once, and the run ends with the summary line in its documented
 * form. (The figures themselves are docs/performance.md's, not a test's.)
 */
class BenchNoticesIT {

  @Test
  void sixHundredDeliveriesAreEachDeliveredOnceAndTheRunEndsWithTheSummary() {
    Commands.Run run = Commands.run("bench", "notices", "--deliveries", "600", "--accounts", "50", "--database",
        TestDatabases.fresh());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("loaded 50 accounts")
        .contains("dispatcher: 600 deliveries (200 e-mail, 200 SMS, 200 in-app) of 200 messages")
        .contains("bare channels: 200 e-mails")
        .contains("check: all 900 deliveries DELIVERED, every e-mail and SMS after one attempt and received exactly once: OK");
    assertThat(run.lastLine()).matches("notices: \\d+ deliveries/s, \\d+% of the bare channels' rate");
  }

  @Test
  void aNumberOfDeliveriesThatIsNoMultipleOfThreeIsReachedExactly() {
    Commands.Run run = Commands.run("bench", "notices", "--deliveries", "301", "--accounts", "7", "--senders", "1",
        "--database", TestDatabases.fresh());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("dispatcher: 301 deliveries (101 e-mail, 99 SMS, 101 in-app) of 101 messages");
  }

  @Test
  void aDatabaseThatAlreadyHoldsAccountsIsRefused() {
    String url = TestDatabases.fresh();
    assertThat(Commands.run("bench", "notices", "--deliveries", "100", "--database", url).exitCode()).isZero();

    Commands.Run again = Commands.run("bench", "notices", "--deliveries", "100", "--database", url);

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.output()).contains("already holds 1000 accounts");
  }
}
