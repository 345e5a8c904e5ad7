package io.tenure.catalog;

import io.tenure.money.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An edition of a product: how it is paid for, what it includes, how far add-ons may take it, and the
 * lifecycle policy it follows. Immutable.
 *
 * @param prices prepaid price per billing period; empty for pay-as-you-go plans
 * @param included quantity per dimension that comes with the plan ({@code users: 5, storage_gb: 200})
 * @param maximum the highest total per dimension, plan plus add-ons; a dimension not named has no limit
 * @param addOnCodes the add-ons that may be bought with this plan
 * @param groupable whether a resource of this plan may be placed in a resource group
 * @param hourlyPrice pay-as-you-go only: a fixed price per hour of existence
 * @param meters pay-as-you-go only: the usage measures that are rated
 * @param features the named capabilities of the plan a provider may turn off one by one ({@code public-links}): a
 *     feature hold locks one of them, and every one is locked while the resource gets no service
 */
public record Plan(String code, String productCode, String name, BillingMode mode, Map<BillingPeriod, Money> prices,
    Map<String, Long> included, Map<String, Long> maximum, List<String> addOnCodes, String policyCode,
    boolean groupable, Optional<Money> hourlyPrice, List<Meter> meters, List<String> features) {

  public Plan {
    features = List.copyOf(features);
    prices = Collections.unmodifiableMap(prices.isEmpty() ? new EnumMap<>(BillingPeriod.class) : new EnumMap<>(prices));
    included = Collections.unmodifiableMap(new LinkedHashMap<>(included));
    maximum = Collections.unmodifiableMap(new LinkedHashMap<>(maximum));
    addOnCodes = List.copyOf(addOnCodes);
    meters = List.copyOf(meters);
  }

  /** A plan with no named features. */
  public Plan(String code, String productCode, String name, BillingMode mode, Map<BillingPeriod, Money> prices,
      Map<String, Long> included, Map<String, Long> maximum, List<String> addOnCodes, String policyCode,
      boolean groupable, Optional<Money> hourlyPrice, List<Meter> meters) {
    this(code, productCode, name, mode, prices, included, maximum, addOnCodes, policyCode, groupable, hourlyPrice, meters, List.of());
  }

  public boolean hasFeature(String feature) {
    return features.contains(feature);
  }

  /** The prepaid price of one {@code period}, if the plan is sold by that period. */
  public Optional<Money> price(BillingPeriod period) {
    return Optional.ofNullable(prices.get(period));
  }

  /** The quantity of {@code dimension} the plan includes, 0 when it names none. */
  public long included(String dimension) {
    return included.getOrDefault(dimension, 0L);
  }

  /** The highest total allowed for {@code dimension}, or empty when it has no limit. */
  public OptionalLong maximum(String dimension) {
    Long limit = maximum.get(dimension);
    return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
  }

  /** Every dimension the plan includes or limits, in file order. */
  public Set<String> dimensions() {
    Set<String> dimensions = new LinkedHashSet<>(included.keySet());
    dimensions.addAll(maximum.keySet());
    return Collections.unmodifiableSet(dimensions);
  }

  public boolean allowsAddOn(String addOnCode) {
    return addOnCodes.contains(addOnCode);
  }

  public Optional<Meter> meter(String meterCode) {
    return meters.stream().filter(meter -> meter.code().equals(meterCode)).findFirst();
  }
}
