package io.tenure.resource;

import io.tenure.error.Require;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Mid-term charges and refunds (SPEC.md section 3), in exact decimal arithmetic: charges round half-up to
 * the minor unit, refunds round down, so a customer is never refunded more than the unused part.
 * Stateless and thread-safe.
 */
public final class Proration {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Proration() {}

  /**
   * The unused share of {@code term} at {@code at}: remaining whole seconds / total seconds, clamped to
   * [0, 1] (1 before the term starts, 0 once it has ended).
   */
  public static ProrationFactor factor(Term term, Instant at) {
    long total = Math.max(1, term.length().getSeconds());
    long remaining = Duration.between(at, term.end()).getSeconds();
    return new ProrationFactor(Math.clamp(remaining, 0, total), total);
  }

  /** Price per period × quantity × periods × factor, rounded half-up: what adding units mid-term costs. */
  public static Money charge(Money pricePerPeriod, long quantity, int periods, ProrationFactor factor) {
    Require.invariant(!pricePerPeriod.isNegative(), "a price cannot be negative: %s", pricePerPeriod);
    Require.invariant(quantity >= 0 && periods >= 1, "cannot charge for %d units over %d periods", quantity, periods);
    BigDecimal minor = BigDecimal.valueOf(pricePerPeriod.minor())
        .multiply(BigDecimal.valueOf(quantity))
        .multiply(BigDecimal.valueOf(periods))
        .multiply(factor.remaining())
        .divide(factor.total(), 0, RoundingMode.HALF_UP);
    return new Money(minor.longValueExact(), pricePerPeriod.currency());
  }

  /** {@link #charge(Money, long, int, ProrationFactor)} for a one-period term at instant {@code at}. */
  public static Money charge(Money pricePerPeriod, long quantity, Term term, Instant at) {
    return charge(pricePerPeriod, quantity, 1, factor(term, at));
  }

  /** Price paid × factor, rounded down: the unused part before any fee. */
  public static Money unused(Money pricePaid, ProrationFactor factor) {
    Require.invariant(!pricePaid.isNegative(), "a price paid cannot be negative: %s", pricePaid);
    BigDecimal minor = BigDecimal.valueOf(pricePaid.minor())
        .multiply(factor.remaining())
        .divide(factor.total(), 0, RoundingMode.DOWN);
    return new Money(minor.longValueExact(), pricePaid.currency());
  }

  /**
   * The refund of the unused part of {@code pricePaid} less {@code feePercent} (0 to 100) of it, rounded
   * down, so the fee is never less than its share and the refund never more than the unused part.
   */
  public static Money refund(Money pricePaid, ProrationFactor factor, BigDecimal feePercent) {
    Require.invariant(feePercent.signum() >= 0 && feePercent.compareTo(HUNDRED) <= 0,
        "a refund fee of %s%% is not between 0 and 100", feePercent);
    Money unused = unused(pricePaid, factor);
    BigDecimal minor = BigDecimal.valueOf(unused.minor())
        .multiply(HUNDRED.subtract(feePercent))
        .divide(HUNDRED, 0, RoundingMode.DOWN);
    return new Money(minor.longValueExact(), pricePaid.currency());
  }

  /** {@link #refund(Money, ProrationFactor, BigDecimal)} of {@code term} at instant {@code at}. */
  public static Money refund(Money pricePaid, Term term, Instant at, BigDecimal feePercent) {
    return refund(pricePaid, factor(term, at), feePercent);
  }
}
