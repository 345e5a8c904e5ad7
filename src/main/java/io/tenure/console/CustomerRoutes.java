package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Caller;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A customer's pages (an account key): its resources with their timelines, its bills, its inbox. Every list is a
 * page of the API's own paging, never more than {@link #PAGE_SIZE} rows. Message subscriptions are in
 * {@link MessageSubscriptionRoutes}; a resource's own page in {@link ResourcePageRoutes}.
 */
public final class CustomerRoutes {
  static final Set<Caller.Scope> CUSTOMER = EnumSet.of(Caller.Scope.ACCOUNT);
  /** Rows of a bills or inbox page. */
  static final int PAGE_SIZE = 50;
  /** Resources of one page: each is drawn with its timeline, a read of its own. */
  static final int RESOURCES_PER_PAGE = 10;

  private CustomerRoutes() {}

  /** The account's resources, each with its timeline. */
  public record Resources(String accountName, String balance, String currency, int unread, List<ResourceRow> resources,
      String next) {}

  public record ResourceRow(String id, String plan, String phase, String termEnd, boolean autoRenew, TimelineBar timeline) {}

  public record Bills(List<BillRow> bills, String next) {}

  public record BillRow(String id, String type, String resourceId, String total, String currency, String createdAt) {}

  public record Inbox(List<MessageRow> messages, String next, boolean unreadOnly) {}

  public record MessageRow(String id, String title, String body, String createdAt, boolean read) {}

  static void register(ConsoleRoutes routes) {
    routes.link(CUSTOMER, "/console/home", "nav.resources")
        .link(CUSTOMER, "/console/bills", "nav.bills")
        .link(CUSTOMER, "/console/inbox", "nav.inbox")
        .link(CUSTOMER, "/console/subscriptions", "nav.subscriptions");
    routes.page("/console/bills", CUSTOMER, CustomerRoutes::bills);
    routes.page("/console/inbox", CUSTOMER, CustomerRoutes::inbox);
    routes.action("/console/inbox/{messageId}/read", CUSTOMER, visit -> {
      visit.send("POST", accountPath(visit) + "/messages/" + Visit.encode(visit.context().pathParam("messageId")) + "/read",
          null, null);
      visit.redirect("/console/inbox", "notice.markedRead");
    });
    MessageSubscriptionRoutes.register(routes);
  }

  static String accountPath(Visit visit) {
    return "/v1/accounts/" + Visit.encode(visit.caller().accountId());
  }

  static void resources(Visit visit) {
    String after = visit.context().queryParam("after");
    JsonNode account = visit.account();
    JsonNode page = visit.get(accountPath(visit) + "/resources?limit=" + RESOURCES_PER_PAGE
        + (after == null ? "" : "&after=" + Visit.encode(after)));
    List<JsonNode> items = new ArrayList<>();
    page.path("items").forEach(items::add);
    // The timelines are independent reads: asked at once, the page waits for the slowest, not for their sum.
    List<TimelineBar> bars = visit.all(items.stream().<java.util.concurrent.Callable<TimelineBar>>map(resource -> () ->
        TimelineBar.of(visit.get("/v1/resources/" + Visit.encode(resource.path("id").asText()) + "/timeline"))).toList());
    List<ResourceRow> rows = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      JsonNode resource = items.get(index);
      rows.add(new ResourceRow(resource.path("id").asText(), resource.path("plan").asText(), resource.path("phase").asText(),
          Dates.prose(resource.path("term").path("end")), resource.path("autoRenew").asBoolean(), bars.get(index)));
    }
    int unread = visit.get(accountPath(visit) + "/messages/unread-count").path("unread").asInt();
    visit.page("customer-resources.jte", "resources.title", new Resources(account.path("name").asText(),
        account.path("balance").asText(), account.path("currency").asText(), unread, rows, next(page)));
  }

  private static void bills(Visit visit) {
    String before = visit.context().queryParam("before");
    JsonNode page = visit.get(accountPath(visit) + "/bills?limit=" + PAGE_SIZE + (before == null ? "" : "&before=" + Visit.encode(before)));
    List<BillRow> rows = new ArrayList<>();
    page.path("items").forEach(bill -> rows.add(new BillRow(bill.path("id").asText(), bill.path("type").asText(),
        bill.path("resourceId").asText(""), bill.path("total").asText(), bill.path("currency").asText(),
        Dates.prose(bill.path("createdAt")))));
    visit.page("customer-bills.jte", "bills.title", new Bills(rows, next(page)));
  }

  private static void inbox(Visit visit) {
    String before = visit.context().queryParam("before");
    boolean unreadOnly = "true".equals(visit.context().queryParam("unread"));
    JsonNode page = visit.get(accountPath(visit) + "/messages?limit=" + PAGE_SIZE + (unreadOnly ? "&unread=true" : "")
        + (before == null ? "" : "&before=" + Visit.encode(before)));
    List<MessageRow> rows = new ArrayList<>();
    page.path("items").forEach(message -> rows.add(new MessageRow(message.path("id").asText(), message.path("title").asText(),
        message.path("body").asText(), Dates.prose(message.path("createdAt")), message.path("read").asBoolean())));
    visit.page("customer-inbox.jte", "inbox.title", new Inbox(rows, next(page), unreadOnly));
  }

  /** The cursor of the next page, or null on the last. */
  static String next(JsonNode page) {
    JsonNode next = page.path("next");
    return next.isMissingNode() || next.isNull() ? null : next.asText();
  }
}
