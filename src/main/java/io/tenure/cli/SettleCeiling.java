package io.tenure.cli;

import io.tenure.catalog.Meter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The database's ceiling for {@code bench settle}: the same hour's settlement of the bench's accounts done by the
 * database alone, in one transaction of set-based statements: the events marked billed and summed per resource and
 * meter, each line rated and rounded half-up, one bill per account with its lines, one ledger charge with its two
 * entries, the wallets, the accounts' next settlement. Rolled back (the caller then vacuums the tables), so the engine then
 * settles the same rows. No engine can settle faster than this; the engine also locks each account's resources,
 * judges arrears and writes its own descriptions. Stateless.
 */
final class SettleCeiling {
  private SettleCeiling() {}

  /**
   * Settles the hour ending at {@code hourEnd} set-based and rolls it back; returns the bills it wrote and the time
   * taken. The caller vacuums the tables after (the rolled-back rows).
   */
  static Measured measure(Jdbi jdbi, List<Meter> meters, BigDecimal hourlyPrice, Instant hourEnd) {
    long start = System.nanoTime();
    int bills = jdbi.withHandle(handle -> {
      handle.begin();
      try {
        return settle(handle, meters, hourlyPrice, hourEnd);
      } finally {
        handle.rollback();
      }
    });
    long elapsed = System.nanoTime() - start;
    return new Measured(bills, Duration.ofNanos(elapsed));
  }

  record Measured(int bills, Duration elapsed) {}

  private static int settle(Handle handle, List<Meter> meters, BigDecimal hourlyPrice, Instant hourEnd) {
    handle.execute("""
        CREATE TEMPORARY TABLE ceiling_lines (account_id text, resource_id text, meter text, amount numeric) ON COMMIT DROP""");
    handle.createUpdate("""
            WITH billed AS (
              UPDATE usage_events SET settled_at = :hourEnd
              WHERE settled_at IS NULL AND time < :hourEnd AND day >= CAST(:hourEnd AS timestamptz) - interval '37 days'
              RETURNING resource_id, meter, quantity),
            summed AS (SELECT resource_id, meter, sum(quantity) AS quantity FROM billed GROUP BY 1, 2)
            INSERT INTO ceiling_lines
            SELECT r.account_id, s.resource_id, s.meter, round(s.quantity * p.unit_price, 2) AS amount
            FROM summed s JOIN resources r ON r.id = s.resource_id
              JOIN unnest(CAST(:meters AS text[]), CAST(CAST(:prices AS text[]) AS numeric[])) AS p (meter, unit_price) ON p.meter = s.meter
            UNION ALL
            SELECT account_id, id, 'hourly', :hourly FROM resources
            WHERE mode = 'PAYG' AND phase NOT IN ('FROZEN', 'RELEASED', 'UNSUBSCRIBED') AND account_id LIKE :prefix || '%'
            """)
        .bind("hourEnd", hourEnd).bind("hourly", hourlyPrice).bind("prefix", SettleWorld.ACCOUNT_PREFIX)
        .bindArray("meters", String.class, meters.stream().map(Meter::code).toList())
        .bindArray("prices", String.class, meters.stream().map(meter -> meter.unitPrice().toPlainString()).toList())
        .execute();
    handle.execute("""
        CREATE TEMPORARY TABLE ceiling_bills ON COMMIT DROP AS
        SELECT account_id, 'bil_ceiling_' || account_id AS bill_id, 'txn_ceiling_' || account_id AS transaction_id,
          CAST(sum(amount) * 100 AS bigint) AS total_minor
        FROM ceiling_lines GROUP BY account_id""");
    int bills = handle.createUpdate("""
            INSERT INTO bills (id, account_id, resource_id, type, total_minor, currency, created_at)
            SELECT bill_id, account_id, NULL, 'USAGE', total_minor, 'CNY', :hourEnd FROM ceiling_bills ORDER BY account_id
            """).bind("hourEnd", hourEnd).execute();
    handle.execute("""
        INSERT INTO bill_lines (bill_id, position, description, amount_minor)
        SELECT b.bill_id, row_number() OVER (PARTITION BY l.account_id ORDER BY l.resource_id, l.meter) - 1,
          l.resource_id || ' ' || l.meter, CAST(l.amount * 100 AS bigint)
        FROM ceiling_lines l JOIN ceiling_bills b USING (account_id)""");
    handle.createUpdate("""
            INSERT INTO ledger_transactions (id, account_id, kind, description, bill_id, created_at)
            SELECT transaction_id, account_id, 'CHARGE', 'Usage', bill_id, :hourEnd FROM ceiling_bills ORDER BY account_id
            """).bind("hourEnd", hourEnd).execute();
    handle.execute("""
        INSERT INTO ledger_entries (transaction_id, book, amount_minor, currency)
        SELECT transaction_id, 'wallet:' || account_id, -total_minor, 'CNY' FROM ceiling_bills
        UNION ALL SELECT transaction_id, 'revenue:CNY', total_minor, 'CNY' FROM ceiling_bills""");
    handle.execute("""
        UPDATE wallets w SET balance_minor = w.balance_minor - b.total_minor FROM ceiling_bills b WHERE w.account_id = b.account_id""");
    handle.createUpdate("""
            UPDATE accounts a SET settle_due_at = CAST(:hourEnd AS timestamptz) + interval '1 hour', next_due_at = CAST(:hourEnd AS timestamptz) + interval '1 hour'
            FROM ceiling_bills b WHERE a.id = b.account_id
            """).bind("hourEnd", hourEnd).execute();
    return bills;
  }
}
