package io.tenure.usage;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;

/**
 * The SQL of usage ingestion. A batch is written with the database's bulk path: one COPY into a temporary
 * staging table of the connection, then one set-based insert into {@code usage_events} that skips every row
 * whose (resource, event id, day) is already stored. Never a statement per event. Thread-safe.
 */
final class UsageStore {

  /** What ingestion needs of a resource: whose it is and which plan (of which catalog version) it follows. */
  record MeteredResource(String id, String accountId, String partnerId, String planCode, int catalogVersion) {}

  /** The resources among {@code ids} that exist, by id. */
  Map<String, MeteredResource> resources(Handle handle, Collection<String> ids) {
    return handle.createQuery("""
            SELECT r.id, r.account_id, a.partner_id, r.plan_code, r.catalog_version
            FROM resources r JOIN accounts a ON a.id = r.account_id
            WHERE r.id = ANY(:ids)""")
        .bindArray("ids", String.class, ids)
        .map((row, context) -> new MeteredResource(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
            row.getInt(5)))
        .list().stream().collect(Collectors.toMap(MeteredResource::id, Function.identity()));
  }

  /**
   * Stores the events not stored before, in the caller's transaction, and returns how many were new; the others
   * are resends (or repeats within the batch) of a stored event.
   */
  long insert(Handle handle, List<UsageEvent> events, Instant receivedAt) {
    // A temporary table lives as long as the pooled connection; its rows only until the transaction commits.
    handle.execute("""
        CREATE TEMPORARY TABLE IF NOT EXISTS usage_staging (
          resource_id text COLLATE "C", event_id text COLLATE "C", day date, meter text COLLATE "C",
          quantity numeric(30, 12), time timestamptz) ON COMMIT DELETE ROWS""");
    copy(handle, "COPY usage_staging (resource_id, event_id, day, meter, quantity, time) FROM STDIN", rows(events));
    return handle.createUpdate("""
            INSERT INTO usage_events (resource_id, event_id, day, meter, quantity, time, received_at)
            SELECT resource_id, event_id, day, meter, quantity, time, :receivedAt FROM usage_staging
            ON CONFLICT DO NOTHING""")
        .bind("receivedAt", receivedAt)
        .execute();
  }

  /** {@code events} in COPY's text format, one line each. */
  static String rows(List<UsageEvent> events) {
    StringBuilder rows = new StringBuilder(events.size() * 120);
    for (UsageEvent event : events) {
      escaped(rows, event.resourceId()).append('\t');
      escaped(rows, event.id()).append('\t');
      rows.append(event.day()).append('\t');
      escaped(rows, event.meter()).append('\t');
      rows.append(event.quantity().toPlainString()).append('\t');
      rows.append(event.time()).append('\n');
    }
    return rows.toString();
  }

  /** Runs a {@code COPY ... FROM STDIN} of {@code rows} on the handle's connection. */
  static long copy(Handle handle, String sql, String rows) {
    try {
      return handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows));
    } catch (SQLException failure) {
      throw new UnableToExecuteStatementException(failure, null);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private static StringBuilder escaped(StringBuilder rows, String text) {
    for (int i = 0; i < text.length(); i++) {
      char character = text.charAt(i);
      switch (character) {
        case '\\' -> rows.append("\\\\");
        case '\t' -> rows.append("\\t");
        case '\n' -> rows.append("\\n");
        case '\r' -> rows.append("\\r");
        default -> rows.append(character);
      }
    }
    return rows;
  }
}
