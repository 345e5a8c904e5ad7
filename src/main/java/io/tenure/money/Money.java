package io.tenure.money;

import io.tenure.error.InvalidInputException;
import io.tenure.error.Require;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.regex.Pattern;

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

  /** The written form of an amount: ASCII digits, an optional minus sign and fraction; no exponent, no spaces. */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}(\\.[0-9]{1,19})?");

  /** What an amount must look like, as error messages say it. */
  public static final String EXPECTED_FORM = "must be a decimal string like \"10.00\"";

  /**
   * Reads a decimal amount such as {@code "193.75"}: ASCII digits only, at most 19 before and after the point,
   * so nothing the caller sends can grow when it is expanded. Anything else, or more decimals than the
   * currency's minor unit, is an {@code INVALID_AMOUNT} naming {@code field}.
   */
  public static Money parse(String amount, Currency currency, String field) {
    return of(decimal(amount, field), currency, field);
  }

  /** The exact decimal written in {@code text}, checked as {@link #parse} does, or {@code INVALID_AMOUNT}. */
  public static BigDecimal decimal(String text, String field) {
    if (text == null || !DECIMAL.matcher(text).matches()) {
      throw new InvalidInputException("INVALID_AMOUNT", Require.fieldMessage(field, EXPECTED_FORM));
    }
    return new BigDecimal(text);
  }

  /**
   * The exact {@code amount}; more decimals than the currency allows, or more than fits, is an
   * {@code INVALID_AMOUNT}. The amount is never expanded before its size is checked.
   */
  public static Money of(BigDecimal amount, Currency currency, String field) {
    int digits = currency.getDefaultFractionDigits();
    BigDecimal stripped = amount.stripTrailingZeros();
    if (stripped.scale() > digits) {
      throw new InvalidInputException("INVALID_AMOUNT", Require.fieldMessage(field,
          "has more than " + digits + " decimals for " + currency.getCurrencyCode()));
    }
    if (stripped.precision() - stripped.scale() > 18 - digits) {
      throw new InvalidInputException("INVALID_AMOUNT", Require.fieldMessage(field, "is too large"));
    }
    return new Money(stripped.movePointRight(digits).longValueExact(), currency);
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
