package io.tenure.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.money.Money;
import io.tenure.payment.RechargeState.Outcome;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure auto-recharge rules: crossings, keys, retries, and disabling after three failures. */
class RechargeStateTest {
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Money THRESHOLD = cny(20_000);
  private static final Instant T1 = Instant.parse("2023-04-08T00:00:00Z");
  private static final Instant T2 = Instant.parse("2023-04-09T00:00:00Z");

  private static Money cny(long minor) {
    return new Money(minor, CNY);
  }

  private static RechargeState crossed() {
    return RechargeState.NEVER.afterBalance(cny(4_000), THRESHOLD, T1);
  }

  @Test
  void aBalanceAtOrAboveTheThresholdOpensNoCrossing() {
    assertThat(RechargeState.NEVER.afterBalance(cny(20_000), THRESHOLD, T1)).isEqualTo(RechargeState.NEVER);
    assertThat(RechargeState.NEVER.afterBalance(cny(90_000), THRESHOLD, T1)).isEqualTo(RechargeState.NEVER);
  }

  @Test
  void fallingBelowTheThresholdOpensACrossingWithAPendingFirstAttempt() {
    RechargeState state = crossed();
    assertThat(state.crossing()).isEqualTo(1);
    assertThat(state.attempt()).isEqualTo(1);
    assertThat(state.pending()).isTrue();
    assertThat(state.dueAt()).contains(T1);
    assertThat(state.key("acc_1")).isEqualTo("recharge-acc_1-1-1");
  }

  @Test
  void furtherChecksBelowTheThresholdOpenNoSecondCrossingNorSecondCharge() {
    RechargeState state = crossed();
    assertThat(state.afterBalance(cny(1_000), THRESHOLD, T2)).isEqualTo(state);
    RechargeState recharged = state.afterOutcome(Outcome.SUCCEEDED, cny(14_000));
    assertThat(recharged.pending()).isFalse();
    assertThat(recharged.afterBalance(cny(14_000), THRESHOLD, T2)).as("recharged, still below: no second charge").isEqualTo(recharged);
    assertThat(recharged.afterBalance(cny(9_000), THRESHOLD, T2)).isEqualTo(recharged);
  }

  @Test
  void aRecoveryClosesTheCrossingAndTheNextFallOpensTheNextOne() {
    RechargeState recovered = crossed().afterOutcome(Outcome.SUCCEEDED, cny(54_000)).afterBalance(cny(54_000), THRESHOLD, T1);
    assertThat(recovered.below()).isFalse();
    RechargeState next = recovered.afterBalance(cny(100), THRESHOLD, T2);
    assertThat(next.crossing()).isEqualTo(2);
    assertThat(next.pending()).isTrue();
    assertThat(next.key("acc_1")).isEqualTo("recharge-acc_1-2-1");
  }

  @Test
  void aPendingChargeIsDroppedWhenTheBalanceRecoversBeforeTheCall() {
    RechargeState state = crossed().afterBalance(cny(50_000), THRESHOLD, T2);
    assertThat(state.pending()).isFalse();
    assertThat(state.below()).isFalse();
  }

  @Test
  void aTimedOutCallStaysPendingWithTheSameKeyWhateverTheBalanceDoes() {
    RechargeState timedOut = crossed().afterOutcome(Outcome.TIMED_OUT, cny(4_000));
    assertThat(timedOut.pending()).isTrue();
    assertThat(timedOut.outcomeUnknown()).isTrue();
    assertThat(timedOut.key("acc_1")).isEqualTo("recharge-acc_1-1-1");
    assertThat(timedOut.failures()).isEqualTo(1);
    assertThat(timedOut.afterBalance(cny(90_000), THRESHOLD, T2)).as("the customer may have paid").isEqualTo(timedOut);
    RechargeState answered = timedOut.afterOutcome(Outcome.SUCCEEDED, cny(54_000));
    assertThat(answered.succeeded()).isTrue();
    assertThat(answered.failures()).isZero();
    assertThat(answered.outcomeUnknown()).isFalse();
  }

  @Test
  void aDeclinedAttemptIsTriedAgainWithTheNextKeyOnlyOnceMoneyHasMoved() {
    RechargeState declined = crossed().afterOutcome(Outcome.DECLINED, cny(4_000));
    assertThat(declined.pending()).isFalse();
    assertThat(declined.afterBalance(cny(4_000), THRESHOLD, T1)).as("nothing moved").isEqualTo(declined);
    RechargeState retry = declined.afterBalance(cny(3_900), THRESHOLD, T2);
    assertThat(retry.pending()).isTrue();
    assertThat(retry.attempt()).isEqualTo(2);
    assertThat(retry.crossing()).isEqualTo(1);
    assertThat(retry.dueAt()).contains(T2);
    assertThat(retry.key("acc_1")).isEqualTo("recharge-acc_1-1-2");
  }

  @Test
  void threeConsecutiveFailuresDisableAutoRechargeOnceAndNothingIsPendingAfterwards() {
    RechargeState state = crossed();
    RechargeState first = state.afterOutcome(Outcome.DECLINED, cny(4_000));
    RechargeState second = first.afterBalance(cny(3_000), THRESHOLD, T2).afterOutcome(Outcome.TIMED_OUT, cny(3_000));
    RechargeState third = second.afterOutcome(Outcome.DECLINED, cny(3_000));
    assertThat(first.disabledBy(state)).isFalse();
    assertThat(second.disabledBy(first)).isFalse();
    assertThat(third.disabled()).isTrue();
    assertThat(third.disabledBy(second)).isTrue();
    assertThat(third.pending()).isFalse();
    assertThat(third.afterBalance(cny(100), THRESHOLD, T2)).isEqualTo(third);
    assertThat(third.afterBalance(cny(900_000), THRESHOLD, T2)).isEqualTo(third);
  }

  @Test
  void threeTimeoutsDisableAutoRechargeAndStopRepeatingTheCall() {
    RechargeState state = crossed();
    for (int i = 0; i < 3; i++) {
      state = state.afterOutcome(Outcome.TIMED_OUT, cny(4_000));
    }
    assertThat(state.disabled()).isTrue();
    assertThat(state.pending()).isFalse();
    assertThat(state.dueAt()).isEmpty();
  }

  @Test
  void aSuccessBetweenFailuresStartsTheCountAgain() {
    RechargeState state = crossed().afterOutcome(Outcome.DECLINED, cny(4_000)).afterBalance(cny(3_000), THRESHOLD, T2)
        .afterOutcome(Outcome.DECLINED, cny(3_000)).afterBalance(cny(2_000), THRESHOLD, T2)
        .afterOutcome(Outcome.SUCCEEDED, cny(52_000));
    assertThat(state.failures()).isZero();
    assertThat(state.disabled()).isFalse();
    assertThat(state.declinedBalance()).isEqualTo(Optional.empty());
  }
}
