package io.tenure.cli;

import io.tenure.error.Require;
import io.tenure.resource.AccountsDue;
import io.tenure.resource.ResourceStore;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Bulk-loads the world of {@code tenure bench timetravel}: accounts in three billing zones and four tiers, each
 * with M prepaid resources of the demo catalog's four prepaid plans (monthly, one in five yearly), three in five
 * of them auto-renewing, each bought at its own second in the month before the clock's start; every wallet
 * funded through the ledger (one top-up transaction, so that {@code tenure audit} stays clean) for 4 to 13
 * months of its account's auto-renewals, so that most renew for a while and some run short. The purchases
 * themselves are not billed: the balance loaded is what was left after buying. Each table gets one
 * {@code INSERT ... SELECT generate_series} statement. Stateless.
 */
final class TimeTravelWorld {
  /** Ids of this world's accounts start with this, apart from any other rows of the database. */
  static final String ACCOUNT_PREFIX = "acc_timetravel_";
  /** The purchases fall in the month before the clock's start. */
  static final Duration PURCHASE_SPREAD = Duration.ofDays(31);

  private TimeTravelWorld() {}

  /** What {@link #load} made: accounts, resources, the auto-renewing ones, and the money paid in. */
  record Loaded(int accounts, int resources, int autoRenewing, long fundedMinor) {}

  /** Loads {@code accounts} accounts of {@code perAccount} resources each, bought before {@code start}. */
  static Loaded load(Jdbi jdbi, ResourceStore store, int accounts, int perAccount, Instant start) {
    Require.invariant(accounts >= 1 && perAccount >= 1, "accounts %s, resources per account %s", accounts, perAccount);
    Loaded loaded = jdbi.inTransaction(handle -> {
      insertAccounts(handle, accounts, start);
      insertResources(handle, perAccount, start);
      AccountsDue.refreshAll(handle);
      long funded = fund(handle, start);
      return handle.createQuery("""
              SELECT count(*), count(*) FILTER (WHERE auto_renew) FROM resources WHERE account_id LIKE :prefix || '%'
              """)
          .bind("prefix", ACCOUNT_PREFIX)
          .map((row, context) -> new Loaded(accounts, row.getInt(1), row.getInt(2), funded)).one();
    });
    jdbi.useHandle(handle -> handle.execute("ANALYZE"));
    jdbi.useHandle(handle -> SyntheticResources.verifySample(handle, store, ACCOUNT_PREFIX));
    return loaded;
  }

  private static void insertAccounts(Handle handle, int accounts, Instant start) {
    handle.createUpdate("""
            INSERT INTO accounts (id, name, tier, time_zone, currency, created_at)
            SELECT :prefix || lpad(n::text, 7, '0'), 'Time travel customer ' || n, (ARRAY['V1', 'V3', 'V5', 'international'])[n % 4 + 1],
              (ARRAY['Asia/Shanghai', 'Europe/Berlin', 'Asia/Shanghai', 'America/New_York'])[n % 4 + 1], 'CNY',
              CAST(:start AS timestamptz) - CAST(:spread AS interval)
            FROM generate_series(1, :accounts) AS n
            """)
        .bind("prefix", ACCOUNT_PREFIX).bind("start", start).bind("spread", PURCHASE_SPREAD.toSeconds() + " seconds")
        .bind("accounts", accounts).execute();
    handle.createUpdate("INSERT INTO wallets (account_id, currency) SELECT id, currency FROM accounts WHERE id LIKE :prefix || '%'")
        .bind("prefix", ACCOUNT_PREFIX).execute();
  }

