package io.tenure.simulation;

import io.tenure.lifecycle.PolicyPresets;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The pay-as-you-go invariants after a run (docs/reliability.md, "Settlement"), read from the stored rows: every
 * accepted usage event billed at most once and only by a settlement after its time, the stored quantities per
 * resource, meter and hour exactly the metering agent's accepted ones (billed and not yet billed), every event of a
 * settled hour billed, one {@code USAGE} bill per account and hour with exactly one ledger charge of its total, the
 * ledger summing to zero, and no pay-as-you-go resource released before its arrears policy allows (the arrears'
 * start, the tier's GRACE, then 15 days FROZEN). The first breach is a {@link Violation}.
 */
final class SettlementAudit {
  private final Auditor auditor;
  private final Jdbi jdbi;

  SettlementAudit(Auditor auditor, Jdbi jdbi) {
    this.auditor = auditor;
    this.jdbi = jdbi;
  }

  /**
   * Checks everything against {@code accepted}: the agent's accepted quantity per "resource meter hour" of the days
   * from {@code oldestKept} on. The clock's advance to now dropped every older day whose events were all settled.
   */
  String check(Map<String, BigDecimal> accepted, Instant oldestKept) {
    return jdbi.withHandle(handle -> {
      none(handle, "usage events billed by a settlement before their time", """
          SELECT resource_id || ' ' || event_id FROM usage_events WHERE settled_at IS NOT NULL AND time >= settled_at""");
      none(handle, "usage events of a settled hour left unbilled", """
          SELECT e.resource_id || ' ' || e.event_id FROM usage_events e JOIN resources r ON r.id = e.resource_id
            JOIN accounts a ON a.id = r.account_id
          WHERE e.settled_at IS NULL AND e.time < a.settle_due_at - interval '1 hour'
            AND e.received_at < a.settle_due_at - interval '1 hour'""");
      none(handle, "accounts with more than one USAGE bill for an hour", """
          SELECT account_id || ' ' || created_at FROM bills WHERE type = 'USAGE' GROUP BY account_id, created_at HAVING count(*) > 1""");
      none(handle, "USAGE bills without exactly one ledger charge of their total", """
          SELECT b.id FROM bills b LEFT JOIN ledger_transactions t ON t.bill_id = b.id AND t.kind = 'CHARGE'
            LEFT JOIN ledger_entries e ON e.transaction_id = t.id AND e.book = 'wallet:' || b.account_id
          WHERE b.type = 'USAGE' GROUP BY b.id, b.total_minor
          HAVING (b.total_minor = 0 AND count(t.id) > 0)
            OR (b.total_minor <> 0 AND (count(t.id) <> 1 OR coalesce(sum(e.amount_minor), 0) <> -b.total_minor))""");
      none(handle, "currencies whose ledger does not sum to zero", """
          SELECT currency FROM ledger_entries GROUP BY currency HAVING sum(amount_minor) <> 0""");
      quantities(handle, accepted, oldestKept);
      none(handle, "days past retention, every event of them settled, still stored", handle.createQuery("""
          SELECT day::text FROM usage_events WHERE day < :oldest GROUP BY day HAVING bool_and(settled_at IS NOT NULL)""")
          .bind("oldest", LocalDate.ofInstant(oldestKept, ZoneOffset.UTC)));
      releases(handle);
      long bills = handle.createQuery("SELECT count(*) FROM bills WHERE type = 'USAGE'").mapTo(Long.class).one();
      long arrears = handle.createQuery("SELECT count(DISTINCT (resource_id, at)) FROM lifecycle_events e JOIN resources r "
          + "ON r.id = e.resource_id WHERE r.mode = 'PAYG' AND e.phase = 'GRACE'").mapTo(Long.class).one();
      return "simulate: settlement: " + bills + " usage bills, " + arrears + " arrears phase events, every event billed once";
    });
  }

  private void none(Handle handle, String what, String query) {
    none(handle, what, handle.createQuery(query));
  }

  private void none(Handle handle, String what, Query query) {
    List<String> found = query.mapTo(String.class).list();
    auditor.usage(what + ": " + found.subList(0, Math.min(5, found.size())), found.isEmpty(), "none");
  }

  /** The stored quantities (billed or not) per resource, meter and hour are exactly the accepted ones. */
  private void quantities(Handle handle, Map<String, BigDecimal> accepted, Instant oldestKept) {
    Map<String, BigDecimal> stored = new java.util.TreeMap<>();
    handle.createQuery("""
            SELECT resource_id || ' ' || meter || ' ' || to_char(date_trunc('hour', time AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:00:00"Z"'),
              sum(quantity)
            FROM usage_events WHERE resource_id = ANY(:ids) AND time >= :oldest GROUP BY 1""")
        .bindArray("ids", String.class, accepted.keySet().stream().map(key -> key.split(" ")[0]).distinct().toList())
        .bind("oldest", oldestKept)
        .map((row, context) -> Map.entry(row.getString(1), row.getBigDecimal(2)))
        .forEach(entry -> stored.put(entry.getKey(), entry.getValue()));
    Map<String, BigDecimal> expected = new java.util.TreeMap<>(accepted);
    boolean same = stored.keySet().equals(expected.keySet())
        && stored.entrySet().stream().allMatch(entry -> entry.getValue().compareTo(expected.get(entry.getKey())) == 0);
    auditor.usage("stored usage per resource, meter and hour: " + stored.size() + " hours", same, expected.size()
        + " accepted hours with the same sums");
  }

  /** A pay-as-you-go resource released by its policy: not before its arrears' start plus every phase's length. */
  private void releases(Handle handle) {
    handle.createQuery("""
            SELECT r.id, a.tier, r.arrears_started_at, min(e.at) AS released
            FROM resources r JOIN accounts a ON a.id = r.account_id JOIN lifecycle_events e ON e.resource_id = r.id
            WHERE r.mode = 'PAYG' AND r.arrears_started_at IS NOT NULL AND e.phase = 'RELEASED'
              AND e.at >= r.arrears_started_at
            GROUP BY r.id, a.tier, r.arrears_started_at""")
        .map((row, context) -> {
          String tier = row.getString(2);
          Duration policy = PolicyPresets.ALIBABA_PAYG.phases().stream().map(phase -> phase.length(tier))
              .map(length -> length.orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
          Instant allowed = row.getTimestamp(3).toInstant().plus(policy);
          Instant released = row.getTimestamp(4).toInstant();
          auditor.usage("resource " + row.getString(1) + " released at " + released, !released.isBefore(allowed),
              "no release before " + allowed + " (arrears start plus the policy's phases)");
          return released;
        }).list();
  }

  /** The key under which an event's quantity is summed: resource, meter and its UTC hour (as {@link Instant#toString}). */
  static String key(String resource, String meter, Instant time) {
    return resource + " " + meter + " " + time.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
  }
}
