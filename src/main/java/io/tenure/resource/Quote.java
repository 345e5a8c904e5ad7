package io.tenure.resource;

import io.tenure.error.Require;
import io.tenure.money.Money;
import java.util.Currency;
import java.util.List;

/**
 * The priced lines of one purchase, renewal, change or unsubscription and their total; a negative total is
 * a refund. Immutable.
 */
public record Quote(List<QuoteLine> lines, Money total) {

  public Quote {
    lines = List.copyOf(lines);
    Money sum = Money.zero(total.currency());
    for (QuoteLine line : lines) {
      sum = sum.plus(line.amount());
    }
    Require.invariant(sum.equals(total), "quote total %s is not the sum %s of its lines", total, sum);
  }

  /** The quote of {@code lines}, totalled. */
  public static Quote of(Currency currency, List<QuoteLine> lines) {
    Money total = Money.zero(currency);
    for (QuoteLine line : lines) {
      total = total.plus(line.amount());
    }
    return new Quote(lines, total);
  }
}
