package io.tenure.resource;

import io.tenure.catalog.AddOn;
import io.tenure.catalog.BillingMode;
import io.tenure.catalog.BillingPeriod;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Plan;
import io.tenure.error.InvalidInputException;
import io.tenure.error.Require;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prices purchases, renewals, add-on changes and unsubscriptions of prepaid plans into bill lines
 * (SPEC.md section 3). Every price comes from the catalog; every limit is checked before anything is
 * priced, so a refused request charges nothing. Stateless and thread-safe.
 */
public final class Pricing {

  private Pricing() {}

  /**
   * The bill for buying or renewing {@code plan} with {@code addOns} (code to quantity, in bill order) for
   * {@code periods} periods: one line for the plan and one per add-on. Seed 002: koodrive-basic with 5
   * koodrive-users for one month is 180.00 + 13.75 = 193.75.
   */
  public static Quote purchase(Catalog catalog, Plan plan, Map<String, Long> addOns, BillingPeriod period, int periods) {
    Money planPrice = pricePerPeriod(plan, period);
    TermRules.months(period, periods);
    Limits.check(catalog, plan, addOns);
    String duration = describe(period, periods);
    List<QuoteLine> lines = new ArrayList<>();
    lines.add(new QuoteLine(plan.name() + ", " + duration, planPrice.times(periods)));
    addOns.forEach((code, quantity) -> {
      AddOn addOn = catalog.addOn(code);
      Money unitPrice = addOnPricePerUnit(addOn, period);
      lines.add(new QuoteLine(addOn.name() + " × " + quantity + ", " + duration,
          unitPrice.times(Math.multiplyExact(quantity, periods))));
    });
    return Quote.of(catalog.currency(), lines);
  }

  /**
   * Changes the add-ons of {@code subscription} at {@code at} to {@code requested} (code to the new total
   * quantity; a code not named, or named with 0, is removed). An increase is charged unit price × added
   * units × the term's periods × the proration factor, rounded half-up. A decrease refunds the removed
   * units' share of what was paid for them × the factor, rounded down, less the policy's refund fee.
   */
  public static AddOnChange changeAddOns(Catalog catalog, Subscription subscription, Map<String, Long> requested, Instant at) {
    Plan plan = subscription.plan();
    Map<String, Long> kept = new LinkedHashMap<>();
    requested.forEach((code, quantity) -> {
      Require.field(quantity != null && quantity >= 0, "addOns." + code + ".quantity",
          "must be a whole number of units, 0 or more, not %s", quantity);
      if (quantity > 0) {
        kept.put(code, quantity);
      }
    });
    Limits.check(catalog, plan, kept);
    ProrationFactor factor = Proration.factor(subscription.term(), at);
    BigDecimal feePercent = catalog.policyOf(plan).refundFeePercent();
    Set<String> codes = new LinkedHashSet<>();
    subscription.addOns().forEach(holding -> codes.add(holding.code()));
    codes.addAll(kept.keySet());
    List<QuoteLine> lines = new ArrayList<>();
    List<AddOnHolding> holdings = new ArrayList<>();
    for (String code : codes) {
      AddOnHolding current = holding(subscription, code);
      long target = kept.getOrDefault(code, 0L);
      long held = current == null ? 0 : current.quantity();
      Money paid = current == null ? Money.zero(catalog.currency()) : current.paid();
      AddOn addOn = catalog.addOn(code);
      if (target > held) {
        Money charge = Proration.charge(addOnPricePerUnit(addOn, subscription.period()), target - held,
            subscription.periods(), factor);
        lines.add(new QuoteLine(addOn.name() + " × " + (target - held) + " for " + subscription.plan().name()
            + " added for the rest of the term", charge));
        holdings.add(new AddOnHolding(code, target, paid.plus(charge)));
      } else if (target < held) {
        Money share = share(paid, held - target, held);
        Money refund = Proration.refund(share, factor, feePercent);
        lines.add(new QuoteLine(addOn.name() + " × " + (held - target) + " for " + subscription.plan().name()
            + " removed, unused part refunded"
            + feeNote(feePercent), refund.negate()));
        if (target > 0) {
          holdings.add(new AddOnHolding(code, target, paid.minus(share)));
        }
      } else {
        holdings.add(current);
      }
    }
    return new AddOnChange(Quote.of(catalog.currency(), lines), holdings);
  }

  /**
   * The refund for unsubscribing at {@code at}: the unused part of what was paid for the plan and each
   * add-on in the current term, each rounded down, less the policy's refund fee. Lines are negative.
   */
  public static Quote unsubscribe(Catalog catalog, Subscription subscription, Instant at) {
    ProrationFactor factor = Proration.factor(subscription.term(), at);
    BigDecimal feePercent = catalog.policyOf(subscription.plan()).refundFeePercent();
    String note = ", unused part refunded" + feeNote(feePercent);
    List<QuoteLine> lines = new ArrayList<>();
    lines.add(new QuoteLine(subscription.plan().name() + note,
        Proration.refund(subscription.planPaid(), factor, feePercent).negate()));
    for (AddOnHolding holding : subscription.addOns()) {
      lines.add(new QuoteLine(catalog.addOn(holding.code()).name() + " × " + holding.quantity() + " for "
          + subscription.plan().name() + note,
          Proration.refund(holding.paid(), factor, feePercent).negate()));
    }
    return Quote.of(catalog.currency(), lines);
  }

  /** The plan's prepaid price for one {@code period}; a pay-as-you-go plan or an unsold period is refused. */
  public static Money pricePerPeriod(Plan plan, BillingPeriod period) {
    if (plan.mode() != BillingMode.PREPAID) {
      throw new InvalidInputException("PLAN_NOT_PREPAID",
          "Plan " + plan.code() + " is pay-as-you-go; it has no prepaid periods to buy or renew.");
    }
    return plan.price(period).orElseThrow(() -> new InvalidInputException("PERIOD_NOT_OFFERED",
        "Plan " + plan.code() + " is not sold by " + period + " (offered: " + plan.prices().keySet() + ")."));
  }

  /** "1 month", "3 months", "1 year", "2 years". */
  static String describe(BillingPeriod period, int periods) {
    String unit = period == BillingPeriod.YEAR ? "year" : "month";
    return periods + " " + unit + (periods == 1 ? "" : "s");
  }

  private static Money addOnPricePerUnit(AddOn addOn, BillingPeriod period) {
    // The loader checked that an allowed add-on is sold by every period its plan is sold by.
    return addOn.pricePerUnit(period).orElseThrow(() -> new IllegalStateException(
        "invariant violated: add-on " + addOn.code() + " has no " + period + " price"));
  }

  /**
   * The part of {@code paid} that belongs to {@code removed} of {@code held} units, rounded down, so that
   * the units kept always keep at least their share and later refunds can never exceed what was paid.
   */
  private static Money share(Money paid, long removed, long held) {
    BigInteger minor = BigInteger.valueOf(paid.minor()).multiply(BigInteger.valueOf(removed)).divide(BigInteger.valueOf(held));
    return new Money(minor.longValueExact(), paid.currency());
  }

  private static AddOnHolding holding(Subscription subscription, String code) {
    return subscription.addOns().stream().filter(holding -> holding.code().equals(code)).findFirst().orElse(null);
  }

  private static String feeNote(BigDecimal feePercent) {
    return feePercent.signum() == 0 ? "" : " less a " + feePercent.stripTrailingZeros().toPlainString() + "% fee";
  }
}
