package io.tenure.ledger;

import io.tenure.account.Wallets;
import io.tenure.error.RejectedException;
import io.tenure.error.Require;
import io.tenure.money.Money;
import io.tenure.store.Columns;
import io.tenure.store.Ids;
import io.tenure.store.Pipelined;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The double-entry ledger: every movement of money is a transaction whose entries sum to zero, and a
 * wallet moves only through it. Amounts are signed from the book's side: +100 on a wallet is money into
 * the wallet. Books are {@code wallet:<account>}, {@code funding:<currency>} (money paid in from outside),
 * {@code revenue:<currency>} and {@code adjustments:<currency>}. Methods run on the caller's handle, inside
 * the caller's transaction; a wallet is changed only under its row lock (taken by {@link #lockWallet}, by the account
 * lock of a call of the API, or by the posting's own update), so concurrent movements of one wallet are serialized by it.
 */
public final class Ledger implements Wallets {

  /** What a transaction is. */
  public enum Kind { TOP_UP, CHARGE, REFUND, ADJUSTMENT }

  /** One side of a transaction. */
  public record Entry(String book, Money amount) {}

  /** A posted transaction and the wallet balance after it: the answer of a top-up or an adjustment. */
  public record Posted(String transactionId, Money balance) {}

  /** One transaction of an account's ledger, with its entries in book order. */
  public record Transaction(String id, long sequence, String kind, String description, String billId, Instant createdAt,
      List<Entry> entries) {}

  /**
   * A page of the account's ledger, newest first: at most {@code limit} transactions before sequence
   * {@code before} (null: from the newest). Two queries whatever the page size: the transactions, then all
   * their entries at once.
   */
  public List<Transaction> page(Handle handle, String accountId, Long before, int limit) {
    List<Transaction> transactions = handle.createQuery("SELECT * FROM ledger_transactions WHERE account_id = :id"
            + " AND (CAST(:before AS bigint) IS NULL OR sequence < :before) ORDER BY sequence DESC LIMIT :limit")
        .bind("id", accountId).bind("before", before).bind("limit", limit)
        .map((row, context) -> new Transaction(row.getString("id"), row.getLong("sequence"), row.getString("kind"),
            row.getString("description"), row.getString("bill_id"), row.getTimestamp("created_at").toInstant(), new ArrayList<>()))
        .list();
    if (transactions.isEmpty()) {
      return transactions;
    }
    Map<String, List<Entry>> entries = new HashMap<>();
    transactions.forEach(transaction -> entries.put(transaction.id(), transaction.entries()));
    handle.createQuery("SELECT transaction_id, book, amount_minor, currency FROM ledger_entries"
            + " WHERE transaction_id = ANY(:ids) ORDER BY transaction_id, book")
        .bindArray("ids", String.class, List.copyOf(entries.keySet()))
        .map((row, context) -> Map.entry(row.getString("transaction_id"), new Entry(row.getString("book"),
            new Money(row.getLong("amount_minor"), Currency.getInstance(row.getString("currency"))))))
        .forEach(entry -> entries.get(entry.getKey()).add(entry.getValue()));
    return transactions;
  }

  public static String walletBook(String accountId) {
    return "wallet:" + accountId;
  }

  @Override
  public Money openWallet(Handle handle, String accountId, Currency currency) {
    handle.createUpdate(Pipelined.DEFERRABLE + "INSERT INTO wallets (account_id, currency, balance_minor) VALUES (:id, :currency, 0)")
        .bind("id", accountId).bind("currency", currency.getCurrencyCode()).execute();
    return Money.zero(currency);
  }

  /** Locks the account's wallet until the transaction ends and returns its balance. */
  public Money lockWallet(Handle handle, String accountId) {
    return wallet(handle, accountId, " FOR UPDATE");
  }

  @Override
  public Money balance(Handle handle, String accountId) {
    return wallet(handle, accountId, "");
  }

  private static Money wallet(Handle handle, String accountId, String lock) {
    return handle.createQuery("SELECT balance_minor, currency FROM wallets WHERE account_id = :id" + lock).bind("id", accountId)
        .map((row, context) -> new Money(row.getLong("balance_minor"), Currency.getInstance(row.getString("currency")))).one();
  }

