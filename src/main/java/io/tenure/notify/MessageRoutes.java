package io.tenure.notify;

import io.tenure.account.Account;
import io.tenure.account.AccountRoutes;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /v1/accounts/{id}/messages}: the account's in-app inbox, newest first. Titles and bodies are
 * plain English for now; localized templates and the other channels come with notice delivery.
 */
public final class MessageRoutes {

  private MessageRoutes() {}

  public static void register(Routes routes, Jdbi jdbi, AccountRoutes accounts) {
    routes.get("/v1/accounts/{id}/messages", Routes.Access.KEY, (context, caller) -> {
      int limit = QueryParameters.limit(context);
      var before = QueryParameters.optionalNumber(context, "before");
      context.json(jdbi.withHandle(handle -> {
        Account account = accounts.visible(handle, caller, context.pathParam("id"));
        // A row's messages are numbered sequence + 0, 1, ...: newest first is by row, then by position.
        List<Map<String, Object>> items = handle.createQuery("""
                SELECT n.sequence + message.position - 1 AS message_sequence, message.type, n.resource_id, n.due_at, n.release_at
                FROM notices n CROSS JOIN LATERAL unnest(n.types) WITH ORDINALITY AS message (type, position)
                WHERE n.account_id = :id
                  AND (CAST(:before AS bigint) IS NULL OR (n.sequence < :before AND n.sequence + message.position - 1 < :before))
                ORDER BY n.sequence DESC, message.position DESC LIMIT :limit
                """)
            .bind("id", account.id()).bind("before", before.orElse(null)).bind("limit", limit)
            .map((row, ctx) -> view(row.getLong("message_sequence"), row.getString("type"), row.getString("resource_id"),
                row.getTimestamp("due_at").toInstant(),
                row.getTimestamp("release_at") == null ? null : row.getTimestamp("release_at").toInstant(), account.timeZone()))
            .list();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", items.size() == limit ? items.getLast().get("sequence") : null);
        return page;
      }));
    });
  }

  private static Map<String, Object> view(long sequence, String type, String resourceId, Instant dueAt, Instant releaseAt, ZoneId zone) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", "msg_" + sequence);
    view.put("sequence", sequence);
    view.put("type", type);
    view.put("resourceId", resourceId);
    view.put("title", title(type));
    String release = releaseAt == null ? "" : " It will be released, and its data erased, at " + releaseAt.atZone(zone).toOffsetDateTime() + ".";
    view.put("body", title(type) + (resourceId == null ? "." : ": resource " + resourceId + ".") + release);
    view.put("releaseAt", releaseAt == null ? null : releaseAt.atZone(zone).toOffsetDateTime());
    view.put("createdAt", dueAt.atZone(zone).toOffsetDateTime());
    return view;
  }

  private static String title(String type) {
    return switch (type) {
      case "EXPIRY_WARNING" -> "Your resource expires soon";
      case "EXPIRED" -> "Your resource has expired";
      case "OVERDUE_REMINDER" -> "Your resource is overdue";
      case "FROZEN" -> "Your resource is frozen";
      case "RELEASE_SCHEDULED" -> "Your resource is scheduled for release";
      case "RELEASED" -> "Your resource was released";
      case "RENEWED" -> "Your resource was renewed";
      case "RESTORED" -> "Your resource is restored";
      case "AUTO_RENEW_INSUFFICIENT_BALANCE" -> "Top up to auto-renew your resource";
      default -> type;
    };
  }
}
