package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resource's page, for every scope that may see it: phase, term, allowed operations, entitlements, holds and
 * the drawn timeline; and its two acts, renew (with a confirmation step) and auto-renew on or off. Money moves
 * only from the confirmation's form, whose idempotency key was fixed when the form was drawn: submitting it twice
 * renews once.
 */
public final class ResourcePageRoutes {
  private ResourcePageRoutes() {}

  public record ResourcePage(String id, String accountId, String plan, String phase, String serviceLevel, String termStart,
      String termEnd, String nextTransition, boolean autoRenew, List<String> allowedOperations, Map<String, String> limits,
      List<String> features, List<HoldRow> holds, TimelineBar timeline, UsageChart usage, ResourceTools.Tools tools,
      List<WebhookRow> webhooks) {}

  public record HoldRow(String id, String scope, String feature, String reason, String note, String appliedAt) {}

  /** A delivery of one of the resource's events to a webhook endpoint (the operator's view). */
  public record WebhookRow(String eventId, String type, String endpointId, String status, int attempts, String lastError,
      String createdAt) {}

  /** The confirmation step of a renewal: what will happen, and the form that does it. */
  public record RenewalConfirmation(String resourceId, String plan, int periods, String period, String termEnd,
      String idempotencyKey) {}

  static void register(ConsoleRoutes routes) {
    // The "open a resource by id" form: a GET, so it works without JavaScript.
    routes.page("/console/resource", ConsoleRoutes.ANY_SCOPE, visit ->
        visit.redirect("/console/resources/" + Visit.encode(visit.context().queryParamAsClass("id", String.class)
            .getOrDefault("").trim()), null));
    routes.page("/console/resources/{id}", ConsoleRoutes.ANY_SCOPE, visit ->
        visit.page("resource.jte", "resource.title", page(visit, visit.context().pathParam("id"))));
    routes.action("/console/resources/{id}/renew", ConsoleRoutes.ANY_SCOPE, visit -> {
      String id = visit.context().pathParam("id");
      JsonNode resource = visit.get(resourcePath(id));
      int periods = periods(visit.form("periods"));
      visit.page("renew-confirm.jte", "renew.title", new RenewalConfirmation(id, resource.path("plan").asText(), periods,
          resource.path("billing").path("period").asText(""), Dates.prose(resource.path("term").path("end")),
          visit.form("idempotencyKey")));
    });
    routes.action("/console/resources/{id}/renew/confirm", ConsoleRoutes.ANY_SCOPE, visit -> {
      String id = visit.context().pathParam("id");
      visit.send("POST", resourcePath(id) + "/renewals", Map.of("periods", periods(visit.form("periods"))),
          visit.form("idempotencyKey"));
      visit.redirect("/console/resources/" + Visit.encode(id), "notice.renewed");
    });
    routes.action("/console/resources/{id}/auto-renew", ConsoleRoutes.ANY_SCOPE, visit -> {
      String id = visit.context().pathParam("id");
      boolean enabled = "true".equals(visit.form("enabled"));
      visit.send("PUT", resourcePath(id) + "/auto-renew", Map.of("enabled", enabled), null);
      visit.redirect("/console/resources/" + Visit.encode(id), enabled ? "notice.autoRenewOn" : "notice.autoRenewOff");
    });
  }

  /** The number of periods a form asks for; anything else is left to the API to refuse (0). */
  private static int periods(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  static String resourcePath(String id) {
    return "/v1/resources/" + Visit.encode(id);
  }

  private static ResourcePage page(Visit visit, String id) {
    // Independent reads, asked at once: the page waits for the slowest, not for their sum.
    List<JsonNode> reads = visit.all(List.<java.util.concurrent.Callable<JsonNode>>of(() -> visit.get(resourcePath(id)),
        () -> visit.get(resourcePath(id) + "/entitlements"), () -> visit.get(resourcePath(id) + "/timeline"),
        () -> ResourceTools.catalogForTools(visit), () -> webhookDeliveries(visit, id)));
    JsonNode resource = reads.get(0);
    JsonNode entitlements = reads.get(1);
    JsonNode timelineJson = reads.get(2);
    TimelineBar timeline = TimelineBar.of(timelineJson);
    List<String> operations = new ArrayList<>();
    resource.path("allowedOperations").forEach(operation -> operations.add(operation.asText()));
    Map<String, String> limits = new java.util.TreeMap<>();
    entitlements.path("limits").properties().forEach(limit -> limits.put(limit.getKey(), limit.getValue().asText()));
    List<String> features = new ArrayList<>();
    entitlements.path("features").forEach(feature -> features.add(feature.isTextual() ? feature.asText()
        : feature.path("code").asText(feature.toString()) + (feature.path("locked").asBoolean() ? " (" + visit.text().get("feature.locked") + ")" : "")));
    List<HoldRow> holds = new ArrayList<>();
    entitlements.path("holds").forEach(hold -> holds.add(new HoldRow(hold.path("id").asText(), hold.path("scope").asText(),
        hold.path("feature").asText(""), hold.path("reason").asText(), hold.path("note").asText(""),
        Dates.prose(hold.path("appliedAt")))));
    JsonNode next = resource.path("nextTransition");
    String nextTransition = next.isNull() || next.isMissingNode() ? ""
        : next.path("phase").asText() + " · " + Dates.prose(next.path("at"));
    return new ResourcePage(id, resource.path("accountId").asText(), resource.path("plan").asText(),
        resource.path("phase").asText(), entitlements.path("serviceLevel").asText(resource.path("serviceLevel").asText()), Dates.prose(resource.path("term").path("start")),
        Dates.prose(resource.path("term").path("end")), nextTransition, resource.path("autoRenew").asBoolean(), operations,
        limits, features, holds, timeline, ResourceTools.usage(visit, resource, timelineJson.path("now").asText()),
        ResourceTools.tools(visit, resource, entitlements, reads.get(3)), webhookRows(reads.get(4)));
  }

  /** The latest deliveries of the resource's events to the operator's webhook endpoints; null for any other scope. */
  private static JsonNode webhookDeliveries(Visit visit, String id) {
    return visit.caller().scope() == Caller.Scope.OPERATOR ? visit.get(resourcePath(id) + "/webhook-deliveries?limit=20") : null;
  }

  private static List<WebhookRow> webhookRows(JsonNode page) {
    if (page == null) {
      return null;
    }
    List<WebhookRow> rows = new ArrayList<>();
    page.path("items").forEach(delivery -> rows.add(new WebhookRow(delivery.path("eventId").asText(),
        delivery.path("type").asText(), delivery.path("endpointId").asText(), delivery.path("status").asText(),
        delivery.path("attempts").asInt(), delivery.path("lastError").asText(""), Dates.prose(delivery.path("createdAt")))));
    return rows;
  }
}
