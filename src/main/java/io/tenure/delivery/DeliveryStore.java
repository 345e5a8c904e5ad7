package io.tenure.delivery;

import io.tenure.notify.InAppContent;
import io.tenure.store.Columns;
import io.tenure.subscription.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * The deliveries table (V10): one row per (message, channel, address), its content as rendered when it was created,
 * and its status. Every method runs on the caller's handle; all times here are real time except {@code raisedAt}.
 */
public final class DeliveryStore {

  public enum Status { PENDING, DELIVERED, FAILED }

  /**
   * A delivery to create; {@code delivered} for the inbox, which is delivered by being written. {@code parameters}: an
   * SMS's template parameters, empty for the other channels.
   */
  public record NewDelivery(String accountId, long messageSequence, String messageType, Channel channel, String address,
      String dedupKey, String subject, String htmlBody, String textBody, Map<String, String> parameters, Instant raisedAt,
      boolean delivered) {}

  /** A delivery claimed for one attempt, numbered {@code attempt} (from 1). */
  public record Claimed(long id, Channel channel, String address, String dedupKey, String subject, String htmlBody,
      String textBody, Map<String, String> parameters, int attempt) {}

  /** A delivery as the operator's listing shows it, with the zone of its account. */
  public record Listed(long id, String accountId, ZoneId zone, long messageSequence, String messageType, Channel channel,
      String address, Status status, int attempts, Instant nextAttemptAt, Optional<String> lastError, Instant raisedAt,
      Instant createdAt, Optional<Instant> deliveredAt) {}

  /** The operator's filters; each empty one does not filter. */
  public record Filter(Optional<Status> status, Optional<Channel> channel, Optional<String> accountId, Optional<Long> after) {}

  /**
   * Inserts {@code deliveries}, in their order; one whose dedup key exists already is skipped (a fan-out repeated). One
   * statement over arrays, however many deliveries: the server parses, plans and runs one insert, not one per delivery.
   */
  public void insert(Handle handle, List<NewDelivery> deliveries, Instant now) {
    if (deliveries.isEmpty()) {
      return;
    }
    Update insert = handle.createUpdate("""
        INSERT INTO deliveries (account_id, message_sequence, message_type, channel, address, dedup_key, subject, html_body,
          text_body, parameters, status, attempts, next_attempt_at, raised_at, created_at, delivered_at)
        SELECT d.account_id, d.message_sequence, d.message_type, d.channel, d.address, d.dedup_key, d.subject, d.html_body,
          d.text_body, d.parameters, CASE WHEN d.delivered THEN 'DELIVERED' ELSE 'PENDING' END, 0, :now, d.raised_at, :now,
          CASE WHEN d.delivered THEN CAST(:now AS timestamptz) END
        FROM unnest(CAST(:accountIds AS text[]), CAST(:sequences AS bigint[]), CAST(:types AS text[]), CAST(:channels AS text[]),
          CAST(:addresses AS text[]), CAST(:keys AS text[]), CAST(:subjects AS text[]), CAST(:htmlBodies AS text[]),
          CAST(:textBodies AS text[]), CAST(:parameters AS text[]), CAST(:raisedAts AS timestamptz[]),
          CAST(:delivered AS boolean[]))
          AS d (account_id, message_sequence, message_type, channel, address, dedup_key, subject, html_body, text_body,
            parameters, raised_at, delivered)
        ON CONFLICT (dedup_key) DO NOTHING""").bind("now", now);
    Columns.text(insert, "accountIds", deliveries, NewDelivery::accountId);
    Columns.text(insert, "sequences", deliveries, delivery -> Long.toString(delivery.messageSequence()));
    Columns.text(insert, "types", deliveries, NewDelivery::messageType);
    Columns.text(insert, "channels", deliveries, delivery -> delivery.channel().name());
    Columns.text(insert, "addresses", deliveries, NewDelivery::address);
    Columns.text(insert, "keys", deliveries, NewDelivery::dedupKey);
    Columns.text(insert, "subjects", deliveries, NewDelivery::subject);
    Columns.text(insert, "htmlBodies", deliveries, NewDelivery::htmlBody);
    Columns.text(insert, "textBodies", deliveries, NewDelivery::textBody);
    Columns.text(insert, "parameters", deliveries,
        delivery -> delivery.channel() == Channel.SMS ? SmsBodyTemplate.parametersJson(delivery.parameters()) : null);
    Columns.instants(insert, "raisedAts", deliveries, NewDelivery::raisedAt);
    Columns.booleans(insert, "delivered", deliveries, NewDelivery::delivered);
    insert.execute();
  }

