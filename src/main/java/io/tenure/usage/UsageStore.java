package io.tenure.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The SQL of usage ingestion. A batch is written with one set-based statement: the events go as a few arrays (times
 * and days as binary integers) into one {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING} that skips
 * every row whose (resource, event id, day) is already stored. Never a statement per event. Plain JDBC on the
 * handle's connection: this is the hottest path of the API. Thread-safe (no state).
 */
final class UsageStore {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long SECONDS_PER_DAY = 86_400L;

  /** What ingestion needs of a resource: whose it is and which plan (of which catalog version) it follows. */
  record MeteredResource(String id, String accountId, String partnerId, String planCode, int catalogVersion) {}

  /** The resources among {@code ids} that exist, by id. */
  Map<String, MeteredResource> resources(Handle handle, Collection<String> ids) {
    Connection connection = handle.getConnection();
    try (PreparedStatement query = connection.prepareStatement("""
        SELECT r.id, r.account_id, a.partner_id, r.plan_code, r.catalog_version
        FROM resources r JOIN accounts a ON a.id = r.account_id
        WHERE r.id = ANY(?)""")) {
      query.setArray(1, connection.createArrayOf("text", ids.toArray()));
      Map<String, MeteredResource> found = new HashMap<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString(1), new MeteredResource(rows.getString(1), rows.getString(2), rows.getString(3),
              rows.getString(4), rows.getInt(5)));
        }
      }
      return found;
    } catch (SQLException failure) {
      throw new UnableToExecuteStatementException(failure, null);
    }
  }

  /**
   * Stores the events not stored before and returns how many were new; the others are resends (or repeats within
   * the batch) of a stored event. One statement: in autocommit it is its own transaction, committed (with the
   * server's synchronous_commit) before it returns; inside the caller's transaction it commits with it.
   */
  long insert(Handle handle, List<UsageEvent> events, Instant receivedAt) {
    int size = events.size();
    String[] resourceIds = new String[size];
    String[] eventIds = new String[size];
    String[] meters = new String[size];
    String[] quantities = new String[size];
    long[] timeMicros = new long[size];
    int[] days = new int[size];
    for (int i = 0; i < size; i++) {
      UsageEvent event = events.get(i);
      resourceIds[i] = event.resourceId();
      eventIds[i] = event.id();
      meters[i] = event.meter();
      quantities[i] = event.quantity().toPlainString();
      // Microseconds since the epoch: the event's time is truncated to them when read; the day is the UTC day.
      timeMicros[i] = event.time().getEpochSecond() * MICROS_PER_SECOND + event.time().getNano() / 1_000;
      days[i] = (int) Math.floorDiv(event.time().getEpochSecond(), SECONDS_PER_DAY);
    }
    Connection connection = handle.getConnection();
    // The time is rebuilt as the epoch plus a whole number of microseconds (exact up to year 9999: under 2^53).
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO usage_events (resource_id, event_id, day, meter, quantity, time, received_at)
        SELECT resource_id, event_id, DATE '1970-01-01' + day, meter, quantity::numeric,
          TIMESTAMPTZ '1970-01-01 00:00:00+00' + time_micros * INTERVAL '1 microsecond', ?
        FROM unnest(?::text[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::int8[])
          AS event(resource_id, event_id, day, meter, quantity, time_micros)
        ON CONFLICT DO NOTHING""")) {
      insert.setObject(1, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
      insert.setObject(2, resourceIds);
      insert.setObject(3, eventIds);
      insert.setObject(4, days);
      insert.setObject(5, meters);
      insert.setObject(6, quantities);
      insert.setObject(7, timeMicros);
      return insert.executeUpdate();
    } catch (SQLException failure) {
      throw new UnableToExecuteStatementException(failure, null);
    }
  }
}
