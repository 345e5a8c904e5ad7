package io.tenure.payment;

import io.tenure.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * An account's auto-recharge crossing, and the pure rules that move it (docs/recharge.md). A crossing begins when
 * the balance falls below the auto-recharge threshold; it asks for one charge ({@code pending}), whose idempotency
 * key is derived from the account, the crossing and the attempt ({@link #key}). A timed-out call is repeated with
 * the same key before anything else (its outcome is unknown); a declined one is tried again, with the next
 * attempt's key, once money has moved while the balance is still below; a success ends the crossing's charges, so
 * a crossing is recharged at most once. Three consecutive failures (declined or timed out) disable auto-recharge.
 *
 * @param crossing the number of the latest crossing below the threshold (0: none yet)
 * @param below whether the balance is below the threshold now (the crossing is open)
 * @param attempt the attempt of this crossing whose key is current (1 for the first)
 * @param pending whether a charge must be made before the account's due work goes on
 * @param dueAt when the pending charge fell due: the recharge is dated then
 * @param outcomeUnknown whether the last call timed out
 * @param succeeded whether this crossing was recharged
 * @param declinedBalance the balance when the last attempt was declined
 * @param failures consecutive failures
 * @param disabled whether auto-recharge was disabled after {@link #FAILURES_MAX} failures
 */
public record RechargeState(long crossing, boolean below, int attempt, boolean pending, Optional<Instant> dueAt,
    boolean outcomeUnknown, boolean succeeded, Optional<Money> declinedBalance, int failures, boolean disabled) {

  /** Consecutive failures after which auto-recharge is disabled. */
  public static final int FAILURES_MAX = 3;

  /** An account that never crossed. */
  public static final RechargeState NEVER = new RechargeState(0, false, 0, false, Optional.empty(), false, false,
      Optional.empty(), 0, false);

  /** What a call to the gateway came to. */
  public enum Outcome { SUCCEEDED, DECLINED, TIMED_OUT }

  /** The idempotency key of the current attempt: the same for every call of one attempt, whoever makes it. */
  public String key(String accountId) {
    return "recharge-" + accountId + "-" + crossing + "-" + attempt;
  }

  /** The state after a check found {@code balance} at {@code at} against the auto-recharge {@code threshold}. */
  public RechargeState afterBalance(Money balance, Money threshold, Instant at) {
    if (disabled || outcomeUnknown) {
      // A call whose outcome is unknown is repeated with its key first: the customer may have paid already.
      return this;
    }
    if (balance.compareTo(threshold) >= 0) {
      return below ? new RechargeState(crossing, false, attempt, false, Optional.empty(), false, succeeded, Optional.empty(),
          failures, false) : this;
    }
    if (!below) {
      return new RechargeState(crossing + 1, true, 1, true, Optional.of(at), false, false, Optional.empty(), failures, false);
    }
    boolean declinedAndMoneyMoved = !pending && !succeeded && declinedBalance.filter(declined -> !declined.equals(balance)).isPresent();
    if (declinedAndMoneyMoved) {
      return new RechargeState(crossing, true, attempt + 1, true, Optional.of(at), false, false, Optional.empty(), failures, false);
    }
    return this;
  }

  /** The state after the current attempt's call came to {@code outcome}, the balance being {@code balance}. */
  public RechargeState afterOutcome(Outcome outcome, Money balance) {
    return switch (outcome) {
      case SUCCEEDED -> new RechargeState(crossing, below, attempt, false, Optional.empty(), false, true, Optional.empty(), 0, false);
      case DECLINED -> failed(false, Optional.of(balance));
      case TIMED_OUT -> failed(true, Optional.empty());
    };
  }

  private RechargeState failed(boolean unknown, Optional<Money> declined) {
    int failed = failures + 1;
    boolean disabledNow = failed >= FAILURES_MAX;
    // A timed-out call stays pending (it is repeated with the same key) unless auto-recharge is now disabled.
    boolean stillPending = unknown && !disabledNow;
    return new RechargeState(crossing, below, attempt, stillPending, stillPending ? dueAt : Optional.empty(), unknown,
        false, declined, failed, disabledNow);
  }

  /** Whether the failure just recorded disabled auto-recharge (the owner is told once). */
  public boolean disabledBy(RechargeState before) {
    return disabled && !before.disabled;
  }
}
