package io.tenure.cli;

import io.tenure.catalog.Meter;
import io.tenure.error.Require;
import io.tenure.resource.AccountsDue;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * Bulk-loads the world of {@code tenure bench settle}: A accounts, each funded through the ledger (one top-up
 * transaction, so that the ledger still sums to zero), and R pay-as-you-go {@code ecs-general} resources spread
 * over them, all bought at the start of the hour to settle; then {@code perMeter} usage events per resource and
 * meter within that hour, written by {@code COPY} (the way the ingestion writes them, without HTTP). The due markers
 * come from {@link AccountsDue#refreshAll}, as for any bulk loader. Stateless.
 */
final class SettleWorld {
  static final String ACCOUNT_PREFIX = "acc_settle_";
  static final String PLAN = "ecs-general";
  /** What each account is funded with, in minor units: many hours of its usage, so no account goes into arrears. */
  static final long FUNDING_MINOR = 100_000;
  /** Rows per COPY call: bounds the text held in memory. */
  private static final int COPY_CHUNK = 50_000;

  private SettleWorld() {}

  /** What {@link #load} made. */
  record Loaded(int accounts, int resources, long events) {}

  static Loaded load(Jdbi jdbi, int accounts, int resources, int perMeter, List<Meter> meters, Instant hourEnd) {
    Require.invariant(accounts >= 1 && resources >= accounts && perMeter >= 1, "accounts %s, resources %s, events per meter %s",
        accounts, resources, perMeter);
    Instant hourStart = hourEnd.minusSeconds(3600);
    long events = jdbi.inTransaction(handle -> {
      insertAccounts(handle, accounts, hourStart);
      insertResources(handle, resources, accounts, hourStart);
      AccountsDue.refreshAll(handle);
      fund(handle, hourStart);
      createPartition(handle, LocalDate.ofInstant(hourStart, ZoneOffset.UTC));
      try {
        return copyEvents(handle, resources, perMeter, meters, hourStart);
      } catch (java.io.IOException | SQLException failure) {
        throw new IllegalStateException("bench - could not copy the usage events", failure);
      }
    });
    jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE"));
    return new Loaded(accounts, resources, events);
  }

  private static void insertAccounts(Handle handle, int accounts, Instant at) {
    handle.createUpdate("""
            INSERT INTO accounts (id, name, tier, time_zone, currency, created_at)
            SELECT :prefix || lpad(n::text, 7, '0'), 'Settle customer ' || n, 'V3', 'Asia/Shanghai', 'CNY', CAST(:at AS timestamptz)
            FROM generate_series(1, :accounts) AS n
            """)
        .bind("prefix", ACCOUNT_PREFIX).bind("at", at).bind("accounts", accounts).execute();
    handle.createUpdate("INSERT INTO wallets (account_id, currency) SELECT id, currency FROM accounts WHERE id LIKE :prefix || '%'")
        .bind("prefix", ACCOUNT_PREFIX).execute();
  }

  /** Resource i belongs to account (i - 1) mod A + 1; stored as a pay-as-you-go purchase stores it (ACTIVE, nothing due). */
  private static void insertResources(Handle handle, int resources, int accounts, Instant bought) {
    handle.createUpdate("""
            INSERT INTO resources (id, account_id, plan_code, catalog_version, mode, billing_period, created_at,
              term_start, term_periods, plan_paid_minor, phase, policy_code, policy_version, term_end,
              policy_phase_index, phase_started_at, auto_renew, auto_renew_periods, periodic_handled_through, next_due_at)
            SELECT 'res_settle_' || lpad(i::text, 9, '0'), :prefix || lpad(((i - 1) % :accounts + 1)::text, 7, '0'), :plan, 1,
              'PAYG', NULL, CAST(:bought AS timestamptz), NULL, 0, 0, 'ACTIVE', 'alibaba-payg', 1, NULL, -1,
              CAST(:bought AS timestamptz), false, 1, CAST(:bought AS timestamptz), NULL
            FROM generate_series(1, :resources) AS i
            """)
        .bind("prefix", ACCOUNT_PREFIX).bind("accounts", accounts).bind("plan", PLAN).bind("bought", bought)
        .bind("resources", resources).execute();
  }

  /** One top-up per account, posted as the ledger posts it: a transaction, its two entries, the balance. */
  private static void fund(Handle handle, Instant at) {
    handle.createUpdate("""
            INSERT INTO ledger_transactions (id, account_id, kind, description, bill_id, created_at)
            SELECT 'txn_settle_' || substr(id, length(:prefix) + 1), id, 'TOP_UP', 'Bench funding', NULL, CAST(:at AS timestamptz)
            FROM accounts WHERE id LIKE :prefix || '%' ORDER BY id
            """)
        .bind("prefix", ACCOUNT_PREFIX).bind("at", at).execute();
    handle.createUpdate("""
            INSERT INTO ledger_entries (transaction_id, book, amount_minor, currency)
            SELECT 'txn_settle_' || substr(id, length(:prefix) + 1), book, amount, 'CNY'
            FROM accounts CROSS JOIN LATERAL (VALUES ('wallet:' || id, :amount), ('funding:CNY', -:amount)) AS entry (book, amount)
            WHERE id LIKE :prefix || '%'
            """)
        .bind("prefix", ACCOUNT_PREFIX).bind("amount", FUNDING_MINOR).execute();
    handle.createUpdate("UPDATE wallets SET balance_minor = :amount WHERE account_id LIKE :prefix || '%'")
        .bind("prefix", ACCOUNT_PREFIX).bind("amount", FUNDING_MINOR).execute();
  }

  /** The day's partition, as the running Tenure creates it ahead of the events it accepts. */
  private static void createPartition(Handle handle, LocalDate day) {
    handle.execute("CREATE TABLE IF NOT EXISTS usage_events_" + DateTimeFormatter.BASIC_ISO_DATE.format(day)
        + " PARTITION OF usage_events FOR VALUES FROM ('" + day + "') TO ('" + day.plusDays(1) + "')");
  }

  /**
   * Event k of resource i and meter m: quantity (i + 7k + m) mod 100 + 0.125, at second (37i + 600k + 11m) mod 3600
   * of the hour; received at the hour's end. COPY in chunks, in the loading transaction.
   */
  private static long copyEvents(Handle handle, int resources, int perMeter, List<Meter> meters, Instant hourStart)
      throws SQLException, java.io.IOException {
    var copy = handle.getConnection().unwrap(PGConnection.class).getCopyAPI();
    String day = LocalDate.ofInstant(hourStart, ZoneOffset.UTC).toString();
    Instant received = hourStart.plusSeconds(3600);
    StringBuilder rows = new StringBuilder();
    long written = 0;
    int inChunk = 0;
    for (int i = 1; i <= resources; i++) {
      String resourceId = "res_settle_" + String.format("%09d", i);
      for (int m = 0; m < meters.size(); m++) {
        for (int k = 0; k < perMeter; k++) {
          Instant time = hourStart.plusSeconds((37L * i + 600L * k + 11L * m) % 3600);
          rows.append(resourceId).append('\t').append("ev-").append(m).append('-').append(k).append('\t').append(day).append('\t')
              .append(meters.get(m).code()).append('\t').append((i + 7 * k + m) % 100).append(".125\t").append(time).append('\t')
              .append(received).append('\n');
          if (++inChunk == COPY_CHUNK) {
            written += copyIn(copy, rows);
            inChunk = 0;
          }
        }
      }
    }
    return written + (inChunk > 0 ? copyIn(copy, rows) : 0);
  }

  private static long copyIn(org.postgresql.copy.CopyManager copy, StringBuilder rows) throws SQLException, java.io.IOException {
    long copied = copy.copyIn("COPY usage_events (resource_id, event_id, day, meter, quantity, time, received_at) FROM STDIN",
        new StringReader(rows.toString()));
    rows.setLength(0);
    return copied;
  }
}
