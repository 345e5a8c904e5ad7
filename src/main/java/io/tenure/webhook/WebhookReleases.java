package io.tenure.webhook;

import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Plan;
import io.tenure.clock.OperatorZone;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import io.tenure.error.RejectedException;
import io.tenure.provider.ProviderCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release handshake (SPEC.md section 4): a product with an endpoint that takes {@code resource.release_requested}
 * keeps its released resources RELEASE_PENDING until the provider confirms; each such release leaves a row in
 * webhook_releases (when it fell due, when it was requested, who confirmed it, when); one not confirmed in time
 * alerts the operator and its event is sent again. Thread-safe.
 */
public final class WebhookReleases implements ProviderCommands.Providers {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookReleases.class);
  private static final Pattern EVENT_ID = Pattern.compile("evt_[1-9][0-9]{0,17}");

  /** The audit record of one release. Times: {@code dueAt} on Tenure's clock, the others real time. */
  record Audit(String resourceId, long eventSequence, Instant dueAt, Instant requestedAt, Optional<Instant> alertedAt,
      Optional<String> confirmedBy, Optional<Instant> confirmedAt) {}

  /** A release requested and not confirmed in time. */
  record Overdue(String resourceId, long eventSequence, Instant requestedAt) {}

  private final Catalogs catalogs;

  public WebhookReleases(Catalogs catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public boolean confirmsReleases(Handle handle, String planCode) {
    String product = catalogs.current(handle).findPlan(planCode).map(Plan::productCode).orElse(planCode);
    // A disabled endpoint still counts: its provider may hold the data, so the release waits and the operator is told.
    List<WebhookEndpoint> endpoints = new WebhookEndpoints().list(handle);
    return endpoints.stream().anyMatch(endpoint -> endpoint.takes(product, EventTypes.RELEASE_REQUESTED));
  }

  @Override
  public void releaseConfirmed(Handle handle, String resourceId, Optional<String> eventId, String confirmedBy, Instant at) {
    Optional<Long> sequence = eventId.map(id -> {
      if (!EVENT_ID.matcher(id).matches()) {
        throw new InvalidInputException("INVALID_FIELD", "Field 'eventId': must be the id of an event, like evt_42, was '"
            + Echo.of(id) + "'.");
      }
      return Long.parseLong(id.substring("evt_".length()));
    });
    Optional<Long> requested = handle.createQuery(
            "SELECT event_sequence FROM webhook_releases WHERE resource_id = :id AND confirmed_at IS NULL FOR UPDATE")
        .bind("id", resourceId).mapTo(Long.class).findOne();
    if (requested.isPresent() && sequence.isPresent() && !sequence.equals(requested)) {
      throw new RejectedException("RELEASE_EVENT_MISMATCH", "The release of the resource was requested by event evt_"
          + requested.get() + ", not by " + eventId.get() + ".");
    }
    handle.createUpdate("UPDATE webhook_releases SET confirmed_by = :by, confirmed_at = :at WHERE resource_id = :id AND confirmed_at IS NULL")
        .bind("id", resourceId).bind("by", confirmedBy).bind("at", at).execute();
  }

  /** Records that the release of {@code resourceId}, due at {@code dueAt}, was requested by event {@code sequence}. */
  void requested(Handle handle, String resourceId, long sequence, Instant dueAt, Instant now) {
    handle.createUpdate("""
            INSERT INTO webhook_releases (resource_id, event_sequence, due_at, requested_at) VALUES (:id, :sequence, :due, :now)
            ON CONFLICT (resource_id) DO UPDATE SET event_sequence = :sequence, due_at = :due, requested_at = :now,
              alerted_at = NULL, confirmed_by = NULL, confirmed_at = NULL""")
        .bind("id", resourceId).bind("sequence", sequence).bind("due", dueAt).bind("now", now).execute();
  }

  /** The audit records, newest request first; only {@code resourceId}'s when present, only unconfirmed when asked. */
  List<Audit> audits(Handle handle, Optional<String> resourceId, boolean unconfirmedOnly, int limit) {
    return handle.createQuery("""
            SELECT * FROM webhook_releases
            WHERE (CAST(:resourceId AS text) IS NULL OR resource_id = :resourceId) AND (NOT :unconfirmed OR confirmed_at IS NULL)
            ORDER BY requested_at DESC, resource_id LIMIT :limit""")
        .bind("resourceId", resourceId.orElse(null)).bind("unconfirmed", unconfirmedOnly).bind("limit", limit)
        .map((row, context) -> new Audit(row.getString("resource_id"), row.getLong("event_sequence"),
            row.getTimestamp("due_at").toInstant(), row.getTimestamp("requested_at").toInstant(),
            WebhookDeliveries.instant(row.getTimestamp("alerted_at")), Optional.ofNullable(row.getString("confirmed_by")),
            WebhookDeliveries.instant(row.getTimestamp("confirmed_at"))))
        .list();
  }

  /**
   * The releases still pending {@code timeout} after they were requested and not yet alerted: each is logged for the
   * operator and marked alerted, once. The caller sends their events again.
   */
  List<Overdue> alertOverdue(Handle handle, Instant now, Duration timeout) {
    List<Overdue> overdue = handle.createQuery("""
            SELECT w.resource_id, w.event_sequence, w.requested_at FROM webhook_releases w JOIN resources r ON r.id = w.resource_id
            WHERE w.confirmed_at IS NULL AND w.alerted_at IS NULL AND w.requested_at <= :cutoff AND r.phase = 'RELEASE_PENDING'
            ORDER BY w.requested_at LIMIT 100 FOR UPDATE OF w SKIP LOCKED""")
        .bind("cutoff", now.minus(timeout))
        .map((row, context) -> new Overdue(row.getString("resource_id"), row.getLong("event_sequence"),
            row.getTimestamp("requested_at").toInstant()))
        .list();
    for (Overdue release : overdue) {
      LOG.warn("webhook - the release of resource {} requested at {} (event evt_{}) is not confirmed after {}; sending it again",
          release.resourceId(), OperatorZone.iso(release.requestedAt()), release.eventSequence(), timeout);
      handle.createUpdate("UPDATE webhook_releases SET alerted_at = :now WHERE resource_id = :id")
          .bind("id", release.resourceId()).bind("now", now).execute();
    }
    return overdue;
  }
}
