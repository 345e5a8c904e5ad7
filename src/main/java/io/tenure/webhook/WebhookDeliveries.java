package io.tenure.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The webhook_deliveries and webhook_attempts tables (V15): one delivery per (endpoint, event), its body as signed,
 * its status, and one row per attempt. Every method runs on the caller's handle; times are real time.
 */
final class WebhookDeliveries {

  enum Status { PENDING, DELIVERED, FAILED }

  /** A delivery to create. */
  record NewDelivery(String endpointId, long eventSequence, String resourceId, String eventType, String payload) {}

  /** A delivery claimed for attempt {@code attempt} (from 1), with its endpoint's address and secrets. */
  record Claimed(long id, String endpointId, String url, List<String> secrets, long eventSequence, String eventType,
      String payload, int attempt, Instant createdAt) {}

  /** One attempt as the operator's listing shows it, with its delivery. */
  record Attempt(long id, long deliveryId, long eventSequence, String eventType, String resourceId, int attempt,
      Instant attemptedAt, Optional<Integer> statusCode, String outcome, Optional<String> error, Status deliveryStatus) {}

  void insert(Handle handle, List<NewDelivery> deliveries, Instant now) {
    if (deliveries.isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch("""
        INSERT INTO webhook_deliveries (endpoint_id, event_sequence, resource_id, event_type, payload, status, next_attempt_at, created_at)
        VALUES (:endpointId, :eventSequence, :resourceId, :eventType, :payload, 'PENDING', :now, :now)
        ON CONFLICT (endpoint_id, event_sequence) DO NOTHING""");
    for (NewDelivery delivery : deliveries) {
      batch.bind("endpointId", delivery.endpointId()).bind("eventSequence", delivery.eventSequence())
          .bind("resourceId", delivery.resourceId()).bind("eventType", delivery.eventType())
          .bind("payload", delivery.payload()).bind("now", now).add();
    }
    batch.execute();
  }

  /**
   * Claims up to {@code limit} due deliveries of enabled endpoints for one attempt each, leased until {@code
   * leaseUntil}. A delivery waits while an earlier one (lower sequence) of the same endpoint and resource is pending,
   * leased or not: a provider never receives a later command before an earlier one is settled.
   */
  List<Claimed> claimDue(Handle handle, Instant now, Instant leaseUntil, int limit) {
    return handle.createQuery("""
            UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = :leaseUntil
            FROM (SELECT w.id FROM webhook_deliveries w
                  WHERE w.status = 'PENDING' AND w.next_attempt_at <= :now
                    AND EXISTS (SELECT 1 FROM webhook_endpoints receiving WHERE receiving.id = w.endpoint_id
                      AND receiving.disabled_at IS NULL AND receiving.deleted_at IS NULL)
                    AND NOT EXISTS (SELECT 1 FROM webhook_deliveries earlier
                      WHERE earlier.endpoint_id = w.endpoint_id AND earlier.resource_id = w.resource_id
                        AND earlier.status = 'PENDING' AND earlier.event_sequence < w.event_sequence)
                  ORDER BY w.next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) due,
                 webhook_endpoints e
            WHERE d.id = due.id AND e.id = d.endpoint_id
            RETURNING d.id, d.endpoint_id, e.url, e.secret,
              CASE WHEN e.previous_secret_until > :now THEN e.previous_secret END AS previous_secret,
              d.event_sequence, d.event_type, d.payload, d.attempts, d.created_at
            """)
        .bind("now", now).bind("leaseUntil", leaseUntil).bind("limit", limit)
        .map((row, context) -> claimed(row)).list();
  }

  /** Records the end of an attempt; false when the delivery moved on since (resent, or taken over). */
  boolean record(Handle handle, Claimed claimed, Status status, Instant nextAttemptAt, Optional<String> error, Instant now) {
    return handle.createUpdate("""
            UPDATE webhook_deliveries SET status = :status, next_attempt_at = :next, last_error = :error,
              delivered_at = CASE WHEN :status = 'DELIVERED' THEN CAST(:now AS timestamptz) ELSE delivered_at END
            WHERE id = :id AND attempts = :attempt AND status = :pending""")
        .bind("pending", Status.PENDING.name()) // a parameter, for the primary key: see DeliveryStore.recordAll
        .bind("status", status.name()).bind("next", nextAttemptAt).bind("error", error.orElse(null)).bind("now", now)
        .bind("id", claimed.id()).bind("attempt", claimed.attempt()).execute() == 1;
  }

  void recordAttempt(Handle handle, Claimed claimed, Instant at, Optional<Integer> statusCode, String outcome,
      Optional<String> error) {
    handle.createUpdate("""
            INSERT INTO webhook_attempts (delivery_id, endpoint_id, attempt, attempted_at, status_code, outcome, error)
            VALUES (:deliveryId, :endpointId, :attempt, :at, :statusCode, :outcome, :error)""")
        .bind("deliveryId", claimed.id()).bind("endpointId", claimed.endpointId()).bind("attempt", claimed.attempt())
        .bind("at", at).bind("statusCode", statusCode.orElse(null)).bind("outcome", outcome).bind("error", error.orElse(null))
        .execute();
  }

  /** Gives back a claimed delivery that was not attempted: uncounted, due at once. */
  void release(Handle handle, Claimed claimed, Instant now) {
    handle.createUpdate("""
            UPDATE webhook_deliveries SET attempts = attempts - 1, next_attempt_at = :now
            WHERE id = :id AND attempts = :attempt AND status = :pending""")
        .bind("pending", Status.PENDING.name()) // as in record
        .bind("now", now).bind("id", claimed.id()).bind("attempt", claimed.attempt()).execute();
  }

  /** One delivery of an event to an endpoint, as the operator lists a resource's. */
  record Delivery(long id, String endpointId, long eventSequence, String eventType, Status status, int attempts,
      Optional<String> lastError, Instant createdAt, Optional<Instant> deliveredAt) {}

  /**
   * The deliveries of resource {@code resourceId}'s events to every endpoint, newest first, before delivery
   * {@code before} (0: from the newest); empty when the resource does not exist (it reads {@code resources} for that
   * alone, in the same statement).
   */
  Optional<List<Delivery>> ofResource(Handle handle, String resourceId, long before, int limit) {
    List<Optional<Delivery>> rows = handle.createQuery("""
            SELECT d.* FROM resources r
            LEFT JOIN LATERAL (
              SELECT * FROM webhook_deliveries w WHERE w.resource_id = r.id AND (:before = 0 OR w.id < :before)
              ORDER BY w.id DESC LIMIT :limit) d ON true
            WHERE r.id = :resourceId""")
        .bind("resourceId", resourceId).bind("before", before).bind("limit", limit)
        .map((row, context) -> row.getObject("id") == null ? Optional.<Delivery>empty() : Optional.of(new Delivery(
            row.getLong("id"), row.getString("endpoint_id"), row.getLong("event_sequence"), row.getString("event_type"),
            Status.valueOf(row.getString("status")), row.getInt("attempts"), Optional.ofNullable(row.getString("last_error")),
            row.getTimestamp("created_at").toInstant(),
            Optional.ofNullable(row.getTimestamp("delivered_at")).map(java.sql.Timestamp::toInstant))))
        .list();
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.stream().flatMap(Optional::stream).toList());
  }

