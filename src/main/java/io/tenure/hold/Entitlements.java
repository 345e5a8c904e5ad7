package io.tenure.hold;

import io.tenure.catalog.AddOn;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Plan;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.Operations;
import io.tenure.lifecycle.ServiceLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of entitlements, pure: no I/O, no clock. A hold on the resource or its account takes its service
 * away whatever the phase; a feature hold locks that feature alone; without service every feature is locked
 * (seed 001: an expired edition locks its features). Holds stop the service, not the billing: the allowed
 * operations are the phase's, so a held resource can still be renewed and its lifecycle keeps moving. Stateless.
 */
public final class Entitlements {

  private Entitlements() {}

  /**
   * The entitlement of a resource in {@code state} of {@code plan} (from {@code catalog}, the version its term was
   * bought under) holding {@code addOnQuantities}, under {@code holds} (those of its account in force; the ones
   * that bear on other resources are left out here), its newest provider command being {@code sequence}.
   */
  public static Entitlement of(String resourceId, LifecycleState state, Catalog catalog, Plan plan,
      Map<String, Long> addOnQuantities, List<Hold> holds, long sequence) {
    List<Hold> bearing = holds.stream().filter(hold -> hold.inForce() && hold.bearsOn(resourceId)).toList();
    ServiceLevel level = serviceLevel(state, bearing);
    Set<String> heldFeatures = bearing.stream().filter(hold -> !hold.stopsService())
        .map(hold -> hold.feature().orElseThrow()).collect(Collectors.toSet());
    List<Entitlement.Feature> features = plan.features().stream()
        .map(code -> new Entitlement.Feature(code, level == ServiceLevel.NONE || heldFeatures.contains(code)))
        .toList();
    return new Entitlement(level, List.copyOf(Operations.allowed(state)), limits(catalog, plan, addOnQuantities), features, bearing, sequence);
  }

  /** The phase's service level, or NONE under a hold on the resource or its account. */
  public static ServiceLevel serviceLevel(LifecycleState state, List<Hold> bearing) {
    return bearing.stream().anyMatch(Hold::stopsService) ? ServiceLevel.NONE : state.serviceLevel();
  }

  /** Per dimension of the plan: what it includes plus each add-on's units times its amount. */
  static Map<String, Long> limits(Catalog catalog, Plan plan, Map<String, Long> addOnQuantities) {
    Map<String, Long> totals = new LinkedHashMap<>();
    plan.dimensions().forEach(dimension -> totals.put(dimension, plan.included(dimension)));
    addOnQuantities.forEach((code, quantity) -> {
      AddOn addOn = catalog.addOn(code);
      totals.merge(addOn.dimension(), Math.multiplyExact(quantity, addOn.amountPerUnit()), Math::addExact);
    });
    return totals;
  }
}
