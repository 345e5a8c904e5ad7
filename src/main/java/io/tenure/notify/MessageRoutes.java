package io.tenure.notify;

import io.tenure.account.Account;
import io.tenure.account.AccountRoutes;
import io.tenure.api.Page;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Plan;
import io.tenure.error.Echo;
import io.tenure.error.NotFoundException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The account's in-app inbox: {@code GET /v1/accounts/{id}/messages} (newest first), {@code POST
 * …/messages/{messageId}/read} and {@code GET …/messages/unread-count}. Whoever may list the inbox may read its
 * messages. A message shows the title and body stored when it was fanned out ({@link InAppContent}), so that it reads
 * as it was sent whatever the account's locale becomes; one with none stored (not fanned out yet, its type's in-app
 * channel off, or older than the deliveries) is rendered by {@link NoticeContent} in the account's locale of now.
 */
public final class MessageRoutes {
  /** A message's id exactly as the inbox shows it (no leading zero); at most 18 digits, so that the number is a long. */
  private static final Pattern MESSAGE_ID = Pattern.compile("msg_(0|[1-9][0-9]{0,17})");

  private MessageRoutes() {}

  public static void register(Routes routes, Jdbi jdbi, Catalogs catalogs, AccountRoutes accounts, InAppContent stored) {
    routes.get("/v1/accounts/{id}/messages", Routes.Access.KEY, (context, caller) -> {
      int limit = QueryParameters.limit(context);
      var before = QueryParameters.optionalNumber(context, "before");
      boolean unreadOnly = QueryParameters.flag(context, "unread");
      context.json(jdbi.withHandle(handle -> {
        Account account = accounts.visible(handle, caller, context.pathParam("id"));
        List<Inbox.Message> messages = Inbox.messages(handle, account.id(), before, unreadOnly, limit);
        Map<Long, InAppContent.Text> texts = stored.texts(handle, account.id(), messages.stream().map(Inbox.Message::sequence).toList());
        return Page.of(messages, limit, message -> view(message, account, catalogs, texts), Inbox.Message::sequence);
      }));
    });
    routes.get("/v1/accounts/{id}/messages/unread-count", Routes.Access.KEY, (context, caller) ->
        context.json(jdbi.withHandle(handle ->
            new UnreadCount(Inbox.unread(handle, accounts.visible(handle, caller, context.pathParam("id")).id())))));
    routes.post("/v1/accounts/{id}/messages/{messageId}/read", Routes.Access.KEY, (context, caller) ->
        context.json(jdbi.inTransaction(handle -> {
          Account account = accounts.visible(handle, caller, context.pathParam("id"));
          long sequence = sequence(context.pathParam("messageId"), account);
          if (!Inbox.markRead(handle, account.id(), sequence)) {
            throw notFound(context.pathParam("messageId"), account);
          }
          return view(read(handle, account, sequence, context.pathParam("messageId")), account, catalogs,
              stored.texts(handle, account.id(), List.of(sequence)));
        })));
  }

  private static Inbox.Message read(Handle handle, Account account, long sequence, String messageId) {
    return Inbox.message(handle, account.id(), sequence).orElseThrow(() -> notFound(messageId, account));
  }

  /** The number in a message id; an id of another form names no message. */
  private static long sequence(String messageId, Account account) {
    var matcher = MESSAGE_ID.matcher(messageId);
    if (!matcher.matches()) {
      throw notFound(messageId, account);
    }
    return Long.parseLong(matcher.group(1));
  }

  private static NotFoundException notFound(String messageId, Account account) {
    return new NotFoundException("MESSAGE_NOT_FOUND", "Account " + account.id() + " has no message " + Echo.of(messageId) + ".");
  }

  private static MessageView view(Inbox.Message message, Account account, Catalogs catalogs, Map<Long, InAppContent.Text> stored) {
    ZoneId zone = account.timeZone();
    InAppContent.Text text = Optional.ofNullable(stored.get(message.sequence()))
        .orElseGet(() -> renderedNow(message, account, catalogs));
    return new MessageView("msg_" + message.sequence(), message.sequence(), message.type(), message.resourceId().orElse(null),
        text.title(), text.body(), message.releaseAt().map(at -> at.atZone(zone).toOffsetDateTime()).orElse(null),
        message.dueAt().atZone(zone).toOffsetDateTime(), message.read());
  }

  /** A message with no stored content, rendered in the account's locale and zone of now. */
  private static InAppContent.Text renderedNow(Inbox.Message message, Account account, Catalogs catalogs) {
    Optional<String> plan = message.planCode().map(code -> planName(catalogs, code, message.catalogVersion()));
    Rendered rendered = NoticeContent.render(new NoticeFacts(message.type(), plan, message.resourceId(), message.dueAt(),
        message.termEnd(), message.releaseAt(), account.timeZone()).withAmounts(message.amounts())
        .withHoldReason(message.holdReason()), account.locale());
    return new InAppContent.Text(rendered.title(), rendered.body());
  }

  /** The plan's name in the catalog version of the resource's term; its code if that version no longer names it. */
  private static String planName(Catalogs catalogs, String code, int version) {
    return catalogs.version(version).findPlan(code).map(Plan::name).orElse(code);
  }
}