  /**
   * Resource i (counting from 1 across all accounts, M to an account) has plan i mod 4, is yearly when i mod 5 =
   * 0, auto-renews when its number within the account mod 5 is below 3, and was bought at second (i * 7919) mod
   * the spread of the month before {@code start} (7919 is prime: every resource gets its own second). Its term
   * ends 23:59:59 local on the purchase date plus one period, and nothing has been handled since the purchase,
   * so its next due event is the first expiry warning (and auto-renewal check) at 00:00 local seven days before.
   */
  private static void insertResources(Handle handle, int perAccount, Instant start) {
    handle.createUpdate("""
            INSERT INTO resources (id, account_id, plan_code, catalog_version, mode, billing_period, created_at,
              term_start, term_periods, plan_paid_minor, phase, policy_code, policy_version, term_end,
              policy_phase_index, phase_started_at, auto_renew, auto_renew_periods, periodic_handled_through, next_due_at)
            SELECT id, account_id, plan_code, 1, 'PREPAID', period, bought, bought, 1, paid_minor, 'ACTIVE', policy_code, 1,
              CAST(expiry_date + 1 AS timestamp) AT TIME ZONE zone - interval '1 second', -1, bought, auto_renew, 1, bought,
              CAST(expiry_date - 7 AS timestamp) AT TIME ZONE zone
            FROM (
              SELECT *, CAST(CAST(bought AT TIME ZONE zone AS date)
                  + CASE WHEN period = 'YEAR' THEN interval '1 year' ELSE interval '1 month' END AS date) AS expiry_date
              FROM (
                SELECT 'res_tt_' || lpad(i::text, 9, '0') AS id, a.id AS account_id, a.time_zone AS zone,
                  (ARRAY['koodrive-basic', 'tencent-drive-enterprise', 'wedata-edition-basic', 'wedata-execution-package'])[i % 4 + 1] AS plan_code,
                  (ARRAY['huawei-drive', 'tencent-drive', 'wedata-edition', 'wedata-execution'])[i % 4 + 1] AS policy_code,
                  CASE WHEN i % 5 = 0 THEN 'YEAR' ELSE 'MONTH' END AS period,
                  (ARRAY[18000, 30000, 100000, 50000])[i % 4 + 1] * CASE WHEN i % 5 = 0 THEN 10 ELSE 1 END AS paid_minor,
                  (i - 1) % :perAccount % 5 < 3 AS auto_renew,
                  CAST(:start AS timestamptz) - CAST(:spread AS interval) + make_interval(secs => (i * 7919) % :spreadSeconds) AS bought
                FROM generate_series(1, (SELECT count(*) FROM accounts WHERE id LIKE :prefix || '%') * :perAccount) AS i
                  JOIN accounts a ON a.id = :prefix || lpad(((i - 1) / :perAccount + 1)::text, 7, '0')
              ) AS numbered
            ) AS priced
            """)
        .bind("prefix", ACCOUNT_PREFIX).bind("perAccount", perAccount).bind("start", start)
        .bind("spread", PURCHASE_SPREAD.toSeconds() + " seconds").bind("spreadSeconds", PURCHASE_SPREAD.toSeconds())
        .execute();
  }

  /**
   * Account n is funded for 4 + n mod 10 months of its auto-renewals (a yearly plan counted at a twelfth of its
   * price a month), by one top-up posted as the ledger posts it: a transaction, its two entries, the balance.
   */
  private static long fund(Handle handle, Instant start) {
    handle.createUpdate("""
        CREATE TEMPORARY TABLE timetravel_funding ON COMMIT DROP AS
        SELECT a.id AS account_id, 'txn_timetravel_' || substr(a.id, length(:prefix) + 1) AS transaction_id,
          (4 + CAST(substr(a.id, length(:prefix) + 1) AS integer) % 10)
            * sum(CASE WHEN r.billing_period = 'YEAR' THEN r.plan_paid_minor / 12 ELSE r.plan_paid_minor END) AS amount_minor
        FROM accounts a JOIN resources r ON r.account_id = a.id AND r.auto_renew
        WHERE a.id LIKE :prefix || '%' GROUP BY a.id
        """).bind("prefix", ACCOUNT_PREFIX).execute();
    handle.createUpdate("""
            INSERT INTO ledger_transactions (id, account_id, kind, description, bill_id, created_at)
            SELECT transaction_id, account_id, 'TOP_UP', 'Bench funding', NULL, CAST(:at AS timestamptz)
            FROM timetravel_funding ORDER BY account_id
            """)
        .bind("at", start.minus(PURCHASE_SPREAD)).execute();
    handle.execute("""
        INSERT INTO ledger_entries (transaction_id, book, amount_minor, currency)
        SELECT transaction_id, 'wallet:' || account_id, amount_minor, 'CNY' FROM timetravel_funding
        UNION ALL SELECT transaction_id, 'funding:CNY', -amount_minor, 'CNY' FROM timetravel_funding
        """);
    handle.execute("UPDATE wallets w SET balance_minor = f.amount_minor FROM timetravel_funding f WHERE w.account_id = f.account_id");
    return handle.createQuery("SELECT COALESCE(sum(amount_minor), 0) FROM timetravel_funding").mapTo(Long.class).one();
  }
}
