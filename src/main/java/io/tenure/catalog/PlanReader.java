package io.tenure.catalog;

import io.tenure.lifecycle.Policy;
import io.tenure.lifecycle.Trigger;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one plan of a catalog file and checks it against the products, add-ons and policies read before it. */
final class PlanReader {

  /** Usage prices may be finer than a cent, but not without end: eight decimals is finer than any meter needs. */
  static final int METER_PRICE_DECIMALS_MAX = 8;

  private PlanReader() {}

  static Plan plan(CatalogNode node, Catalog catalog) {
    node.allowOnly("code", "product", "name", "mode", "prices", "included", "maximum", "addOns", "policy",
        "groupable", "hourlyPrice", "meters", "features");
    String code = node.require("code").code();
    CatalogNode productNode = node.require("product");
    String productCode = productNode.code();
    if (catalog.findProduct(productCode).isEmpty()) {
      throw productNode.error("product '%s' is not in the catalog", productCode);
    }
    BillingMode mode = node.require("mode").choice(BillingMode.class);
    Currency currency = catalog.currency();
    Map<BillingPeriod, Money> prices = node.optional("prices")
        .map(value -> CatalogFile.prices(value, currency)).orElse(Map.of());
    Map<String, Long> included = node.optional("included").map(value -> CatalogFile.quantities(value, 0)).orElse(Map.of());
    Map<String, Long> maximum = node.optional("maximum").map(value -> CatalogFile.quantities(value, 1)).orElse(Map.of());
    checkIncludedWithinMaximum(node, included, maximum);
    List<String> addOnCodes = CatalogFile.optionalList(node, "addOns", CatalogNode::code);
    Optional<Money> hourlyPrice = node.optional("hourlyPrice").map(value -> CatalogFile.money(value, currency));
    List<Meter> meters = CatalogFile.unique(CatalogFile.optionalList(node, "meters", PlanReader::meter), Meter::code, node, "meters");
    List<String> features = CatalogFile.unique(CatalogFile.optionalList(node, "features", CatalogNode::code), feature -> feature,
        node, "features");
    Plan plan = new Plan(code, productCode, node.require("name").name(), mode, prices, included, maximum, addOnCodes,
        node.require("policy").code(), node.optional("groupable").map(CatalogNode::bool).orElse(false), hourlyPrice, meters,
        features);
    checkMode(node, plan);
    checkAddOns(node, plan, catalog);
    checkPolicy(node, plan, catalog);
    return plan;
  }

  private static void checkIncludedWithinMaximum(CatalogNode node, Map<String, Long> included, Map<String, Long> maximum) {
    included.forEach((dimension, quantity) -> {
      Long limit = maximum.get(dimension);
      if (limit != null && quantity > limit) {
        throw node.require("included").entries().get(dimension)
            .error("includes %d, more than the maximum of %d", quantity, limit);
      }
    });
  }

  /** Prepaid plans have prices and no usage; pay-as-you-go plans have usage and no prepaid prices or add-ons. */
  private static void checkMode(CatalogNode node, Plan plan) {
    if (plan.mode() == BillingMode.PREPAID) {
      if (plan.prices().isEmpty()) {
        throw node.optional("prices").orElse(node).error("a PREPAID plan needs a price for MONTH or YEAR");
      }
      for (String field : List.of("hourlyPrice", "meters")) {
        if (node.optional(field).isPresent()) {
          throw node.require(field).error("only PAYG plans have %s", field);
        }
      }
      return;
    }
    for (String field : List.of("prices", "addOns")) {
      if (node.optional(field).isPresent()) {
        throw node.require(field).error("a PAYG plan has no %s", field);
      }
    }
    if (plan.meters().isEmpty() && plan.hourlyPrice().isEmpty()) {
      throw node.error("a PAYG plan needs meters or an hourlyPrice");
    }
  }

  /** Every allowed add-on exists, adds to a dimension of the plan, and is sold by every period the plan is. */
  private static void checkAddOns(CatalogNode node, Plan plan, Catalog catalog) {
    List<CatalogNode> codes = node.optional("addOns").map(CatalogNode::list).orElse(List.of());
    for (int index = 0; index < codes.size(); index++) {
      CatalogNode codeNode = codes.get(index);
      String addOnCode = plan.addOnCodes().get(index);
      if (plan.addOnCodes().indexOf(addOnCode) != index) {
        throw codeNode.error("add-on '%s' is listed twice", addOnCode);
      }
      AddOn addOn = catalog.findAddOn(addOnCode)
          .orElseThrow(() -> codeNode.error("add-on '%s' is not in the catalog", addOnCode));
      if (!plan.dimensions().contains(addOn.dimension())) {
        throw codeNode.error("add-on '%s' adds to '%s', which the plan neither includes nor limits", addOnCode, addOn.dimension());
      }
      for (BillingPeriod period : plan.prices().keySet()) {
        if (addOn.pricePerUnit(period).isEmpty()) {
          throw codeNode.error("add-on '%s' has no %s price, but the plan is sold by %s", addOnCode, period, period);
        }
      }
    }
  }

  private static void checkPolicy(CatalogNode node, Plan plan, Catalog catalog) {
    CatalogNode policyNode = node.require("policy");
    Policy policy = catalog.findPolicy(plan.policyCode())
        .orElseThrow(() -> policyNode.error("policy '%s' is not in the catalog", plan.policyCode()));
    Trigger expected = plan.mode() == BillingMode.PREPAID ? Trigger.EXPIRY : Trigger.ARREARS;
    if (policy.trigger() != expected) {
      throw policyNode.error("policy '%s' is triggered by %s, but a %s plan needs an %s policy",
          policy.code(), policy.trigger(), plan.mode(), expected);
    }
  }

  private static Meter meter(CatalogNode node) {
    node.allowOnly("code", "unit", "unitPrice");
    CatalogNode priceNode = node.require("unitPrice");
    BigDecimal unitPrice = priceNode.decimal();
    if (unitPrice.signum() <= 0) {
      throw priceNode.error("%s must be positive", unitPrice.toPlainString());
    }
    if (unitPrice.stripTrailingZeros().scale() > METER_PRICE_DECIMALS_MAX) {
      throw priceNode.error("%s has more than %d decimals", unitPrice.toPlainString(), METER_PRICE_DECIMALS_MAX);
    }
    return new Meter(node.require("code").code(), node.require("unit").name(), unitPrice);
  }
}
