package io.tenure.notify;

import io.tenure.account.Account;
import io.tenure.account.AccountRoutes;
import io.tenure.api.Page;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Plan;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /v1/accounts/{id}/messages}: the account's in-app inbox, newest first, each message rendered by
 * {@link NoticeContent} in the account's language when it is shown. (Once deliveries exist, the content is
 * rendered once when the message is created and stored with it, so that the inbox shows what was sent.)
 */
public final class MessageRoutes {

  private MessageRoutes() {}

  public static void register(Routes routes, Jdbi jdbi, Notices notices, Catalogs catalogs, AccountRoutes accounts) {
    routes.get("/v1/accounts/{id}/messages", Routes.Access.KEY, (context, caller) -> {
      int limit = QueryParameters.limit(context);
      var before = QueryParameters.optionalNumber(context, "before");
      context.json(jdbi.withHandle(handle -> {
        Account account = accounts.visible(handle, caller, context.pathParam("id"));
        return Page.of(notices.inbox(handle, account.id(), before, limit), limit,
            message -> view(message, account, catalogs), Notices.Message::sequence);
      }));
    });
  }

  private static MessageView view(Notices.Message message, Account account, Catalogs catalogs) {
    ZoneId zone = account.timeZone();
    Optional<String> plan = message.planCode().map(code -> planName(catalogs, code, message.catalogVersion()));
    Rendered text = NoticeContent.render(new NoticeFacts(message.type(), plan, message.resourceId(),
        message.dueAt(), message.termEnd(), message.releaseAt(), zone), account.locale());
    return new MessageView("msg_" + message.sequence(), message.sequence(), message.type(), message.resourceId().orElse(null),
        text.title(), text.body(), message.releaseAt().map(at -> at.atZone(zone).toOffsetDateTime()).orElse(null),
        message.dueAt().atZone(zone).toOffsetDateTime());
  }

  /** The plan's name in the catalog version of the resource's term; its code if that version no longer names it. */
  private static String planName(Catalogs catalogs, String code, int version) {
    return catalogs.version(version).findPlan(code).map(Plan::name).orElse(code);
  }
}