  /** The balances of the wallets of {@code accountIds} that exist, by account id: one statement. */
  public Map<String, Money> balances(Handle handle, Collection<String> accountIds) {
    Map<String, Money> balances = new HashMap<>();
    handle.createQuery("SELECT account_id, balance_minor, currency FROM wallets WHERE account_id = ANY(:ids)")
        .bindArray("ids", String.class, accountIds)
        .map((row, context) -> balances.put(row.getString("account_id"),
            new Money(row.getLong("balance_minor"), Currency.getInstance(row.getString("currency")))))
        .list();
    return balances;
  }

  /** Money paid in from outside. {@code walletBefore}: the balance as the caller's lock of the wallet read it, if unmoved since. */
  public Posted topUp(Handle handle, String accountId, Money amount, String description, Instant at,
      Optional<Money> walletBefore) {
    Require.invariant(amount.signum() > 0, "a top-up must be positive, was %s", amount);
    List<Entry> entries = List.of(new Entry(walletBook(accountId), amount), new Entry("funding:" + code(amount), amount.negate()));
    return walletBefore.map(before -> postSeen(handle, accountId, Kind.TOP_UP, description, null, at, entries, before))
        .orElseGet(() -> post(handle, accountId, Kind.TOP_UP, description, null, at, entries));
  }

  /**
   * A prepaid charge: the wallet must hold {@code amount} (checked under the wallet lock), or nothing
   * happens and the answer is 409 {@code INSUFFICIENT_BALANCE}. The check and the posting are one statement, or the
   * check is made on {@code walletBefore} ({@link #topUp}) and the posting goes with the commit.
   */
  public Posted chargePrepaid(Handle handle, String accountId, Money amount, String description, String billId, Instant at,
      Optional<Money> walletBefore) {
    Require.invariant(amount.signum() >= 0, "a charge must not be negative, was %s", amount);
    List<Entry> entries = chargeEntries(accountId, amount);
    Optional<Posted> posted = walletBefore.isPresent()
        ? walletBefore.filter(before -> before.compareTo(amount) >= 0)
            .map(before -> postSeen(handle, accountId, Kind.CHARGE, description, billId, at, entries, before))
        : post(handle, accountId, Kind.CHARGE, description, billId, at, entries, true);
    // The wallet's balance and the amount are compared as money: a charge in another currency is a bug, refused.
    Money balance = posted.map(Posted::balance).or(() -> walletBefore).orElseGet(() -> balance(handle, accountId));
    if (posted.isEmpty() && balance.compareTo(amount) < 0) {
      throw new RejectedException("INSUFFICIENT_BALANCE", "The balance " + balance + " " + code(amount)
          + " does not cover " + amount + " " + code(amount) + "; top up first.");
    }
    Require.invariant(balance.currency().equals(amount.currency()), "cannot combine %s and %s", balance.currency(),
        amount.currency());
    return posted.orElseThrow();
  }

  /** A charge that may take the wallet below zero (pay-as-you-go usage): arrears are allowed. */
  public Posted charge(Handle handle, String accountId, Money amount, String description, String billId, Instant at) {
    Require.invariant(amount.signum() >= 0, "a charge must not be negative, was %s", amount);
    return post(handle, accountId, Kind.CHARGE, description, billId, at, chargeEntries(accountId, amount));
  }

  /** One charge of a batch ({@link #chargeAll}): what {@link #charge} takes for one account. */
  public record Charge(String accountId, Money amount, String description, String billId, Instant at) {}

