package io.tenure.notify;

import io.tenure.account.Account;
import io.tenure.account.AccountRoutes;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
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

  public static void register(Routes routes, Jdbi jdbi, Notices notices, AccountRoutes accounts) {
    routes.get("/v1/accounts/{id}/messages", Routes.Access.KEY, (context, caller) -> {
      int limit = QueryParameters.limit(context);
      var before = QueryParameters.optionalNumber(context, "before");
      context.json(jdbi.withHandle(handle -> {
        Account account = accounts.visible(handle, caller, context.pathParam("id"));
        List<Map<String, Object>> items = notices.inbox(handle, account.id(), before, limit).stream()
            .map(message -> view(message, account.timeZone())).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", items.size() == limit ? items.getLast().get("sequence") : null);
        return page;
      }));
    });
  }

  private static Map<String, Object> view(Notices.Message message, ZoneId zone) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", "msg_" + message.sequence());
    view.put("sequence", message.sequence());
    view.put("type", message.type());
    view.put("resourceId", message.resourceId().orElse(null));
    view.put("title", title(message.type()));
    String release = message.releaseAt()
        .map(at -> " It will be released, and its data erased, at " + at.atZone(zone).toOffsetDateTime() + ".").orElse("");
    view.put("body", title(message.type()) + message.resourceId().map(id -> ": resource " + id + ".").orElse(".") + release);
    view.put("releaseAt", message.releaseAt().map(at -> at.atZone(zone).toOffsetDateTime()).orElse(null));
    view.put("createdAt", message.dueAt().atZone(zone).toOffsetDateTime());
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
