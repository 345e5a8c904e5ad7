package io.tenure.engine;

import io.tenure.payment.BalanceWatch;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Where an account's pass stops for a payment (docs/recharge.md): after each step of a watched account the balance
 * is checked (low balance, auto-recharge) at the step's instant, and when a recharge is pending the pass stops there,
 * so that the charge is made (outside the transaction, once the batch has committed) before the account's next due
 * work. An account that is not watched is never checked. Not thread-safe: one per account pass.
 */
final class Checkpoint {
  private final BalanceWatch watch;
  private final String accountId;
  private boolean stopped;

  private Checkpoint(BalanceWatch watch, String accountId) {
    this.watch = watch;
    this.accountId = accountId;
  }

  /** A checkpoint of {@code accountId}; {@code watched} false makes one that never checks. */
  static Checkpoint of(BalanceWatch watch, String accountId, boolean watched) {
    return new Checkpoint(watched ? watch : null, accountId);
  }

  /** Before the first step: a recharge already pending holds the whole pass. */
  boolean holdsAtStart(Handle handle) {
    stopped = watch != null && watch.rechargePending(handle, accountId);
    return stopped;
  }

  /** After a step judged at {@code at}: checks the balance; true when the pass must stop for a recharge. */
  boolean reachedAfterStep(Handle handle, Instant at) {
    stopped = watch != null && watch.check(handle, accountId, at);
    return stopped;
  }

  /** Whether the pass stopped for a recharge (the account's due work goes on after it). */
  boolean stopped() {
    return stopped;
  }
}