  /** The endpoint's attempts, by id, after {@code after}. */
  List<Attempt> attempts(Handle handle, String endpointId, long after, int limit) {
    return handle.createQuery("""
            SELECT a.*, d.event_sequence, d.event_type, d.resource_id, d.status AS delivery_status
            FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
            WHERE a.endpoint_id = :endpointId AND a.id > :after ORDER BY a.id LIMIT :limit""")
        .bind("endpointId", endpointId).bind("after", after).bind("limit", limit)
        .map((row, context) -> new Attempt(row.getLong("id"), row.getLong("delivery_id"), row.getLong("event_sequence"),
            row.getString("event_type"), row.getString("resource_id"), row.getInt("attempt"),
            row.getTimestamp("attempted_at").toInstant(), Optional.ofNullable((Integer) row.getObject("status_code")),
            row.getString("outcome"), Optional.ofNullable(row.getString("error")), Status.valueOf(row.getString("delivery_status"))))
        .list();
  }

  /**
   * Makes the endpoint's deliveries of the events {@code sequences} pending again, due at once with attempts reset
   * (a pending one stays as it is); answers how many there are. The order rule holds for them as for new ones.
   */
  int resend(Handle handle, String endpointId, List<Long> sequences, Instant now) {
    handle.createUpdate("""
            UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = NULL,
              delivered_at = NULL
            WHERE endpoint_id = :endpointId AND event_sequence = ANY(CAST(:sequences AS bigint[])) AND status <> 'PENDING'""")
        .bind("endpointId", endpointId).bind("sequences", sequences.toArray(Long[]::new)).bind("now", now).execute();
    return handle.createQuery("""
            SELECT count(*) FROM webhook_deliveries
            WHERE endpoint_id = :endpointId AND event_sequence = ANY(CAST(:sequences AS bigint[]))""")
        .bind("endpointId", endpointId).bind("sequences", sequences.toArray(Long[]::new)).mapTo(Integer.class).one();
  }

  /** The sequences of the endpoint's events created at or after {@code since}, oldest first. */
  List<Long> sequencesSince(Handle handle, String endpointId, Instant since) {
    return handle.createQuery("""
            SELECT event_sequence FROM webhook_deliveries WHERE endpoint_id = :endpointId AND created_at >= :since
            ORDER BY event_sequence""")
        .bind("endpointId", endpointId).bind("since", since).mapTo(Long.class).list();
  }

  private static Claimed claimed(ResultSet row) throws SQLException {
    String previous = row.getString("previous_secret");
    List<String> secrets = previous == null ? List.of(row.getString("secret")) : List.of(row.getString("secret"), previous);
    return new Claimed(row.getLong("id"), row.getString("endpoint_id"), row.getString("url"), secrets,
        row.getLong("event_sequence"), row.getString("event_type"), row.getString("payload"), row.getInt("attempts"),
        row.getTimestamp("created_at").toInstant());
  }

  static Optional<Instant> instant(Timestamp timestamp) {
    return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
  }
}
