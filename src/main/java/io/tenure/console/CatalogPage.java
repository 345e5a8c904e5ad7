package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog ({@code GET /v1/catalog}), read-only, for the operator: products with their plans (prices or the
 * hourly price and meters, what is included, maxima, add-ons, features, policy), the add-ons, and each lifecycle
 * policy's phases with their lengths per tier. Changing the catalog stays with {@code PUT /v1/catalog}.
 */
public final class CatalogPage {
  private CatalogPage() {}

  public record Catalog(int version, String currency, List<String> tiers, List<Product> products, List<AddOn> addOns,
      List<Policy> policies) {}

  public record Product(String code, String name, List<Plan> plans) {}

  public record Plan(String code, String name, String mode, String prices, String included, String maximum,
      String addOns, String features, String policy) {}

  public record AddOn(String code, String name, String dimension, int amountPerUnit, String prices) {}

  public record Policy(String code, String trigger, String renewFrom, String refundFeePercent, List<PolicyPhase> phases) {}

  public record PolicyPhase(String phase, String service, String label, String lengths) {}

  static void register(ConsoleRoutes routes) {
    routes.link(ResourceTools.OPERATOR, "/console/catalog", "nav.catalog");
    routes.page("/console/catalog", ResourceTools.OPERATOR, visit ->
        visit.page("catalog.jte", "catalog.title", of(visit.get("/v1/catalog"))));
  }

  static Catalog of(JsonNode catalog) {
    List<String> tiers = new ArrayList<>();
    catalog.path("tiers").forEach(tier -> tiers.add(tier.asText()));
    List<Product> products = new ArrayList<>();
    for (JsonNode product : catalog.path("products")) {
      List<Plan> plans = new ArrayList<>();
      for (JsonNode plan : catalog.path("plans")) {
        if (plan.path("product").asText().equals(product.path("code").asText())) {
          plans.add(plan(plan));
        }
      }
      products.add(new Product(product.path("code").asText(), product.path("name").asText(), plans));
    }
    List<AddOn> addOns = new ArrayList<>();
    catalog.path("addOns").forEach(addOn -> addOns.add(new AddOn(addOn.path("code").asText(), addOn.path("name").asText(),
        addOn.path("dimension").asText(), addOn.path("amountPerUnit").asInt(), pairs(addOn.path("prices")))));
    List<Policy> policies = new ArrayList<>();
    for (JsonNode policy : catalog.path("policies")) {
      List<PolicyPhase> phases = new ArrayList<>();
      policy.path("phases").forEach(phase -> phases.add(new PolicyPhase(phase.path("phase").asText(),
          phase.path("service").asText(), phase.path("label").asText(), pairs(phase.path("length")))));
      policies.add(new Policy(policy.path("code").asText(), policy.path("trigger").asText(), policy.path("renewFrom").asText(""),
          policy.path("refundFeePercent").asText(""), phases));
    }
    return new Catalog(catalog.path("version").asInt(), catalog.path("currency").asText(), tiers, products, addOns, policies);
  }

  private static Plan plan(JsonNode plan) {
    String prices = "PAYG".equals(plan.path("mode").asText())
        ? plan.path("hourlyPrice").asText("") + " / h" + meters(plan.path("meters"))
        : pairs(plan.path("prices"));
    return new Plan(plan.path("code").asText(), plan.path("name").asText(), plan.path("mode").asText(), prices,
        pairs(plan.path("included")), pairs(plan.path("maximum")), list(plan.path("addOns")), list(plan.path("features")),
        plan.path("policy").asText());
  }

  private static String meters(JsonNode meters) {
    List<String> each = new ArrayList<>();
    meters.forEach(meter -> each.add(meter.path("code").asText() + " " + meter.path("unitPrice").asText() + " / "
        + meter.path("unit").asText()));
    return each.isEmpty() ? "" : "; " + String.join("; ", each);
  }

  /** An object's fields as {@code key value, …}, in key order ({@code default} first, as a policy's lengths read). */
  private static String pairs(JsonNode object) {
    Map<String, String> sorted = new TreeMap<>((first, second) -> first.equals("default") ? -1
        : second.equals("default") ? 1 : first.compareTo(second));
    object.properties().forEach(field -> sorted.put(field.getKey(), field.getValue().asText()));
    List<String> each = new ArrayList<>();
    sorted.forEach((key, value) -> each.add(key + " " + value));
    return String.join(", ", each);
  }

  private static String list(JsonNode array) {
    List<String> each = new ArrayList<>();
    array.forEach(item -> each.add(item.asText()));
    return String.join(", ", each);
  }
}
