package io.tenure.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The webhook_endpoints table (V15). Every method runs on the caller's handle; times are real time. */
final class WebhookEndpoints {
  private static final String LIVE = "deleted_at IS NULL";

  void insert(Handle handle, WebhookEndpoint endpoint) {
    handle.createUpdate("""
            INSERT INTO webhook_endpoints (id, url, products, events, secret, created_at)
            VALUES (:id, :url, CAST(:products AS text[]), CAST(:events AS text[]), :secret, :createdAt)""")
        .bind("id", endpoint.id()).bind("url", endpoint.url())
        .bind("products", endpoint.products().toArray(String[]::new)).bind("events", endpoint.events().toArray(String[]::new))
        .bind("secret", endpoint.secret()).bind("createdAt", endpoint.createdAt()).execute();
  }

  /** Every endpoint not deleted, oldest first, disabled ones included. */
  List<WebhookEndpoint> list(Handle handle) {
    return handle.createQuery("SELECT * FROM webhook_endpoints WHERE " + LIVE + " ORDER BY created_at, id")
        .map((row, context) -> read(row)).list();
  }

  /** The endpoints that receive events now: not deleted, not disabled. */
  List<WebhookEndpoint> receiving(Handle handle) {
    return handle.createQuery("SELECT * FROM webhook_endpoints WHERE " + LIVE + " AND disabled_at IS NULL ORDER BY id")
        .map((row, context) -> read(row)).list();
  }

  Optional<WebhookEndpoint> find(Handle handle, String id) {
    return handle.createQuery("SELECT * FROM webhook_endpoints WHERE id = :id AND " + LIVE).bind("id", id)
        .map((row, context) -> read(row)).findOne();
  }

  /** Deletes the endpoint: it receives nothing more, and its pending deliveries are failed. */
  boolean delete(Handle handle, String id, Instant now) {
    boolean deleted = handle.createUpdate("UPDATE webhook_endpoints SET deleted_at = :now WHERE id = :id AND " + LIVE)
        .bind("id", id).bind("now", now).execute() == 1;
    failPending(handle, id, "The endpoint was deleted.");
    return deleted;
  }

  /** A new secret; the current one becomes the previous one and keeps signing until {@code overlapUntil}. */
  void rotate(Handle handle, String id, String newSecret, Instant overlapUntil) {
    handle.createUpdate("""
            UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = :until, secret = :secret
            WHERE id = :id""")
        .bind("id", id).bind("secret", newSecret).bind("until", overlapUntil).execute();
  }

  /** Stops deliveries to the endpoint, and fails its pending ones, for {@code reason}. */
  void disable(Handle handle, String id, String reason, Instant now) {
    handle.createUpdate("UPDATE webhook_endpoints SET disabled_at = :now, disabled_reason = :reason WHERE id = :id AND disabled_at IS NULL")
        .bind("id", id).bind("now", now).bind("reason", reason).execute();
    failPending(handle, id, reason);
  }

  /** Enables a disabled endpoint again; its failing time starts over. */
  void enable(Handle handle, String id) {
    handle.createUpdate("""
            UPDATE webhook_endpoints SET disabled_at = NULL, disabled_reason = NULL, failing_since = NULL, warned_at = NULL
            WHERE id = :id""").bind("id", id).execute();
  }

  /** Records an attempt's result: a success clears the failing time; a failure starts it if it was not running. */
  void attempted(Handle handle, String id, boolean succeeded, Instant now) {
    String sql = succeeded
        ? "UPDATE webhook_endpoints SET failing_since = NULL, warned_at = NULL WHERE id = :id AND failing_since IS NOT NULL"
        : "UPDATE webhook_endpoints SET failing_since = :now WHERE id = :id AND failing_since IS NULL";
    handle.createUpdate(sql).bind("id", id).bind("now", now).execute();
  }

  void warned(Handle handle, String id, Instant now) {
    handle.createUpdate("UPDATE webhook_endpoints SET warned_at = :now WHERE id = :id").bind("id", id).bind("now", now).execute();
  }

  private static void failPending(Handle handle, String id, String reason) {
    handle.createUpdate("UPDATE webhook_deliveries SET status = 'FAILED', last_error = :reason WHERE endpoint_id = :id AND status = 'PENDING'")
        .bind("id", id).bind("reason", reason).execute();
  }

  private static WebhookEndpoint read(ResultSet row) throws SQLException {
    return new WebhookEndpoint(row.getString("id"), row.getString("url"), texts(row.getArray("products")),
        texts(row.getArray("events")), row.getString("secret"), Optional.ofNullable(row.getString("previous_secret")),
        instant(row, "previous_secret_until"), row.getTimestamp("created_at").toInstant(), instant(row, "failing_since"),
        instant(row, "warned_at"), instant(row, "disabled_at"), Optional.ofNullable(row.getString("disabled_reason")));
  }

  private static List<String> texts(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getTimestamp(column)).map(Timestamp::toInstant);
  }
}