  /**
   * Claims up to {@code limit} deliveries due at {@code now} for one attempt each: counts the attempt and leases them
   * until {@code leaseUntil}, skipping those another dispatcher holds. Run it in a transaction of its own, committed
   * at once, so that the send happens outside any row lock. A delivery is due when its next attempt has come and it is
   * not leased; the lease is a column outside every index (V25), so the claim's update is a HOT update that writes no
   * index entry (next_attempt_at, the due index's key, is left as it is until the record).
   *
   * <p>The due deliveries are read in the order of the index deliveries_due, the read stops once {@code limit} are
   * locked, and the claimed rows are updated through their primary key, so a claim costs the same with 50 or 100,000
   * due. Sorts and sequential scans are switched off for the transaction to keep the planner to that plan: with
   * statistics taken while the table was small (a new database, or before a burst) it estimates a few rows and would
   * read every due delivery and sort them, or scan the whole table for the update, at every claim.
   */
  public List<Claimed> claimDue(Handle handle, Instant now, Instant leaseUntil, int limit) {
    handle.createQuery("SELECT set_config('enable_sort', 'off', true) AS sort, set_config('enable_seqscan', 'off', true) AS seqscan")
        .mapToMap().one();
    return handle.createQuery("""
            UPDATE deliveries d SET attempts = d.attempts + 1, leased_until = :leaseUntil
            WHERE d.id = ANY(ARRAY(SELECT id FROM deliveries WHERE status = 'PENDING' AND next_attempt_at <= :now
                                     AND (leased_until IS NULL OR leased_until <= :now)
                                   ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED))
            RETURNING d.id, d.channel, d.address, d.dedup_key, d.subject, d.html_body, d.text_body, d.parameters, d.attempts
            """)
        .bind("now", now).bind("leaseUntil", leaseUntil).bind("limit", limit)
        .map((row, context) -> new Claimed(row.getLong("id"), Channel.valueOf(row.getString("channel")), row.getString("address"),
            row.getString("dedup_key"), row.getString("subject"), row.getString("html_body"), row.getString("text_body"),
            SmsBodyTemplate.parametersOf(row.getString("parameters")), row.getInt("attempts")))
        .list();
  }

  /** The end of one attempt, to be recorded: its status, when it is next due, and what is known of it. */
  public record Attempted(Claimed claimed, Status status, Instant nextAttemptAt, Optional<String> error,
      Optional<String> providerMessageId, Instant at) {}

  /** {@link #recordAll} of one attempt; true when it was recorded. */
  public boolean record(Handle handle, Claimed claimed, Status status, Instant nextAttemptAt, Optional<String> error,
      Optional<String> providerMessageId, Instant now) {
    return recordAll(handle, List.of(new Attempted(claimed, status, nextAttemptAt, error, providerMessageId, now))) == 1;
  }

  /**
   * Records the ends of {@code attempts}, each only if its delivery is still at that attempt (not when its lease ran
   * out and another dispatcher took it, or an operator resent it); answers how many were recorded. One statement
   * however many attempts it carries: on a handle without a transaction (autocommit) it is one round trip, and its
   * commit does not wait for the disk ({@code synchronous_commit} is switched off for that statement's own
   * transaction only; docs/notices.md, "Records do not wait for the disk").
   */
  public int recordAll(Handle handle, List<Attempted> attempts) {
    if (attempts.isEmpty()) {
      return 0;
    }
    Update update = handle.createUpdate("""
        UPDATE deliveries d SET status = o.status, next_attempt_at = o.next, leased_until = NULL, last_error = o.error,
          provider_message_id = coalesce(o.provider_id, d.provider_message_id),
          delivered_at = CASE WHEN o.status = 'DELIVERED' THEN o.at ELSE d.delivered_at END
        FROM (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush,
          unnest(CAST(:ids AS bigint[]), CAST(:attempts AS integer[]), CAST(:statuses AS text[]),
            CAST(:nexts AS timestamptz[]), CAST(:errors AS text[]), CAST(:providerIds AS text[]),
            CAST(:ats AS timestamptz[])) AS o(id, attempt, status, next, error, provider_id, at)
        WHERE d.id = o.id AND d.attempts = o.attempt AND d.status = :pending""");
    // PENDING as a parameter, not a literal (here and in release): with the literal, the statement's one generic plan
    // (store.Database) may read every pending delivery through deliveries_due, whose predicate the literal matches, and
    // hash them to find the batch: when a fan-out has just made tens of thousands due, that is thousands of pages a
    // batch. The parameter leaves the primary key, one probe an attempt (DeliveryStoreIT).
    update.bind("pending", Status.PENDING.name());
    Columns.text(update, "ids", attempts, attempt -> Long.toString(attempt.claimed().id()));
    Columns.integers(update, "attempts", attempts, attempt -> attempt.claimed().attempt());
    Columns.text(update, "statuses", attempts, attempt -> attempt.status().name());
    Columns.instants(update, "nexts", attempts, Attempted::nextAttemptAt);
    Columns.text(update, "errors", attempts, attempt -> attempt.error().orElse(null));
    Columns.text(update, "providerIds", attempts, attempt -> attempt.providerMessageId().orElse(null));
    Columns.instants(update, "ats", attempts, Attempted::at);
    return update.execute();
  }

