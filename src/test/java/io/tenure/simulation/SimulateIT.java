package io.tenure.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Commands;
import io.tenure.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code tenure simulate} within the CI budget: a few seeds over a few simulated months run clean, one of them on
 * three nodes with faults, the same seed gives the same final state however its clock advances are split, and the
 * auditor reports a wrong expectation or a corrupted reply with the seed and the operations up to it.
 */
class SimulateIT {

  @Test
  void aFewSeedsOverAFewSimulatedMonthsRunWithoutViolation() {
    for (String seed : new String[] {"1", "3", "4"}) {
      Commands.Run run = Commands.run("simulate", "--seed", seed, "--accounts", "4", "--days", "90",
          "--database", TestDatabases.fresh());

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).startsWith("simulate: seed " + seed + "\n");
      assertThat(run.lastLine()).matches("simulate: seed " + seed + ", \\d+ operations, 90 simulated days, 0 faults, 0 violations");
    }
  }

  /**
   * Three server processes, killed and restarted and their connections ended during the run. A failure prints the
   * reproduction and the end of the log of the node that answered wrong, which the nodes' logs are kept for.
   */
  @Test
  void aSeedWithFaultsOnThreeNodesRunsWithoutViolation() {
    Commands.Run run = Commands.run("simulate", "--seed", "7", "--accounts", "4", "--days", "60", "--nodes", "3",
        "--faults", "--database", TestDatabases.fresh());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.lastLine()).as(run.output())
        .matches("simulate: seed 7, \\d+ operations, 60 simulated days, [1-9]\\d* faults, 0 violations");
  }

  @Test
  void oneBigAdvanceEndsInTheSameStateAsTheSameTimeInSeveralSmallOnes() {
    // Two calls of one account sent at once end in either order: here each run sends them one at a time.
    Simulation.Result whole = run(new Simulation.Options(11, 3, 60, false, false, Simulation.Sabotage.NONE, false));
    Simulation.Result split = run(new Simulation.Options(11, 3, 60, true, false, Simulation.Sabotage.NONE, false));

    assertThat(whole.clean()).as(whole.violation()).isTrue();
    assertThat(split.clean()).as(split.violation()).isTrue();
    assertThat(split.fingerprint()).isEqualTo(whole.fingerprint()).contains("sim-account-1");
  }

  @Test
  void aWrongExpectationOfTheModelIsReportedWithTheSeedAndTheOperationsUpToIt() {
    Commands.Run run = Commands.run("simulate", "--seed", "5", "--accounts", "3", "--days", "30",
        "--sabotage", "MODEL_TOP_UP", "--database", TestDatabases.fresh());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).contains("simulate: VIOLATION top-up of ").contains("expected the balance")
        .contains("simulate: reproduce with: tenure simulate --seed 5 --accounts 3 --days 30")
        .containsPattern("#\\d+ node 0: POST /v1/accounts/acc_\\w+/top-ups \\{\"amount\":");
    assertThat(run.lastLine()).matches("simulate: seed 5, \\d+ operations, \\d+ simulated days, 0 faults, 1 violations");
  }

  @Test
  void aCorruptedReplyIsReportedAsAViolation() {
    Simulation.Result result = run(new Simulation.Options(6, 3, 30, false, false, Simulation.Sabotage.REPLY_BALANCE));

    assertThat(result.clean()).isFalse();
    assertThat(result.violation()).contains("top-up of").contains("expected the balance");
    assertThat(result.reproduction()).contains("/top-ups");
  }

  @Test
  void aCorruptedAnswerOfMessageSubscriptionsIsReportedAsAViolation() {
    Simulation.Result result = run(new Simulation.Options(7, 3, 30, false, false, Simulation.Sabotage.REPLY_SUBSCRIPTIONS));

    assertThat(result.clean()).isFalse();
    assertThat(result.violation()).contains("message subscriptions of account")
        .contains("expected EXPIRY_WARNING: [OWNER, RESOURCE_COLLABORATOR, FINANCE_COLLABORATOR] by [EMAIL, SMS, IN_APP]");
    assertThat(result.reproduction()).contains("/message-subscriptions");
  }

  private static Simulation.Result run(Simulation.Options options) {
    try (Cluster cluster = Clusters.open(1, false, Optional.of(TestDatabases.fresh()))) {
      return new Simulation(cluster, options).run(new PrintWriter(new StringWriter()));
    }
  }
}
