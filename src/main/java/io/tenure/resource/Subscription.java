package io.tenure.resource;

import io.tenure.catalog.BillingPeriod;
import io.tenure.catalog.Plan;
import io.tenure.money.Money;
import java.util.List;

/**
 * What pricing needs to know of a prepaid resource's current term: its plan, how the term was bought
 * ({@code periods} periods of {@code period}), the term itself, and what was paid in it for the plan and
 * each add-on. Immutable.
 */
public record Subscription(Plan plan, BillingPeriod period, int periods, Term term, Money planPaid,
    List<AddOnHolding> addOns) {

  public Subscription {
    addOns = List.copyOf(addOns);
  }

  /** The quantity of add-on {@code code} held, 0 if none. */
  public long quantity(String code) {
    return addOns.stream().filter(holding -> holding.code().equals(code)).mapToLong(AddOnHolding::quantity).sum();
  }
}