  /**
   * Gives back a claimed delivery that was not attempted: the attempt is not counted and, its lease ended, it is due
   * again at its next attempt, which the claim found come.
   */
  public void release(Handle handle, Claimed claimed) {
    handle.createUpdate("""
            UPDATE deliveries SET attempts = attempts - 1, leased_until = NULL
            WHERE id = :id AND attempts = :attempt AND status = :pending""")
        .bind("pending", Status.PENDING.name()) // a parameter, for the primary key: see recordAll
        .bind("id", claimed.id()).bind("attempt", claimed.attempt()).execute();
  }

  /**
   * The in-app title and body stored for those of {@code messageSequences} of the account that were fanned out
   * (the inbox's content, as rendered when each message was created), by message number. Reads the partial index
   * deliveries_in_app.
   */
  public Map<Long, InAppContent.Text> inAppTexts(Handle handle, String accountId, Collection<Long> messageSequences) {
    if (messageSequences.isEmpty()) {
      return Map.of();
    }
    Map<Long, InAppContent.Text> texts = new HashMap<>();
    Query query = handle.createQuery("""
            SELECT message_sequence, subject, text_body FROM deliveries
            WHERE account_id = :id AND channel = 'IN_APP' AND message_sequence = ANY(CAST(:sequences AS bigint[]))""")
        .bind("id", accountId);
    Columns.text(query, "sequences", List.copyOf(messageSequences), String::valueOf);
    query.map((row, context) -> Map.entry(row.getLong("message_sequence"),
            new InAppContent.Text(row.getString("subject"), row.getString("text_body"))))
        .forEach(entry -> texts.putIfAbsent(entry.getKey(), entry.getValue()));
    return texts;
  }

  /** The operator's listing, by id, after {@code filter.after()}. */
  public List<Listed> list(Handle handle, Filter filter, int limit) {
    return handle.createQuery("""
            SELECT d.*, greatest(d.next_attempt_at, d.leased_until) AS tried_next_at, a.time_zone
            FROM deliveries d JOIN accounts a ON a.id = d.account_id
            WHERE (CAST(:status AS text) IS NULL OR d.status = :status)
              AND (CAST(:channel AS text) IS NULL OR d.channel = :channel)
              AND (CAST(:accountId AS text) IS NULL OR d.account_id = :accountId)
              AND (CAST(:after AS bigint) IS NULL OR d.id > :after)
            ORDER BY d.id LIMIT :limit""")
        .bind("status", filter.status().map(Status::name).orElse(null))
        .bind("channel", filter.channel().map(Channel::name).orElse(null))
        .bind("accountId", filter.accountId().orElse(null)).bind("after", filter.after().orElse(null)).bind("limit", limit)
        .map((row, context) -> listed(row)).list();
  }

  /** One delivery, as listed. */
  public Optional<Listed> find(Handle handle, long id) {
    return handle.createQuery("""
            SELECT d.*, greatest(d.next_attempt_at, d.leased_until) AS tried_next_at, a.time_zone
            FROM deliveries d JOIN accounts a ON a.id = d.account_id WHERE d.id = :id""")
        .bind("id", id).map((row, context) -> listed(row)).findOne();
  }

  /**
   * Makes a failed or delivered delivery pending again, due at {@code now}, with its attempts reset; a pending one
   * stays as it is, so that a repeated resend changes nothing more. Empty when there is no such delivery.
   */
  public Optional<Listed> resend(Handle handle, long id, Instant now) {
    handle.createUpdate("""
            UPDATE deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = :now, leased_until = NULL, last_error = NULL,
              delivered_at = NULL
            WHERE id = :id AND status <> 'PENDING'""")
        .bind("id", id).bind("now", now).execute();
    return find(handle, id);
  }

  private static Listed listed(ResultSet row) throws SQLException {
    return new Listed(row.getLong("id"), row.getString("account_id"), ZoneId.of(row.getString("time_zone")),
        row.getLong("message_sequence"), row.getString("message_type"), Channel.valueOf(row.getString("channel")),
        row.getString("address"), Status.valueOf(row.getString("status")), row.getInt("attempts"),
        row.getTimestamp("tried_next_at").toInstant(), Optional.ofNullable(row.getString("last_error")),
        row.getTimestamp("raised_at").toInstant(), row.getTimestamp("created_at").toInstant(),
        Optional.ofNullable(row.getTimestamp("delivered_at")).map(Timestamp::toInstant));
  }
}
