package io.tenure.notify;

import io.tenure.account.Account;
import io.tenure.account.AccountRoutes;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Plan;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /v1/accounts/{id}/messages}: the account's in-app inbox, newest first, each message rendered by
 * {@link NoticeTexts} when it is shown.
 */
public final class MessageRoutes {

  private MessageRoutes() {}

  public static void register(Routes routes, Jdbi jdbi, Notices notices, Catalogs catalogs, AccountRoutes accounts) {
    routes.get("/v1/accounts/{id}/messages", Routes.Access.KEY, (context, caller) -> {
      int limit = QueryParameters.limit(context);
      var before = QueryParameters.optionalNumber(context, "before");
      context.json(jdbi.withHandle(handle -> {
        Account account = accounts.visible(handle, caller, context.pathParam("id"));
        List<Map<String, Object>> items = notices.inbox(handle, account.id(), before, limit).stream()
            .map(message -> view(message, account.timeZone(), catalogs)).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", items.size() == limit ? items.getLast().get("sequence") : null);
        return page;
      }));
    });
  }

  private static Map<String, Object> view(Notices.Message message, ZoneId zone, Catalogs catalogs) {
    Optional<String> plan = message.planCode().map(code -> planName(catalogs, code, message.catalogVersion()));
    NoticeTexts.Text text = NoticeTexts.render(new NoticeTexts.Facts(message.type(), plan, message.resourceId(),
        message.dueAt(), message.termEnd(), message.releaseAt(), zone));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", "msg_" + message.sequence());
    view.put("sequence", message.sequence());
    view.put("type", message.type());
    view.put("resourceId", message.resourceId().orElse(null));
    view.put("title", text.title());
    view.put("body", text.body());
    view.put("releaseAt", message.releaseAt().map(at -> at.atZone(zone).toOffsetDateTime()).orElse(null));
    view.put("createdAt", message.dueAt().atZone(zone).toOffsetDateTime());
    return view;
  }

  /** The plan's name in the catalog version of the resource's term; its code if that version no longer names it. */
  private static String planName(Catalogs catalogs, String code, int version) {
    return catalogs.version(version).findPlan(code).map(Plan::name).orElse(code);
  }
}
