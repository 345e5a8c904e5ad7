package io.tenure.catalog;

import io.tenure.lifecycle.Policy;
import io.tenure.lifecycle.PolicyPhase;
import io.tenure.money.Money;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a catalog in the words of its file (docs/catalog.md), so that what {@code GET /v1/catalog} answers
 * can be sent back with {@code PUT /v1/catalog} unchanged. Money is a decimal string; policies are written
 * out in full (a preset's rows included), lengths as ISO-8601 days when whole days ({@code P15D}).
 */
public final class CatalogWriter {

  private CatalogWriter() {}

  public static Map<String, Object> write(Catalog catalog) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("version", catalog.version());
    file.put("currency", catalog.currency().getCurrencyCode());
    file.put("tiers", catalog.tiers());
    file.put("products", catalog.products().stream().map(product -> Map.of("code", product.code(), "name", product.name())).toList());
    file.put("addOns", catalog.addOns().stream().map(CatalogWriter::addOn).toList());
    file.put("plans", catalog.plans().stream().map(CatalogWriter::plan).toList());
    file.put("policies", catalog.policies().stream().map(policy -> policy(policy, catalog.tiers())).toList());
    return file;
  }

  private static Map<String, Object> addOn(AddOn addOn) {
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("code", addOn.code());
    written.put("name", addOn.name());
    written.put("dimension", addOn.dimension());
    written.put("amountPerUnit", addOn.amountPerUnit());
    written.put("prices", prices(addOn.pricesPerUnit()));
    return written;
  }

  /** A plan with only the fields its mode has, so that the file reader takes it back. */
  private static Map<String, Object> plan(Plan plan) {
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("code", plan.code());
    written.put("product", plan.productCode());
    written.put("name", plan.name());
    written.put("mode", plan.mode().name());
    if (!plan.prices().isEmpty()) {
      written.put("prices", prices(plan.prices()));
    }
    if (!plan.included().isEmpty()) {
      written.put("included", plan.included());
    }
    if (!plan.maximum().isEmpty()) {
      written.put("maximum", plan.maximum());
    }
    if (!plan.addOnCodes().isEmpty()) {
      written.put("addOns", plan.addOnCodes());
    }
    if (!plan.features().isEmpty()) {
      written.put("features", plan.features());
    }
    written.put("policy", plan.policyCode());
    written.put("groupable", plan.groupable());
    plan.hourlyPrice().ifPresent(price -> written.put("hourlyPrice", price.toString()));
    if (!plan.meters().isEmpty()) {
      written.put("meters", plan.meters().stream().map(meter -> Map.of(
          "code", meter.code(), "unit", meter.unit(), "unitPrice", meter.unitPrice().toPlainString())).toList());
    }
    return written;
  }

  private static Map<String, String> prices(Map<BillingPeriod, Money> prices) {
    Map<String, String> written = new LinkedHashMap<>();
    prices.forEach((period, price) -> written.put(period.name(), price.toString()));
    return written;
  }

  private static Map<String, Object> policy(Policy policy, List<String> tiers) {
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("code", policy.code());
    written.put("trigger", policy.trigger().name());
    written.put("phases", policy.phases().stream().map(phase -> phase(phase, tiers)).toList());
    written.put("renewFrom", policy.renewFrom().name());
    written.put("refundFeePercent", policy.refundFeePercent());
    written.put("group", Map.of("freezeGroup", policy.group().freezeGroup(), "refundUnexpired", policy.group().refundUnexpired()));
    return written;
  }

  /** A phase, its rows in the catalog's tier order; an indefinite one (until the customer pays) has no {@code length}. */
  private static Map<String, Object> phase(PolicyPhase phase, List<String> tiers) {
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("phase", phase.phase().name());
    written.put("service", phase.service().name());
    written.put("label", phase.label());
    if (!phase.isIndefinite()) {
      Map<String, String> lengths = new LinkedHashMap<>();
      lengths.put(PolicyPhase.DEFAULT_TIER, length(phase.lengthByTier().get(PolicyPhase.DEFAULT_TIER)));
      phase.lengthByTier().entrySet().stream().filter(row -> !row.getKey().equals(PolicyPhase.DEFAULT_TIER))
          .sorted(Comparator.comparing((Map.Entry<String, Duration> row) -> tiers.indexOf(row.getKey())).thenComparing(Map.Entry::getKey)).forEach(row -> lengths.put(row.getKey(), length(row.getValue())));
      written.put("length", lengths);
    }
    return written;
  }

  /** {@code P15D} for whole days, as the file writes them, else {@code PT2H}. */
  static String length(Duration length) {
    return length.toSeconds() % Duration.ofDays(1).toSeconds() == 0 ? "P" + length.toDays() + "D" : length.toString();
  }
}