  /**
   * {@link #charge} for each of {@code charges} (one per account), in one statement: the wallets, the transactions
   * and their two entries each, as {@link #charge} writes them. Returns each account's posting.
   */
  public Map<String, Posted> chargeAll(Handle handle, List<Charge> charges) {
    if (charges.isEmpty()) {
      return Map.of();
    }
    charges.forEach(charge -> Require.invariant(charge.amount().signum() >= 0, "a charge must not be negative, was %s", charge.amount()));
    List<String> ids = charges.stream().map(charge -> Ids.next("txn")).toList();
    Map<String, String> idOf = new HashMap<>();
    for (int index = 0; index < charges.size(); index++) {
      idOf.put(charges.get(index).accountId(), ids.get(index));
    }
    Query statement = handle.createQuery("""
        WITH charge AS (
          SELECT * FROM unnest(CAST(:accountIds AS text[]), CAST(:ids AS text[]), CAST(:amounts AS bigint[]),
            CAST(:currencies AS text[]), CAST(:descriptions AS text[]), CAST(:billIds AS text[]), CAST(:ats AS timestamptz[]))
            WITH ORDINALITY AS charged (account_id, id, amount, currency, description, bill_id, at, position)),
        wallet AS (
          UPDATE wallets SET balance_minor = balance_minor - charge.amount FROM charge WHERE wallets.account_id = charge.account_id
          RETURNING wallets.account_id, wallets.balance_minor, wallets.currency),
        posted AS (
          INSERT INTO ledger_transactions (id, account_id, kind, description, bill_id, created_at)
          SELECT charge.id, charge.account_id, 'CHARGE', charge.description, charge.bill_id, charge.at
          FROM charge JOIN wallet USING (account_id) ORDER BY charge.position
          RETURNING id),
        entries AS (
          INSERT INTO ledger_entries (transaction_id, book, amount_minor, currency)
          SELECT posted.id, entry.book, entry.amount, charge.currency
          FROM posted JOIN charge USING (id)
            CROSS JOIN LATERAL (VALUES (1, 'wallet:' || charge.account_id, -charge.amount), (2, 'revenue:' || charge.currency, charge.amount))
              AS entry (position, book, amount)
          ORDER BY charge.position, entry.position)
        SELECT account_id, balance_minor, currency FROM wallet
        """);
    Columns.text(statement, "accountIds", charges, Charge::accountId);
    Columns.text(statement, "ids", ids, id -> id);
    Columns.text(statement, "amounts", charges, charge -> Long.toString(charge.amount().minor()));
    Columns.text(statement, "currencies", charges, charge -> code(charge.amount()));
    Columns.text(statement, "descriptions", charges, Charge::description);
    Columns.text(statement, "billIds", charges, Charge::billId);
    Columns.instants(statement, "ats", charges, Charge::at);
    Map<String, Posted> posted = new HashMap<>();
    statement.map((row, context) -> posted.put(row.getString(1),
        new Posted(idOf.get(row.getString(1)), new Money(row.getLong(2), Currency.getInstance(row.getString(3)))))).list();
    return posted;
  }

  private static List<Entry> chargeEntries(String accountId, Money amount) {
    return List.of(new Entry(walletBook(accountId), amount.negate()), new Entry("revenue:" + code(amount), amount));
  }

  public Posted refund(Handle handle, String accountId, Money amount, String description, String billId, Instant at) {
    Require.invariant(amount.signum() >= 0, "a refund must not be negative, was %s", amount);
    return post(handle, accountId, Kind.REFUND, description, billId, at,
        List.of(new Entry(walletBook(accountId), amount), new Entry("revenue:" + code(amount), amount.negate())));
  }

  /** An operator's correction, positive or negative; a correction is a new transaction, never an edit. */
  public Posted adjust(Handle handle, String accountId, Money amount, String reason, Instant at) {
    return post(handle, accountId, Kind.ADJUSTMENT, reason, null, at,
        List.of(new Entry(walletBook(accountId), amount), new Entry("adjustments:" + code(amount), amount.negate())));
  }

  private Posted post(Handle handle, String accountId, Kind kind, String description, String billId, Instant at,
      List<Entry> entries) {
    return post(handle, accountId, kind, description, billId, at, entries, false).orElseThrow();
  }

