package io.tenure.ledger;

import io.tenure.error.InvalidInputException;
import io.tenure.error.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of one currency, counted in the currency's minor unit (CNY 193.75 is 19375 fen). Never
 * floating point. Immutable.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

  public Money {
    Require.invariant(currency != null, "money needs a currency");
    Require.invariant(currency.getDefaultFractionDigits() >= 0, "currency %s has no minor unit", currency);
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Reads a decimal amount such as {@code "193.75"}. More decimals than the currency's minor unit, or
   * anything that is not a plain decimal, is an {@code INVALID_AMOUNT} naming {@code field}.
   */
  public static Money parse(String amount, Currency currency, String field) {
    try {
      return of(new BigDecimal(amount.trim()), currency, field);
    } catch (NumberFormatException failure) {
      throw new InvalidInputException("INVALID_AMOUNT", field + ": '" + amount + "' is not a decimal amount");
    }
  }

  /** The exact {@code amount}; more decimals than the currency allows is an {@code INVALID_AMOUNT}. */
  public static Money of(BigDecimal amount, Currency currency, String field) {
    int digits = currency.getDefaultFractionDigits();
    if (amount.stripTrailingZeros().scale() > digits) {
      throw new InvalidInputException("INVALID_AMOUNT",
          field + ": " + amount.toPlainString() + " has more than " + digits + " decimals for " + currency.getCurrencyCode());
    }
    try {
      return new Money(amount.movePointRight(digits).longValueExact(), currency);
    } catch (ArithmeticException failure) {
      throw new InvalidInputException("INVALID_AMOUNT", field + ": " + amount.toPlainString() + " is too large");
    }
  }

  /** {@code amount} rounded to the minor unit with {@code rounding}. */
  public static Money rounded(BigDecimal amount, Currency currency, RoundingMode rounding) {
    return new Money(amount.setScale(currency.getDefaultFractionDigits(), rounding).unscaledValue().longValueExact(), currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minor, other.minor), currency);
  }

  public Money negate() {
    return new Money(Math.negateExact(minor), currency);
  }

  public Money times(long quantity) {
    return new Money(Math.multiplyExact(minor, quantity), currency);
  }

  public int signum() {
    return Long.signum(minor);
  }

  public boolean isNegative() {
    return minor < 0;
  }

  public boolean isZero() {
    return minor == 0;
  }

  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minor, other.minor);
  }

  /** The plain decimal, as the API shows money: {@code "193.75"}, {@code "-0.50"}. */
  @Override
  public String toString() {
    return toBigDecimal().toPlainString();
  }

  private void requireSameCurrency(Money other) {
    Require.invariant(currency.equals(other.currency), "cannot combine %s and %s", currency, other.currency);
  }
}
