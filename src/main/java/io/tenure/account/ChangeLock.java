package io.tenure.account;

import io.tenure.error.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The lock that every change of an account's money or resources takes first (SPEC.md section 2: the account, then
 * its resources, then its wallet). The same statement reads what the change needs to know of the account beyond the
 * lock, so that a change of an account with nothing to watch pays for no second read.
 */
public final class ChangeLock {
  /**
   * Whether an account of alias {@code a} has a balance to watch: a low-balance minimum, auto-recharge with a payment
   * method, or a crossing or recharge still open. The low-balance and auto-recharge columns are V19's.
   */
  public static final String BALANCE_WATCHED = """
      (a.low_balance_threshold_minor IS NOT NULL OR a.minimum_runway_hours IS NOT NULL OR a.low_balance_since IS NOT NULL
        OR (a.auto_recharge_amount_minor IS NOT NULL AND a.payment_method IS NOT NULL) OR a.recharge_pending)""";

  private ChangeLock() {}

  /**
   * The account locked: when its work next falls due (empty: nothing pending), and whether a check of its balance
   * after a change can do anything: a watched balance, or a recharge whose outcome is unknown (a check clears it once
   * auto-recharge is off).
   */
  public record Locked(Optional<Instant> nextDue, boolean balanceChecked) {}

  /** Locks the account until the transaction ends; 404 {@code ACCOUNT_NOT_FOUND} when it does not exist. */
  public static Locked take(Handle handle, String accountId) {
    return handle.createQuery("SELECT next_due_at, " + BALANCE_WATCHED + " OR a.recharge_outcome_unknown AS checked"
            + " FROM accounts a WHERE a.id = :id FOR UPDATE")
        .bind("id", accountId)
        .map((row, context) -> new Locked(Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant), row.getBoolean(2)))
        .findOne()
        .orElseThrow(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "No account " + accountId + "."));
  }
}