  /**
   * Writes the transaction, its entries and the wallet's new balance in one statement (one round trip, one
   * parse). With {@code covered}, the wallet must not go below zero: when it would, nothing is written and the
   * answer is empty. The wallet's row lock is taken by the update, as {@link #lockWallet} would.
   */
  private Optional<Posted> post(Handle handle, String accountId, Kind kind, String description, String billId,
      Instant at, List<Entry> entries, boolean covered) {
    long walletChange = walletChange(accountId, entries);
    String id = Ids.next("txn");
    Query statement = handle.createQuery("""
        WITH wallet AS (
          UPDATE wallets SET balance_minor = balance_minor + :change
          WHERE account_id = :accountId AND (NOT :covered OR balance_minor + :change >= 0)
          RETURNING balance_minor, currency),
        posted AS (
          INSERT INTO ledger_transactions (id, account_id, kind, description, bill_id, created_at)
          SELECT :id, :accountId, :kind, :description, :billId, :at FROM wallet
          RETURNING id),
        entries AS (%s)
        SELECT balance_minor, currency FROM wallet
        """.formatted(INSERT_ENTRIES))
        .bind("change", walletChange).bind("accountId", accountId).bind("covered", covered).bind("id", id)
        .bind("kind", kind.name()).bind("description", description).bind("billId", billId).bind("at", at);
    bindEntries(statement, entries);
    return statement.map((row, context) -> new Posted(id, new Money(row.getLong(1), Currency.getInstance(row.getString(2)))))
        .findOne();
  }

  /**
   * {@link #post} from the balance {@code before} read under the wallet's lock: deferrable ({@link Pipelined}), it goes
   * with the commit. Were the balance anything else, the transaction's account would be null: it fails, and nothing posts.
   */
  private Posted postSeen(Handle handle, String accountId, Kind kind, String description, String billId, Instant at,
      List<Entry> entries, Money before) {
    String id = Ids.next("txn");
    long walletChange = walletChange(accountId, entries);
    Currency currency = entries.getFirst().amount().currency();
    Require.invariant(before.currency().equals(currency), "cannot combine %s and %s", before.currency(), currency);
    var statement = handle.createUpdate(Pipelined.DEFERRABLE + """
        WITH wallet AS (
          UPDATE wallets SET balance_minor = balance_minor + :change WHERE account_id = :accountId AND balance_minor = :before
          RETURNING account_id),
        posted AS (
          INSERT INTO ledger_transactions (id, account_id, kind, description, bill_id, created_at)
          VALUES (:id, (SELECT account_id FROM wallet), :kind, :description, :billId, :at)
          RETURNING id)
        """ + INSERT_ENTRIES)
        .bind("change", walletChange).bind("accountId", accountId).bind("before", before.minor()).bind("id", id)
        .bind("kind", kind.name()).bind("description", description).bind("billId", billId).bind("at", at);
    bindEntries(statement, entries);
    statement.execute();
    return new Posted(id, new Money(before.minor() + walletChange, before.currency()));
  }

  private static long walletChange(String accountId, List<Entry> entries) {
    long sum = entries.stream().mapToLong(entry -> entry.amount().minor()).sum();
    Require.invariant(sum == 0, "transaction entries %s sum to %d, not 0", entries, sum);
    String wallet = walletBook(accountId);
    return entries.stream().filter(entry -> entry.book().equals(wallet)).mapToLong(entry -> entry.amount().minor()).sum();
  }

  /** The entries of the transaction that the statement's {@code posted} returns, in order, as {@link #bindEntries} binds them. */
  private static final String INSERT_ENTRIES = """
      INSERT INTO ledger_entries (transaction_id, book, amount_minor, currency)
      SELECT posted.id, entry.book, entry.amount, entry.currency
      FROM posted, unnest(CAST(:books AS text[]), CAST(:amounts AS bigint[]), CAST(:currencies AS text[]))
        WITH ORDINALITY AS entry (book, amount, currency, position)
      ORDER BY entry.position""";

  private static void bindEntries(SqlStatement<?> statement, List<Entry> entries) {
    Columns.text(statement, "books", entries, Entry::book);
    Columns.text(statement, "amounts", entries, entry -> Long.toString(entry.amount().minor()));
    Columns.text(statement, "currencies", entries, entry -> code(entry.amount()));
  }

  private static String code(Money amount) {
    return amount.currency().getCurrencyCode();
  }
}
