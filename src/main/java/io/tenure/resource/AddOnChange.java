package io.tenure.resource;

import java.util.List;

/**
 * The result of changing a resource's add-ons mid-term: the bill (charges positive, refunds negative) and
 * the holdings to keep afterwards. Immutable.
 */
public record AddOnChange(Quote quote, List<AddOnHolding> addOns) {

  public AddOnChange {
    addOns = List.copyOf(addOns);
  }
}
