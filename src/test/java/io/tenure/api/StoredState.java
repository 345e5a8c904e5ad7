package io.tenure.api;

import io.tenure.ledger.Audit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * What a refused request must leave as it was, read straight from the database: every account's balance, the
 * number of rows of every table and a digest of each table's contents (so that a setting or contact replaced in
 * place shows too). The idempotency records are only counted: a refusal after a key was claimed is remembered as
 * that key's answer (docs/money.md), which the fuzzer allows for.
 */
record StoredState(Map<String, String> balances, Map<String, Long> rows, Map<String, String> digests) {
  static final String IDEMPOTENCY_TABLE = "idempotency_keys";

  static StoredState read(Jdbi jdbi) {
    return jdbi.withHandle(handle -> {
      List<String> tables = new java.util.ArrayList<>(handle.createQuery("""
              SELECT table_name FROM information_schema.tables
              WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
              """).mapTo(String.class).list());
      Map<String, Long> rows = new TreeMap<>();
      Map<String, String> digests = new TreeMap<>();
      // The webhook dispatcher retries in the background whatever the requests do: its attempts are not theirs.
      tables.removeAll(List.of("webhook_deliveries", "webhook_attempts"));
      for (String table : tables) {
        // Table names come from the catalog of the database itself, not from input.
        rows.put(table, handle.createQuery("SELECT COUNT(*) FROM \"" + table + "\"").mapTo(Long.class).one());
        if (!table.equals(IDEMPOTENCY_TABLE)) {
          digests.put(table, handle.createQuery("SELECT md5(COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \""
              + table + "\" t").mapTo(String.class).one());
        }
      }
      Map<String, String> balances = new TreeMap<>();
      handle.createQuery("SELECT account_id, balance_minor FROM wallets")
          .map((row, context) -> Map.entry(row.getString(1), row.getString(2)))
          .forEach(entry -> balances.put(entry.getKey(), entry.getValue()));
      return new StoredState(balances, rows, digests);
    });
  }

  /** The tables whose contents differ from {@code before}, allowing at most {@code rememberedRefusals} new idempotency records. */
  List<String> changedSince(StoredState before, long rememberedRefusals) {
    java.util.ArrayList<String> changed = new java.util.ArrayList<>();
    if (!balances.equals(before.balances)) {
      changed.add("balances " + before.balances + " -> " + balances);
    }
    rows.forEach((table, count) -> {
      long expected = before.rows.getOrDefault(table, -1L);
      long allowed = expected + (table.equals(IDEMPOTENCY_TABLE) ? rememberedRefusals : 0);
      if (count < expected || count > allowed) {
        changed.add(table + " has " + count + " rows, not " + (expected == allowed ? expected : expected + " to " + allowed));
      }
    });
    digests.forEach((table, digest) -> {
      if (!digest.equals(before.digests.get(table))) {
        changed.add(table + " changed in place");
      }
    });
    return changed;
  }

  static Audit.Report audit(Jdbi jdbi) {
    return Audit.run(jdbi);
  }
}
