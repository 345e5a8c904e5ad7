package io.tenure.webhook;

import io.tenure.api.Json;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Plan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns the providers' outbox (provider_commands, written in the engine's transactions) into one webhook delivery per
 * endpoint that takes the event, after the engine's transaction and outside it, as io.tenure.delivery.FanOut does for
 * notices: one transaction per batch, one node at a time (an advisory lock), takes rows not yet fanned out in sequence order, builds each
 * event's body once, inserts the deliveries and marks the rows. A repeated fan-out adds nothing. Thread-safe.
 */
final class WebhookFanOut {
  /** The advisory lock that serializes fan-outs ("webhook" in ASCII). */
  private static final long FAN_OUT_LOCK = 0x776562686f6f6bL;
  /** One outbox row with what its body needs of the resource and its account. */
  private record Row(long sequence, String resourceId, String command, String serviceLevel, Instant at, String accountId,
      String planCode, String phase, ZoneId zone) {}

  private final Jdbi jdbi;
  private final Catalogs catalogs;
  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final WebhookReleases releases;
  private final InstantSource realTime;

  WebhookFanOut(Jdbi jdbi, Catalogs catalogs, WebhookEndpoints endpoints, WebhookDeliveries deliveries,
      WebhookReleases releases, InstantSource realTime) {
    this.jdbi = jdbi;
    this.catalogs = catalogs;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.releases = releases;
    this.realTime = realTime;
  }

  /** Fans out one batch of at most {@code limit} outbox rows; answers how many it took. */
  int fanOutBatch(int limit) {
    return jdbi.inTransaction(handle -> {
      // One fan-out at a time across all nodes: two in parallel could commit a resource's later event before its
      // earlier one, and the order rule of the claim only sees deliveries that exist.
      if (!handle.createQuery("SELECT pg_try_advisory_xact_lock(:key)").bind("key", FAN_OUT_LOCK).mapTo(Boolean.class).one()) {
        return 0;
      }
      List<Row> rows = claim(handle, limit);
      if (rows.isEmpty()) {
        return 0;
      }
      List<WebhookEndpoint> all = endpoints.list(handle);
      List<WebhookEndpoint> receiving = all.stream().filter(endpoint -> endpoint.disabledAt().isEmpty()).toList();
      Catalog catalog = catalogs.current(handle);
      Instant now = realTime.instant();
      List<WebhookDeliveries.NewDelivery> created = new ArrayList<>();
      for (Row row : rows) {
        // A row without its resource (never expected) is marked like the others, so that it cannot stall the outbox.
        Optional<EventTypes.EventType> type = row.accountId() == null ? Optional.empty() : EventTypes.ofCommand(row.command());
        String product = type.isEmpty() ? "" : catalog.findPlan(row.planCode()).map(Plan::productCode).orElse(row.planCode());
        List<WebhookEndpoint> takers = type.isEmpty() ? List.of()
            : receiving.stream().filter(endpoint -> endpoint.takes(product, type.get().name())).toList();
        // A release waits for every endpoint that takes its request, a disabled one too (WebhookReleases): audit it.
        if (type.isPresent() && type.get().name().equals(EventTypes.RELEASE_REQUESTED)
            && all.stream().anyMatch(endpoint -> endpoint.takes(product, EventTypes.RELEASE_REQUESTED))) {
          releases.requested(handle, row.resourceId(), row.sequence(), row.at(), now);
        }
        if (takers.isEmpty()) {
          continue;
        }
        String payload = Json.write(event(row, type.get(), product));
        takers.forEach(endpoint -> created.add(new WebhookDeliveries.NewDelivery(endpoint.id(), row.sequence(), row.resourceId(),
            type.get().name(), payload)));
      }
      deliveries.insert(handle, created, now);
      handle.createUpdate("UPDATE provider_commands SET delivered_at = :now WHERE sequence = ANY(CAST(:sequences AS bigint[]))")
          .bind("now", now).bind("sequences", rows.stream().map(Row::sequence).toArray(Long[]::new)).execute();
      return rows.size();
    });
  }

  private static List<Row> claim(Handle handle, int limit) {
    return handle.createQuery("""
            SELECT c.sequence, c.resource_id, c.command, c.service_level, c.at, r.account_id, r.plan_code, r.phase, a.time_zone
            FROM (SELECT * FROM provider_commands WHERE delivered_at IS NULL ORDER BY sequence LIMIT :limit) c
            LEFT JOIN resources r ON r.id = c.resource_id LEFT JOIN accounts a ON a.id = r.account_id
            ORDER BY c.sequence""")
        .bind("limit", limit).map((row, context) -> row(row)).list();
  }

  private static Row row(ResultSet row) throws SQLException {
    return new Row(row.getLong("sequence"), row.getString("resource_id"), row.getString("command"),
        row.getString("service_level"), row.getTimestamp("at").toInstant(), row.getString("account_id"),
        row.getString("plan_code"), row.getString("phase"),
        row.getString("time_zone") == null ? ZoneId.of("UTC") : ZoneId.of(row.getString("time_zone")));
  }

  private static WebhookEvent event(Row row, EventTypes.EventType type, String product) {
    String phase = type.phase().map(Enum::name).orElse(row.phase());
    return new WebhookEvent(type.name(), row.at().atZone(row.zone()).toOffsetDateTime(), new WebhookEvent.Data(
        eventId(row.sequence()), row.resourceId(), row.accountId(), row.planCode(), product, phase, row.serviceLevel(),
        row.sequence()));
  }

  static String eventId(long sequence) {
    return "evt_" + sequence;
  }
}
