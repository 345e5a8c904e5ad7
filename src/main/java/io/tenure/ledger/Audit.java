package io.tenure.ledger;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Re-adds every ledger entry: each transaction must sum to zero in each currency, and each wallet's stored
 * balance must equal the sum of its entries. Read-only.
 */
public final class Audit {

  /** What the audit found: how much it checked, and each problem, naming the culprit. */
  public record Report(long transactions, long wallets, List<String> problems) {
    public boolean passed() {
      return problems.isEmpty();
    }
  }

  public static Report run(Jdbi jdbi) {
    return jdbi.inTransaction(handle -> {
      handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      List<String> problems = new ArrayList<>();
      handle.createQuery("""
              SELECT transaction_id, currency, SUM(amount_minor) AS total FROM ledger_entries
              GROUP BY transaction_id, currency HAVING SUM(amount_minor) <> 0 ORDER BY transaction_id
              """)
          .map((row, context) -> "transaction " + row.getString("transaction_id") + " sums to " + row.getLong("total")
              + " minor units of " + row.getString("currency") + ", not 0")
          .forEach(problems::add);
      handle.createQuery("""
              SELECT t.id FROM ledger_transactions t
              WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.transaction_id = t.id) ORDER BY t.id
              """)
          .map((row, context) -> "transaction " + row.getString("id") + " has no entries")
          .forEach(problems::add);
      handle.createQuery("""
              SELECT w.account_id, w.balance_minor, COALESCE(SUM(e.amount_minor), 0) AS entries
              FROM wallets w LEFT JOIN ledger_entries e ON e.book = 'wallet:' || w.account_id
              GROUP BY w.account_id, w.balance_minor
              HAVING w.balance_minor <> COALESCE(SUM(e.amount_minor), 0) ORDER BY w.account_id
              """)
          .map((row, context) -> "wallet of account " + row.getString("account_id") + " stores " + row.getLong("balance_minor")
              + " minor units but its entries add up to " + row.getLong("entries"))
          .forEach(problems::add);
      // Entries have no foreign key (V26): every entry is written with its transaction, and checked here.
      handle.createQuery("""
              SELECT e.transaction_id, count(*) AS entries FROM ledger_entries e
              WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.id = e.transaction_id)
              GROUP BY e.transaction_id ORDER BY e.transaction_id
              """)
          .map((row, context) -> row.getLong("entries") + " ledger entries name transaction " + row.getString("transaction_id")
              + ", which does not exist")
          .forEach(problems::add);
      // Bill lines have no foreign key (V22): every line is written with its bill, and checked here.
      handle.createQuery("""
              SELECT l.bill_id, count(*) AS lines FROM bill_lines l
              WHERE NOT EXISTS (SELECT 1 FROM bills b WHERE b.id = l.bill_id) GROUP BY l.bill_id ORDER BY l.bill_id
              """)
          .map((row, context) -> row.getLong("lines") + " bill lines name bill " + row.getString("bill_id") + ", which does not exist")
          .forEach(problems::add);
      long transactions = handle.createQuery("SELECT COUNT(*) FROM ledger_transactions").mapTo(Long.class).one();
      long wallets = handle.createQuery("SELECT COUNT(*) FROM wallets").mapTo(Long.class).one();
      return new Report(transactions, wallets, problems);
    });
  }
}
