package io.tenure.payment;

import io.tenure.money.Money;
import java.time.Duration;
import java.util.Optional;

/**
 * Where auto-recharge takes money from (docs/recharge.md, "Plugging in a real gateway"). Tenure calls
 * {@link #charge} outside any database transaction, with a deadline ({@link BoundedGateway}); an implementation
 * must honour the idempotency key as payment providers do: a second call with a key it already charged returns the
 * first result and charges nothing, however long after. Implementations must be thread-safe: several engine
 * workers (and several processes) may call at once, even with the same key.
 */
public interface PaymentGateway {

  /**
   * One charge of {@code amount} to the payment method {@code paymentMethod} (a token the gateway issued), under
   * {@code idempotencyKey}, described to the customer as {@code description}.
   */
  record ChargeRequest(String idempotencyKey, String paymentMethod, Money amount, String description) {}

  /**
   * What a call came to: the outcome, the gateway's reference of the charge (when it succeeded) and the gateway's
   * reason (when it did not).
   */
  record ChargeResult(RechargeState.Outcome outcome, Optional<String> reference, Optional<String> reason) {
    public static ChargeResult succeeded(String reference) {
      return new ChargeResult(RechargeState.Outcome.SUCCEEDED, Optional.of(reference), Optional.empty());
    }

    public static ChargeResult declined(String reason) {
      return new ChargeResult(RechargeState.Outcome.DECLINED, Optional.empty(), Optional.of(reason));
    }

    public static ChargeResult timedOut(Duration after) {
      return new ChargeResult(RechargeState.Outcome.TIMED_OUT, Optional.empty(),
          Optional.of("no answer within " + after.toMillis() + " ms"));
    }
  }

  /**
   * Charges, or returns the result of the first call under the same key. A declined card is an answer
   * ({@code DECLINED}), not an exception; a call that cannot tell whether the charge was made (the deadline passed,
   * the connection broke) answers {@code TIMED_OUT} or throws, and Tenure repeats it with the same key.
   */
  ChargeResult charge(ChargeRequest request);

  /** The gateway's name as {@code serve --payment-gateway} names it. */
  String name();
}
