package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Caller;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's acts on a resource's page: change its add-ons and unsubscribe it (each through a confirmation
 * page whose form keeps the idempotency key drawn with the first form, so a double click acts once), apply a
 * hold to it or one of its features, and lift a hold. Also the usage chart of a pay-as-you-go resource, drawn
 * for every scope that may read its usage.
 */
public final class ResourceTools {
  static final Set<Caller.Scope> OPERATOR = EnumSet.of(Caller.Scope.OPERATOR);
  /** Hours of usage the chart shows unless the page asks for others ({@code ?usageHours=}); the API allows 35 days. */
  private static final int USAGE_HOURS = 24;
  private static final int MOST_USAGE_HOURS = 35 * 24;

  private ResourceTools() {}

  /** What the operator's forms need: the add-ons the plan allows with their quantities now, the plan's features. */
  public record Tools(List<AddOnRow> addOns, List<String> features, boolean unsubscribable) {}

  public record AddOnRow(String code, String name, int quantity) {}

  /** A confirmation step: the question, and a form posting {@code fields} (hidden) to {@code action}. */
  public record Confirmation(String question, String action, Map<String, String> fields, String back) {}

  static void register(ConsoleRoutes routes) {
    routes.action("/console/resources/{id}/add-ons", OPERATOR, ResourceTools::confirmAddOns);
    routes.action("/console/resources/{id}/add-ons/confirm", OPERATOR, visit -> {
      String id = visit.context().pathParam("id");
      List<Map<String, Object>> wanted = new ArrayList<>();
      visit.context().formParamMap().forEach((name, values) -> {
        if (name.startsWith("addOn.")) {
          wanted.add(Map.of("code", name.substring("addOn.".length()), "quantity", quantity(values.getFirst())));
        }
      });
      visit.send("PUT", ResourcePageRoutes.resourcePath(id) + "/add-ons", wanted, visit.form("idempotencyKey"));
      visit.redirect(resourcePage(id), "notice.addOnsChanged");
    });
    routes.action("/console/resources/{id}/unsubscribe", OPERATOR, visit -> {
      String id = visit.context().pathParam("id");
      visit.page("confirm.jte", "unsubscribe.title", new Confirmation(visit.text().get("unsubscribe.question", id),
          resourcePage(id) + "/unsubscribe/confirm", Map.of("idempotencyKey", visit.form("idempotencyKey")), resourcePage(id)));
    });
    routes.action("/console/resources/{id}/unsubscribe/confirm", OPERATOR, visit -> {
      String id = visit.context().pathParam("id");
      visit.send("POST", ResourcePageRoutes.resourcePath(id) + "/unsubscribe", null, visit.form("idempotencyKey"));
      visit.redirect(resourcePage(id), "notice.unsubscribed");
    });
    routes.action("/console/resources/{id}/holds", OPERATOR, ResourceTools::applyHold);
    routes.action("/console/holds/{holdId}/lift", OPERATOR, visit -> {
      visit.send("DELETE", "/v1/holds/" + Visit.encode(visit.context().pathParam("holdId")), null, null);
      visit.redirect(DeliveryPages.back(visit, "/console/holds"), "notice.holdLifted");
    });
  }

  private static void confirmAddOns(Visit visit) {
    String id = visit.context().pathParam("id");
    JsonNode resource = visit.get(ResourcePageRoutes.resourcePath(id));
    Map<String, Integer> now = new LinkedHashMap<>();
    resource.path("addOns").forEach(addOn -> now.put(addOn.path("code").asText(), addOn.path("quantity").asInt()));
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> changes = new ArrayList<>();
    visit.context().formParamMap().forEach((name, values) -> {
      if (name.startsWith("addOn.")) {
        String code = name.substring("addOn.".length());
        fields.put(name, values.getFirst());
        changes.add(code + ": " + now.getOrDefault(code, 0) + " → " + quantity(values.getFirst()));
      }
    });
    fields.put("idempotencyKey", visit.form("idempotencyKey"));
    visit.page("confirm.jte", "addOns.title", new Confirmation(visit.text().get("addOns.question", id, String.join(", ", changes)),
        resourcePage(id) + "/add-ons/confirm", fields, resourcePage(id)));
  }

  private static void applyHold(Visit visit) {
    String id = visit.context().pathParam("id");
    Map<String, Object> hold = new LinkedHashMap<>();
    String feature = visit.form("feature");
    hold.put("scope", feature.isEmpty() ? "RESOURCE" : "FEATURE");
    hold.put("targetId", id);
    if (!feature.isEmpty()) {
      hold.put("feature", feature);
    }
    hold.put("reason", visit.form("reason"));
    hold.put("permanent", "true".equals(visit.form("permanent")));
    hold.put("note", visit.form("note"));
    visit.send("POST", "/v1/holds", hold, visit.form("idempotencyKey"));
    visit.redirect(resourcePage(id), "notice.holdApplied");
  }

  /** The catalog the operator's tools name the plan's add-ons from; null (not read) for any other scope. */
  static JsonNode catalogForTools(Visit visit) {
    return visit.caller().scope() == Caller.Scope.OPERATOR ? visit.get("/v1/catalog") : null;
  }

  /** The operator's tools for the resource page, or null for any other scope. */
  static Tools tools(Visit visit, JsonNode resource, JsonNode entitlements, JsonNode catalog) {
    if (catalog == null) {
      return null;
    }
    Map<String, Integer> quantities = new LinkedHashMap<>();
    resource.path("addOns").forEach(addOn -> quantities.put(addOn.path("code").asText(), addOn.path("quantity").asInt()));
    Map<String, String> names = new LinkedHashMap<>();
    catalog.path("addOns").forEach(addOn -> names.put(addOn.path("code").asText(), addOn.path("name").asText()));
    List<AddOnRow> addOns = new ArrayList<>();
    for (JsonNode plan : catalog.path("plans")) {
      if (plan.path("code").asText().equals(resource.path("plan").asText())) {
        plan.path("addOns").forEach(code -> addOns.add(new AddOnRow(code.asText(), names.getOrDefault(code.asText(), code.asText()),
            quantities.getOrDefault(code.asText(), 0))));
      }
    }
    List<String> features = new ArrayList<>();
    entitlements.path("features").forEach(feature -> features.add(feature.path("code").asText()));
    boolean unsubscribable = resource.path("allowedOperations").toString().contains("\"UNSUBSCRIBE\"");
    return new Tools(addOns, features, unsubscribable);
  }

  /**
   * The usage chart of a pay-as-you-go resource over the page's hours up to the resource's now; null for a
   * prepaid one. {@code now} is the timeline's now, in the account's zone.
   */
  static UsageChart usage(Visit visit, JsonNode resource, String now) {
    if (!"PAYG".equals(resource.path("billing").path("mode").asText())) {
      return null;
    }
    int hours = USAGE_HOURS;
    try {
      hours = Math.max(1, Math.min(MOST_USAGE_HOURS, Integer.parseInt(visit.context().queryParam("usageHours"))));
    } catch (NumberFormatException absentOrNotANumber) {
      // The usual span.
    }
    OffsetDateTime to = OffsetDateTime.parse(now);
    OffsetDateTime from = to.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusHours(hours - 1L);
    return UsageChart.of(visit.get(ResourcePageRoutes.resourcePath(resource.path("id").asText()) + "/usage?from="
        + Visit.encode(from.toString()) + "&to=" + Visit.encode(to.toString())));
  }

  private static int quantity(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException notANumber) {
      // Left to the API to refuse, with its own message.
      return -1;
    }
  }

  static String resourcePage(String id) {
    return "/console/resources/" + Visit.encode(id);
  }
}
