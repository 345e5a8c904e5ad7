package io.tenure.account;

import io.tenure.error.NotFoundException;
import io.tenure.money.Money;
import io.tenure.store.Jdbc;
import io.tenure.store.Pipelined;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/**
 * The lock that every change of an account's money or resources takes first (SPEC.md section 2: the account, then
 * its resources, then its wallet). The lock travels in one exchange with a read of what the change needs to know of
 * the account beyond it, so that a change of an account with nothing to watch pays for no second read; a money call's
 * read is the one of its subject ({@link #takeReading}, or a resource's holder).
 */
public final class ChangeLock {
  /**
   * Whether an account of alias {@code a} has a balance to watch: a low-balance minimum, auto-recharge with a payment
   * method, or a crossing or recharge still open. The low-balance and auto-recharge columns are V19's.
   */
  public static final String BALANCE_WATCHED = """
      (a.low_balance_threshold_minor IS NOT NULL OR a.minimum_runway_hours IS NOT NULL OR a.low_balance_since IS NOT NULL
        OR (a.auto_recharge_amount_minor IS NOT NULL AND a.payment_method IS NOT NULL) OR a.recharge_pending)""";

  /**
   * What the lock reads of an account row of alias {@code a} and its wallet {@code w} ({@link #WALLET}), both locked
   * before (the wallet last, as SPEC.md orders the locks), and the newest catalog version stored: so that the change's
   * posting need not read the balance it changes, nor its pricing the version; and whether the account has a hold in
   * force or an auto-renewing resource, so that a purchase reads holds, and a top-up auto-renewals, only when it has.
   */
  public static final String COLUMNS = "a.next_due_at AS lock_next_due_at, " + BALANCE_WATCHED
      + " OR a.recharge_outcome_unknown AS lock_checked, w.balance_minor AS lock_wallet_minor, w.currency AS lock_wallet_currency,"
      + " (SELECT COALESCE(MAX(version), 0) FROM catalog_versions) AS lock_newest_catalog,"
      + " EXISTS (SELECT FROM holds h WHERE h.account_id = a.id AND h.lifted_at IS NULL) AS lock_holds,"
      + " EXISTS (SELECT FROM resources ar WHERE ar.account_id = a.id AND ar.auto_renew) AS lock_auto_renewing";

  /** The join of the wallet {@code w} of the account {@code a} that {@link #COLUMNS} reads. */
  public static final String WALLET = " JOIN wallets w ON w.account_id = a.id";

  private ChangeLock() {}

  /**
   * The account locked: when its work next falls due (empty: nothing pending), and whether a check of its balance
   * after a change can do anything: a watched balance, or a recharge whose outcome is unknown (a check clears it once
   * auto-recharge is off).
   */
  public record Locked(Optional<Instant> nextDue, boolean balanceChecked, Seen read) {
    /** Whether work fell due for the account by {@code now}: a change catches it up first, which may change what was read. */
    public boolean dueBy(Instant now) {
      return nextDue.isPresent() && !nextDue.get().isAfter(now);
    }

    /**
     * What a change at {@code now} may take as the lock read it: the wallet's balance (locked, so no one else moves it
     * before the commit) unless the account's catch-up ran first and may have moved it, and the rest as read.
     */
    public Seen seen(Instant now) {
      return dueBy(now) ? read.withoutWallet() : read;
    }
  }

  /**
   * What a change knows without reading again: its account's wallet balance before its one posting, the newest
   * catalog version, and whether the account may have a hold in force or an auto-renewing resource (false: it has
   * none). {@link #NOTHING} for a change that did not take the lock this class reads.
   */
  public record Seen(Optional<Money> wallet, OptionalInt newestCatalog, boolean holds, boolean autoRenewing) {
    public static final Seen NOTHING = new Seen(Optional.empty(), OptionalInt.empty(), true, true);

    /** The same without the wallet's balance: for what runs once something may have moved it. */
    public Seen withoutWallet() {
      return new Seen(Optional.empty(), newestCatalog, holds, autoRenewing);
    }
  }

  /** An account with its contacts, and its lock, read in one exchange. */
  public record LockedAccount(Account account, Locked lock) {}

  /** Locks the account until the transaction ends; 404 {@code ACCOUNT_NOT_FOUND} when it does not exist. */
  public static Locked take(Handle handle, String accountId) {
    Jdbc.update(handle, LOCK, accountId);
    return Jdbc.query(handle, TAKE, row -> {
      if (!row.next()) {
        throw notFound(accountId);
      }
      return read(row);
    }, accountId);
  }

  /**
   * The account's row and then its wallet's, locked until the transaction ends: a deferrable statement
   * ({@link Pipelined}), so it travels with the read that follows it in one exchange. The read is a statement of its
   * own on purpose: its snapshot is taken once the locks are held, so it sees all that the lock's earlier holders
   * committed, where a statement that locks and reads at once reads other rows than the locked ones (a resource's
   * add-ons, the account's holds) as they were before it waited for the lock.
   */
  private static final String LOCK = Pipelined.DEFERRABLE + "SELECT FROM accounts a" + WALLET + " WHERE a.id = ? FOR UPDATE OF a, w";
  private static final String TAKE = "SELECT " + COLUMNS + " FROM accounts a" + WALLET + " WHERE a.id = ?";

  /** The account with its contacts, locked until the transaction ends; 404 {@code ACCOUNT_NOT_FOUND} when it does not exist. */
  public static LockedAccount takeReading(Handle handle, String accountId) {
    Jdbc.update(handle, LOCK, accountId);
    return Jdbc.query(handle, TAKE_READING, row -> {
      if (!row.next()) {
        throw notFound(accountId);
      }
      LockedAccount locked = new LockedAccount(AccountStore.account(row, new ArrayList<>()), read(row));
      do {
        AccountStore.addContact(locked.account(), row);
      } while (row.next());
      return locked;
    }, accountId);
  }

  private static final String TAKE_READING = "SELECT a.*, " + COLUMNS + ", " + AccountStore.CONTACT_COLUMNS
      + " FROM accounts a" + WALLET + " LEFT JOIN contacts c ON c.account_id = a.id WHERE a.id = ? ORDER BY c.position";

  /** The lock's state from a row carrying {@link #COLUMNS}. */
  public static Locked read(ResultSet row) throws SQLException {
    return new Locked(Optional.ofNullable(row.getTimestamp("lock_next_due_at")).map(Timestamp::toInstant),
        row.getBoolean("lock_checked"), new Seen(
            Optional.of(new Money(row.getLong("lock_wallet_minor"), Currency.getInstance(row.getString("lock_wallet_currency")))),
            OptionalInt.of(row.getInt("lock_newest_catalog")), row.getBoolean("lock_holds"), row.getBoolean("lock_auto_renewing")));
  }

  private static NotFoundException notFound(String accountId) {
    return new NotFoundException("ACCOUNT_NOT_FOUND", "No account " + accountId + ".");
  }
}
