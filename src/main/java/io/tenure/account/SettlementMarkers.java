package io.tenure.account;

import io.tenure.store.Columns;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Writes what a batch of hourly settlements leaves on their accounts, in one statement: each account's next
 * settlement and when its arrears began, as {@link AccountStore#saveSettlement} writes them one by one. Runs on the
 * caller's handle; the account rows are the caller's to lock. Stateless.
 */
public final class SettlementMarkers {
  /** One account's markers: the end of its next hour to settle (empty: none), its arrears' start (empty: none). */
  public record Marker(String accountId, Optional<Instant> settleDueAt, Optional<Instant> arrearsSince) {}

  public void saveAll(Handle handle, List<Marker> markers) {
    if (markers.isEmpty()) {
      return;
    }
    Update update = handle.createUpdate("""
        UPDATE accounts SET settle_due_at = marker.due, arrears_since = marker.since
        FROM unnest(CAST(:ids AS text[]), CAST(:dues AS timestamptz[]), CAST(:sinces AS timestamptz[])) AS marker (id, due, since)
        WHERE accounts.id = marker.id
        """);
    Columns.text(update, "ids", markers, Marker::accountId);
    Columns.instants(update, "dues", markers, marker -> marker.settleDueAt().orElse(null));
    Columns.instants(update, "sinces", markers, marker -> marker.arrearsSince().orElse(null));
    update.execute();
  }
}
