package io.tenure.resource;

import io.tenure.error.Require;
import io.tenure.money.Money;

/**
 * The units of one add-on a resource holds in its current term, and what was paid for them in that term;
 * refunds are drawn from {@code paid}, so they can never exceed it. Immutable.
 */
public record AddOnHolding(String code, long quantity, Money paid) {

  public AddOnHolding {
    Require.invariant(quantity >= 1, "add-on %s: a holding has at least one unit, not %d", code, quantity);
    Require.invariant(!paid.isNegative(), "add-on %s: paid %s cannot be negative", code, paid);
  }
}
