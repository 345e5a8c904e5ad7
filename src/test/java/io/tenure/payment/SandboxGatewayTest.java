package io.tenure.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.money.Money;
import io.tenure.payment.PaymentGateway.ChargeRequest;
import io.tenure.payment.RechargeState.Outcome;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The sandbox gateway's test cards, its idempotency keys, and the deadline wrapper. */
class SandboxGatewayTest {
  private static final Money AMOUNT = new Money(50_000, Currency.getInstance("CNY"));

  private static ChargeRequest request(String key, String card) {
    return new ChargeRequest(key, card, AMOUNT, "test");
  }

  @Test
  void theSucceedingCardIsChargedOncePerKey() {
    SandboxGateway sandbox = new SandboxGateway();
    PaymentGateway.ChargeResult first = sandbox.charge(request("k1", SandboxGateway.SUCCESS));
    PaymentGateway.ChargeResult again = sandbox.charge(request("k1", SandboxGateway.SUCCESS));
    assertThat(first.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(again).isEqualTo(first);
    assertThat(sandbox.charges()).isEqualTo(1);
    sandbox.charge(request("k2", SandboxGateway.SUCCESS));
    assertThat(sandbox.charges()).isEqualTo(2);
  }

  @Test
  void theDecliningCardAndUnknownTokensAreDeclinedAndNothingIsCharged() {
    SandboxGateway sandbox = new SandboxGateway();
    assertThat(sandbox.charge(request("k1", SandboxGateway.DECLINE)).outcome()).isEqualTo(Outcome.DECLINED);
    assertThat(sandbox.charge(request("k2", "tok_nobody")).reason()).contains("unknown payment method");
    assertThat(sandbox.charges()).isZero();
  }

  @Test
  void theTimingOutCardIsChargedOnceAndTheRepeatedCallGetsTheFirstResult() {
    SandboxGateway sandbox = new SandboxGateway();
    assertThat(sandbox.charge(request("k1", SandboxGateway.TIMEOUT)).outcome()).isEqualTo(Outcome.TIMED_OUT);
    PaymentGateway.ChargeResult repeated = sandbox.charge(request("k1", SandboxGateway.TIMEOUT));
    assertThat(repeated.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(sandbox.charge(request("k1", SandboxGateway.TIMEOUT))).isEqualTo(repeated);
    assertThat(sandbox.charges()).isEqualTo(1);
  }

  @Test
  void aCallPastItsDeadlineTimesOutAndAFailingCallCountsAsTimedOut() {
    PaymentGateway slow = new PaymentGateway() {
      @Override
      public ChargeResult charge(ChargeRequest request) {
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        return ChargeResult.succeeded("late");
      }

      @Override
      public String name() {
        return "slow";
      }
    };
    assertThat(new BoundedGateway(slow, Duration.ofMillis(50)).charge(request("k", "x")).outcome()).isEqualTo(Outcome.TIMED_OUT);
    PaymentGateway broken = new PaymentGateway() {
      @Override
      public ChargeResult charge(ChargeRequest request) {
        throw new IllegalStateException("connection reset");
      }

      @Override
      public String name() {
        return "broken";
      }
    };
    assertThat(new BoundedGateway(broken, Duration.ofSeconds(1)).charge(request("k", "x")).outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(new BoundedGateway(new SandboxGateway(), Duration.ofSeconds(1)).charge(request("k", SandboxGateway.SUCCESS)).outcome())
        .isEqualTo(Outcome.SUCCEEDED);
  }
}
