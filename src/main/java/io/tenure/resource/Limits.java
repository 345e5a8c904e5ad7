package io.tenure.resource;

import io.tenure.catalog.AddOn;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Plan;
import io.tenure.error.InvalidInputException;
import io.tenure.error.LimitExceededException;
import io.tenure.error.Require;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The plan limits of SPEC.md section 3: per dimension, what the plan includes plus every add-on unit times
 * its amount must stay within the plan's maximum, on every purchase and change. Stateless and thread-safe.
 */
public final class Limits {

  private Limits() {}

  /**
   * Checks the add-on quantities requested for {@code plan} and returns the resulting total per dimension
   * (the resource's entitlements). Each code must exist ({@code ADD_ON_NOT_FOUND}) and be allowed for the
   * plan ({@code ADD_ON_NOT_ALLOWED}); each quantity must be a whole number of units, 1 or more
   * ({@code INVALID_FIELD}); no total may pass its maximum ({@code PLAN_LIMIT_EXCEEDED}).
   */
  public static Map<String, Long> check(Catalog catalog, Plan plan, Map<String, Long> addOnQuantities) {
    Map<String, BigInteger> totals = new LinkedHashMap<>();
    plan.dimensions().forEach(dimension -> totals.put(dimension, BigInteger.valueOf(plan.included(dimension))));
    addOnQuantities.forEach((code, quantity) -> {
      AddOn addOn = allowedAddOn(catalog, plan, code);
      Require.field(quantity != null && quantity >= 1, "addOns." + code + ".quantity",
          "must be a whole number of units, 1 or more, not %s", quantity);
      totals.merge(addOn.dimension(),
          BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(addOn.amountPerUnit())), BigInteger::add);
    });
    Map<String, Long> checked = new LinkedHashMap<>();
    totals.forEach((dimension, total) -> {
      OptionalLong maximum = plan.maximum(dimension);
      if (maximum.isPresent() && total.compareTo(BigInteger.valueOf(maximum.getAsLong())) > 0) {
        throw new LimitExceededException("PLAN_LIMIT_EXCEEDED", String.format(
            "Plan %s allows at most %d %s in total; this request needs %s (%d included plus %s from add-ons).",
            plan.code(), maximum.getAsLong(), dimension, total, plan.included(dimension),
            total.subtract(BigInteger.valueOf(plan.included(dimension)))));
      }
      checked.put(dimension, total.longValueExact());
    });
    return Collections.unmodifiableMap(checked);
  }

  /** The add-on {@code code} if it exists and {@code plan} allows it. */
  static AddOn allowedAddOn(Catalog catalog, Plan plan, String code) {
    AddOn addOn = catalog.addOn(code);
    if (!plan.allowsAddOn(code)) {
      throw new InvalidInputException("ADD_ON_NOT_ALLOWED",
          "Add-on " + code + " cannot be bought with plan " + plan.code() + " (allowed: " + plan.addOnCodes() + ").");
    }
    return addOn;
  }
}
