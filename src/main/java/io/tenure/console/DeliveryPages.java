package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's view of what Tenure sent: message deliveries ({@code GET /v1/messages}, filtered by status,
 * channel and account) and the webhook endpoints with every attempt to deliver to each; a failed (or delivered)
 * message or event can be sent again. Lists are pages of the API's own cursors, {@link #PAGE_SIZE} rows each.
 */
public final class DeliveryPages {
  static final int PAGE_SIZE = 50;

  private DeliveryPages() {}

  public record Messages(String status, String channel, String accountId, List<MessageRow> rows, String next, String here) {}

  public record MessageRow(String id, String accountId, String messageId, String type, String channel, String address,
      String status, int attempts, String lastError, String raisedAt, String deliveredAt) {}

  public record Endpoints(List<EndpointRow> endpoints) {}

  public record EndpointRow(String id, String url, String status, String products, String events, String failingSince,
      String disabled) {}

  public record Attempts(String endpointId, String url, List<AttemptRow> rows, String next) {}

  public record AttemptRow(String id, String eventId, String type, String resourceId, int attempt, String attemptedAt,
      String statusCode, String outcome, String error, String deliveryStatus) {}

  static void register(ConsoleRoutes routes) {
    routes.link(ResourceTools.OPERATOR, "/console/messages", "nav.messages")
        .link(ResourceTools.OPERATOR, "/console/webhooks", "nav.webhooks");
    routes.page("/console/messages", ResourceTools.OPERATOR, DeliveryPages::messages);
    routes.action("/console/messages/{id}/resend", ResourceTools.OPERATOR, visit -> {
      visit.send("POST", "/v1/messages/" + Visit.encode(visit.context().pathParam("id")) + "/resend", null, null);
      visit.redirect(back(visit, "/console/messages"), "notice.resent");
    });
    routes.page("/console/webhooks", ResourceTools.OPERATOR, DeliveryPages::endpoints);
    routes.page("/console/webhooks/{id}", ResourceTools.OPERATOR, DeliveryPages::attempts);
    routes.action("/console/webhooks/{id}/events/{eventId}/resend", ResourceTools.OPERATOR, visit -> {
      String id = visit.context().pathParam("id");
      visit.send("POST", "/v1/webhook-endpoints/" + Visit.encode(id) + "/events/"
          + Visit.encode(visit.context().pathParam("eventId")) + "/resend", null, null);
      visit.redirect(back(visit, "/console/webhooks/" + Visit.encode(id)), "notice.resent");
    });
  }

  private static void messages(Visit visit) {
    String status = query(visit, "status");
    String channel = query(visit, "channel");
    String accountId = query(visit, "accountId");
    String after = query(visit, "after");
    String filters = (status.isEmpty() ? "" : "&status=" + Visit.encode(status))
        + (channel.isEmpty() ? "" : "&channel=" + Visit.encode(channel))
        + (accountId.isEmpty() ? "" : "&accountId=" + Visit.encode(accountId));
    JsonNode page = visit.get("/v1/messages?limit=" + PAGE_SIZE + filters + (after.isEmpty() ? "" : "&after=" + Visit.encode(after)));
    List<MessageRow> rows = new ArrayList<>();
    page.path("items").forEach(row -> rows.add(new MessageRow(row.path("id").asText(), row.path("accountId").asText(),
        row.path("messageId").asText(), row.path("type").asText(), row.path("channel").asText(), row.path("address").asText(),
        row.path("status").asText(), row.path("attempts").asInt(), row.path("lastError").asText(""),
        Dates.prose(row.path("raisedAt")), Dates.prose(row.path("deliveredAt")))));
    String here = "/console/messages?" + filters.replaceFirst("^&", "") + (after.isEmpty() ? "" : "&after=" + Visit.encode(after));
    visit.page("operator-messages.jte", "messages.title", new Messages(status, channel, accountId, rows,
        CustomerRoutes.next(page), here));
  }

  private static void endpoints(Visit visit) {
    List<EndpointRow> rows = new ArrayList<>();
    visit.get("/v1/webhook-endpoints").path("items").forEach(endpoint -> rows.add(new EndpointRow(endpoint.path("id").asText(),
        endpoint.path("url").asText(), endpoint.path("status").asText(), list(endpoint.path("products")),
        list(endpoint.path("events")), Dates.prose(endpoint.path("failingSince")),
        endpoint.path("disabledAt").isNull() ? "" : Dates.prose(endpoint.path("disabledAt")) + " · "
            + endpoint.path("disabledReason").asText(""))));
    visit.page("operator-webhooks.jte", "webhooks.title", new Endpoints(rows));
  }

  private static void attempts(Visit visit) {
    String id = visit.context().pathParam("id");
    String after = query(visit, "after");
    String path = "/v1/webhook-endpoints/" + Visit.encode(id);
    JsonNode endpoint = visit.get(path);
    JsonNode page = visit.get(path + "/deliveries?limit=" + PAGE_SIZE + (after.isEmpty() ? "" : "&after=" + Visit.encode(after)));
    List<AttemptRow> rows = new ArrayList<>();
    page.path("items").forEach(row -> rows.add(new AttemptRow(row.path("id").asText(), row.path("eventId").asText(),
        row.path("type").asText(), row.path("resourceId").asText(), row.path("attempt").asInt(),
        Dates.prose(row.path("attemptedAt")), row.path("statusCode").isNull() ? "" : row.path("statusCode").asText(),
        row.path("outcome").asText(), row.path("error").asText(""), row.path("deliveryStatus").asText())));
    visit.page("operator-webhook.jte", "webhook.title", new Attempts(id, endpoint.path("url").asText(), rows,
        CustomerRoutes.next(page)));
  }

  private static String query(Visit visit, String name) {
    String value = visit.context().queryParam(name);
    return value == null ? "" : value.trim();
  }

  private static String list(JsonNode array) {
    List<String> each = new ArrayList<>();
    array.forEach(item -> each.add(item.asText()));
    return String.join(", ", each);
  }

  /** Where a resend returns: the list it was made from, only ever a console path. */
  static String back(Visit visit, String otherwise) {
    String back = visit.form("back");
    return back.startsWith("/console/") && !back.startsWith("//") ? back : otherwise;
  }
}
