package io.tenure.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The SQL of settlement on {@code usage_events}: taking an hour's unbilled events (and late ones of earlier hours)
 * and marking them billed in one statement, and the hourly listing of a resource's usage. Runs on the caller's
 * handle, inside the caller's transaction: the marks commit with the bill and the charge or not at all.
 * Thread-safe (no state).
 */
public final class UsageSettlements {
  /** How far back an unbilled event can be: the 35 days of acceptance plus the partitions' margin. */
  private static final Duration OLDEST = Duration.ofDays(37);

  /**
   * Marks every unbilled event of {@code resourceIds} whose time is before {@code hourEnd} as billed by the
   * settlement of that hour, and returns them summed per resource, meter and UTC hour.
   */
  public List<HourUsage> settle(Handle handle, Collection<String> resourceIds, Instant hourEnd) {
    Query query = handle.createQuery("""
        WITH billed AS (
          UPDATE usage_events SET settled_at = :hourEnd
          WHERE resource_id = ANY(:ids) AND settled_at IS NULL AND time < :hourEnd AND day >= :oldestDay
          RETURNING resource_id, meter, time, quantity)
        SELECT resource_id, meter, date_bin('1 hour', time, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS hour, sum(quantity)
        FROM billed GROUP BY 1, 2, 3""");
    return query.bindArray("ids", String.class, resourceIds).bind("hourEnd", hourEnd)
        .bind("oldestDay", day(hourEnd.minus(OLDEST)))
        .map((row, context) -> new HourUsage(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
            row.getBigDecimal(4), true))
        .list();
  }

  /**
   * The usage of {@code resourceIds} with times in {@code [from, to)}, summed per UTC hour, resource and meter,
   * billed apart from not yet billed; in hour, resource, meter order, at most {@code limit} rows.
   */
  public List<HourUsage> hours(Handle handle, Collection<String> resourceIds, Instant from, Instant to, int limit) {
    Query query = handle.createQuery("""
        SELECT resource_id, meter, date_bin('1 hour', time, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS hour, sum(quantity),
          settled_at IS NOT NULL AS billed
        FROM usage_events
        WHERE resource_id = ANY(:ids) AND day BETWEEN :fromDay AND :toDay AND time >= :from AND time < :to
        GROUP BY 1, 2, 3, 5 ORDER BY 3, 1, 2, 5 DESC LIMIT :limit""");
    return query.bindArray("ids", String.class, resourceIds).bind("from", from).bind("to", to)
        .bind("fromDay", day(from)).bind("toDay", day(to)).bind("limit", limit)
        .map((row, context) -> new HourUsage(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
            row.getBigDecimal(4), row.getBoolean(5)))
        .list();
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
