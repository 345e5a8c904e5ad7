package io.tenure.catalog;

import io.tenure.money.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * An expansion package: each unit bought adds {@code amountPerUnit} to one dimension of the plan (one user,
 * 100 GB of storage) for a price per unit and billing period. Immutable.
 */
public record AddOn(String code, String name, String dimension, long amountPerUnit, Map<BillingPeriod, Money> pricesPerUnit) {

  public AddOn {
    pricesPerUnit = Collections.unmodifiableMap(new EnumMap<>(pricesPerUnit));
  }

  /** The price of one unit for one {@code period}, if the add-on is sold by that period. */
  public Optional<Money> pricePerUnit(BillingPeriod period) {
    return Optional.ofNullable(pricesPerUnit.get(period));
  }
}
