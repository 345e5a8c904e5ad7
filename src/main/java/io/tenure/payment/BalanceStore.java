package io.tenure.payment;

import io.tenure.account.ChangeLock;
import io.tenure.money.Money;
import io.tenure.store.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * The low-balance and auto-recharge columns of the accounts (V19) and the {@code recharge_attempts} table. Every
 * method runs on the caller's handle, on accounts the caller has locked (but {@link #watched}, a read).
 */
final class BalanceStore {
  /** The accounts of {@code ids} that have anything to watch. */
  List<String> watched(Handle handle, List<String> ids) {
    Query query = handle.createQuery("SELECT a.id FROM accounts a WHERE a.id = ANY(CAST(:ids AS text[])) AND " + ChangeLock.BALANCE_WATCHED);
    Columns.text(query, "ids", ids, id -> id);
    return query.mapTo(String.class).list();
  }

  /** The account's settings, balance and crossings. */
  Watched read(Handle handle, String accountId) {
    return handle.createQuery("SELECT a.*, w.balance_minor FROM accounts a JOIN wallets w ON w.account_id = a.id WHERE a.id = :id")
        .bind("id", accountId).map((row, context) -> watched(row)).one();
  }

  /** Records a crossing into low at {@code since}; returns its number (1 for the account's first). */
  long crossIntoLow(Handle handle, String accountId, Instant since, LowBalance.Reason reason) {
    return handle.createQuery("""
            UPDATE accounts SET low_balance_since = :since, low_balance_reason = :reason,
              low_balance_crossings = low_balance_crossings + 1
            WHERE id = :id RETURNING low_balance_crossings
            """)
        .bind("id", accountId).bind("since", since).bind("reason", reason.name()).mapTo(Long.class).one();
  }

  void recoverFromLow(Handle handle, String accountId) {
    handle.createUpdate("UPDATE accounts SET low_balance_since = NULL, low_balance_reason = NULL WHERE id = :id")
        .bind("id", accountId).execute();
  }

  void saveRecharge(Handle handle, String accountId, RechargeState state, Optional<Instant> disabledAt) {
    handle.createUpdate("""
            UPDATE accounts SET recharge_crossing = :crossing, recharge_below = :below, recharge_attempt = :attempt,
              recharge_pending = :pending, recharge_due_at = :dueAt, recharge_outcome_unknown = :unknown,
              recharge_succeeded = :succeeded, recharge_declined_balance_minor = :declined, recharge_failures = :failures,
              auto_recharge_disabled_at = COALESCE(auto_recharge_disabled_at, :disabledAt)
            WHERE id = :id
            """)
        .bind("id", accountId).bind("crossing", state.crossing()).bind("below", state.below()).bind("attempt", state.attempt())
        .bind("pending", state.pending()).bind("dueAt", state.dueAt().orElse(null)).bind("unknown", state.outcomeUnknown())
        .bind("succeeded", state.succeeded()).bind("declined", state.declinedBalance().map(Money::minor).orElse(null))
        .bind("failures", state.failures()).bind("disabledAt", disabledAt.orElse(null)).execute();
  }

  /**
   * Of {@code ids}, the accounts with a recharge pending, each marked due at the instant its recharge fell due (if
   * its work is not due earlier), so that an engine claims it and makes the call.
   */
  List<String> markPendingDue(Handle handle, List<String> ids) {
    Query update = handle.createQuery("""
        UPDATE accounts SET next_due_at = LEAST(COALESCE(next_due_at, recharge_due_at), recharge_due_at)
        WHERE id = ANY(CAST(:ids AS text[])) AND recharge_pending RETURNING id
        """);
    Columns.text(update, "ids", ids, id -> id);
    return update.mapTo(String.class).list();
  }

  /** One call to the gateway: the next call number of its attempt, and what it came to. */
  void recordAttempt(Handle handle, String accountId, RechargeState state, String key, Money amount,
      PaymentGateway.ChargeResult result, Optional<String> transactionId, Instant at) {
    Update insert = handle.createUpdate("""
        INSERT INTO recharge_attempts (account_id, crossing, attempt, call, idempotency_key, amount_minor, currency, outcome,
          reference, transaction_id, attempted_at)
        SELECT :id, :crossing, :attempt, COALESCE(MAX(call), 0) + 1, :key, :amount, :currency, :outcome, :reference, :transactionId, :at
        FROM recharge_attempts WHERE account_id = :id AND crossing = :crossing AND attempt = :attempt
        """);
    insert.bind("id", accountId).bind("crossing", state.crossing()).bind("attempt", state.attempt()).bind("key", key)
        .bind("amount", amount.minor()).bind("currency", amount.currency().getCurrencyCode())
        .bind("outcome", result.outcome().name()).bind("reference", result.reference().orElse(null))
        .bind("transactionId", transactionId.orElse(null)).bind("at", at).execute();
  }

  private static Watched watched(ResultSet row) throws SQLException {
    Currency currency = Currency.getInstance(row.getString("currency"));
    Optional<Money> rechargeBelow = money(row, "auto_recharge_threshold_minor", currency);
    Optional<Money> rechargeAmount = money(row, "auto_recharge_amount_minor", currency);
    Optional<String> paymentMethod = Optional.ofNullable(row.getString("payment_method"));
    Optional<Watched.Recharge> recharge = rechargeAmount.filter(amount -> paymentMethod.isPresent())
        .map(amount -> new Watched.Recharge(rechargeBelow.orElseThrow(), amount, paymentMethod.orElseThrow()));
    RechargeState state = new RechargeState(row.getLong("recharge_crossing"), row.getBoolean("recharge_below"),
        row.getInt("recharge_attempt"), row.getBoolean("recharge_pending"), instant(row, "recharge_due_at"),
        row.getBoolean("recharge_outcome_unknown"), row.getBoolean("recharge_succeeded"),
        money(row, "recharge_declined_balance_minor", currency), row.getInt("recharge_failures"),
        row.getTimestamp("auto_recharge_disabled_at") != null);
    return new Watched(row.getString("id"), new Money(row.getLong("balance_minor"), currency),
        money(row, "low_balance_threshold_minor", currency), Optional.ofNullable((Integer) row.getObject("minimum_runway_hours")),
        instant(row, "low_balance_since"), recharge, state);
  }

  private static Optional<Money> money(ResultSet row, String column, Currency currency) throws SQLException {
    long minor = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(new Money(minor, currency));
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getTimestamp(column)).map(Timestamp::toInstant);
  }
}
