package io.tenure.cli;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** What {@code bench settle}'s engine run wrote, counted, and the run's checks on it. Stateless. */
final class SettleChecks {
  private SettleChecks() {}

  record Counted(long bills, long charges, long billedEvents, long unbilledEvents, long ledgerSum, long dueAfter) {}

  static Counted count(Jdbi jdbi, Instant hourEnd) {
    return jdbi.withHandle(handle -> handle.createQuery("""
            SELECT (SELECT count(*) FROM bills WHERE type = 'USAGE' AND created_at = :hourEnd),
              (SELECT count(*) FROM ledger_transactions WHERE kind = 'CHARGE' AND created_at = :hourEnd),
              (SELECT count(*) FROM usage_events WHERE settled_at = :hourEnd),
              (SELECT count(*) FROM usage_events WHERE settled_at IS NULL),
              (SELECT coalesce(sum(amount_minor), 0) FROM ledger_entries),
              (SELECT count(*) FROM accounts WHERE settle_due_at = CAST(:hourEnd AS timestamptz) + interval '1 hour')
            """)
        .bind("hourEnd", hourEnd)
        .map((row, context) -> new Counted(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6)))
        .one());
  }

  /** One bill and one charge per account, every event billed once, the ledger at zero, every account due the next hour. */
  static void require(Counted counted, SettleWorld.Loaded loaded, int ceilingBills) {
    boolean passed = counted.bills() == loaded.accounts() && counted.charges() == loaded.accounts()
        && counted.billedEvents() == loaded.events() && counted.unbilledEvents() == 0 && counted.ledgerSum() == 0
        && counted.dueAfter() == loaded.accounts() && ceilingBills == loaded.accounts();
    if (!passed) {
      throw new IllegalStateException("bench - the settlement does not add up: " + counted + " for " + loaded
          + ", the ceiling wrote " + ceilingBills + " bills");
    }
  }
}
