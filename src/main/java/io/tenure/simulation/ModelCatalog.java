package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auditor's reading of one catalog version, taken from {@code GET /v1/catalog} (never from Tenure's own
 * catalog classes): prices, limits and policies, as plain values.
 */
record ModelCatalog(int version, int decimals, List<String> tiers, Map<String, Plan> plans, Map<String, AddOn> addOns,
    Map<String, Policy> policies, JsonNode source) {

  record Plan(String code, String mode, Map<String, BigDecimal> prices, Map<String, Long> included,
      Map<String, Long> maximum, List<String> addOns, String policy, boolean groupable) {
    boolean prepaid() {
      return mode.equals("PREPAID");
    }
  }

  record AddOn(String code, String dimension, long amountPerUnit, Map<String, BigDecimal> prices) {}

  /** One phase after the trigger; {@code lengths} is empty for a last phase that never ends. */
  record Phase(String phase, String service, Map<String, Duration> lengths) {
    Optional<Duration> length(String tier) {
      if (lengths.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(lengths.getOrDefault(tier, lengths.get("default")));
    }
  }

  record Policy(String code, String trigger, List<Phase> phases, String renewFrom, BigDecimal refundFeePercent,
      boolean freezeGroup, boolean refundUnexpired) {}

  static ModelCatalog read(JsonNode catalog) {
    Map<String, Plan> plans = new LinkedHashMap<>();
    catalog.path("plans").forEach(plan -> plans.put(plan.path("code").asText(), new Plan(plan.path("code").asText(),
        plan.path("mode").asText(), decimals(plan.path("prices")), wholes(plan.path("included")),
        wholes(plan.path("maximum")), texts(plan.path("addOns")), plan.path("policy").asText(),
        plan.path("groupable").asBoolean(false))));
    Map<String, AddOn> addOns = new LinkedHashMap<>();
    catalog.path("addOns").forEach(addOn -> addOns.put(addOn.path("code").asText(), new AddOn(addOn.path("code").asText(),
        addOn.path("dimension").asText(), addOn.path("amountPerUnit").asLong(), decimals(addOn.path("prices")))));
    Map<String, Policy> policies = new LinkedHashMap<>();
    catalog.path("policies").forEach(policy -> policies.put(policy.path("code").asText(), policy(policy)));
    int decimals = Currency.getInstance(catalog.path("currency").asText()).getDefaultFractionDigits();
    return new ModelCatalog(catalog.path("version").asInt(), decimals, texts(catalog.path("tiers")), plans, addOns,
        policies, catalog);
  }

  Policy policyOf(String planCode) {
    return policies.get(plans.get(planCode).policy());
  }

  private static Policy policy(JsonNode policy) {
    List<Phase> phases = new ArrayList<>();
    policy.path("phases").forEach(phase -> {
      Map<String, Duration> lengths = new LinkedHashMap<>();
      phase.path("length").properties().forEach(row -> lengths.put(row.getKey(), length(row.getValue().asText())));
      phases.add(new Phase(phase.path("phase").asText(), phase.path("service").asText(), lengths));
    });
    JsonNode group = policy.path("group");
    return new Policy(policy.path("code").asText(), policy.path("trigger").asText(), phases,
        policy.path("renewFrom").asText("OLD_END"), new BigDecimal(policy.path("refundFeePercent").asText("0")),
        group.path("freezeGroup").asBoolean(false), group.path("refundUnexpired").asBoolean(false));
  }

  /** {@code P15D} or {@code PT2H}: days are read as whole days, the rest as an exact duration. */
  private static Duration length(String text) {
    if (text.startsWith("P") && text.endsWith("D") && !text.contains("T")) {
      return Duration.ofDays(Long.parseLong(text.substring(1, text.length() - 1)));
    }
    return Duration.parse(text);
  }

  private static Map<String, BigDecimal> decimals(JsonNode node) {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    node.properties().forEach(row -> values.put(row.getKey(), new BigDecimal(row.getValue().asText())));
    return values;
  }

  private static Map<String, Long> wholes(JsonNode node) {
    Map<String, Long> values = new LinkedHashMap<>();
    node.properties().forEach(row -> values.put(row.getKey(), row.getValue().asLong()));
    return values;
  }

  private static List<String> texts(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(value -> values.add(value.asText()));
    return values;
  }
}
