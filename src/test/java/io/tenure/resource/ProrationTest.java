package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ProrationTest {

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  /** A term of exactly 100 seconds makes every factor a round percentage. */
  private static final Term HUNDRED_SECONDS = new Term(START, START.plusSeconds(100));

  private static Money cny(String amount) {
    return Money.parse(amount, CNY, "amount");
  }

  @Test
  void factorIsRemainingSecondsOverTotalSeconds() {
    assertThat(Proration.factor(HUNDRED_SECONDS, START.plusSeconds(25))).isEqualTo(new ProrationFactor(75, 100));
  }

  @Test
  void factorIsClampedToOneBeforeTheStartAndZeroAfterTheEnd() {
    assertThat(Proration.factor(HUNDRED_SECONDS, START.minusSeconds(1000)).isWhole()).isTrue();
    assertThat(Proration.factor(HUNDRED_SECONDS, START.plusSeconds(100)).isZero()).isTrue();
    assertThat(Proration.factor(HUNDRED_SECONDS, START.plusSeconds(5000)).isZero()).isTrue();
  }

  @Test
  void factorCountsWholeSecondsOnly() {
    assertThat(Proration.factor(HUNDRED_SECONDS, START.plusMillis(25_400))).isEqualTo(new ProrationFactor(74, 100));
  }

  @Test
  void chargeRoundsHalfUpToTheMinorUnit() {
    // 0.25 × 1 × 2/100 = 0.005 → 0.01; 0.25 × 1 × 1/100 = 0.0025 → 0.00
    assertThat(Proration.charge(cny("0.25"), 1, 1, new ProrationFactor(2, 100))).isEqualTo(cny("0.01"));
    assertThat(Proration.charge(cny("0.25"), 1, 1, new ProrationFactor(1, 100))).isEqualTo(cny("0.00"));
  }

  @Test
  void chargeMultipliesPriceQuantityPeriodsAndFactorBeforeRounding() {
    // 2.75 × 3 × 2 × 1/3 = 5.50 exactly, although 2.75 / 3 would not be.
    assertThat(Proration.charge(cny("2.75"), 3, 2, new ProrationFactor(1, 3))).isEqualTo(cny("5.50"));
    assertThat(Proration.charge(cny("2.75"), 5, HUNDRED_SECONDS, START)).isEqualTo(cny("13.75"));
  }

  @Test
  void refundRoundsDown() {
    // 10.00 × 2/3 = 6.666… → 6.66
    assertThat(Proration.refund(cny("10.00"), new ProrationFactor(2, 3), BigDecimal.ZERO)).isEqualTo(cny("6.66"));
    assertThat(Proration.unused(cny("0.01"), new ProrationFactor(99, 100))).isEqualTo(cny("0.00"));
  }

  @Test
  void refundKeepsTheFeeAndRoundsTheRestDown() {
    // unused 6.66, fee 10% = 0.666 → refund 5.994 → 5.99
    assertThat(Proration.refund(cny("10.00"), new ProrationFactor(2, 3), new BigDecimal("10"))).isEqualTo(cny("5.99"));
    assertThat(Proration.refund(cny("10.00"), new ProrationFactor(1, 1), new BigDecimal("100"))).isEqualTo(cny("0.00"));
    assertThat(Proration.refund(cny("10.00"), HUNDRED_SECONDS, START.plusSeconds(50), new BigDecimal("2.5")))
        .isEqualTo(cny("4.87"));
  }

  @Test
  void refundOfAnEndedTermIsNothing() {
    assertThat(Proration.refund(cny("180.00"), HUNDRED_SECONDS, START.plusSeconds(100), BigDecimal.ZERO)).isEqualTo(cny("0"));
  }

  @Test
  void refundOfAWholeTermIsEverythingPaid() {
    assertThat(Proration.refund(cny("180.00"), HUNDRED_SECONDS, START, BigDecimal.ZERO)).isEqualTo(cny("180.00"));
  }

  @Test
  void worksForCurrenciesWithoutMinorUnits() {
    Currency yen = Currency.getInstance("JPY");
    assertThat(Proration.charge(new Money(1000, yen), 1, 1, new ProrationFactor(1, 3))).isEqualTo(new Money(333, yen));
    assertThat(Proration.refund(new Money(1000, yen), new ProrationFactor(2, 3), BigDecimal.ZERO)).isEqualTo(new Money(666, yen));
  }

  @Test
  void refusesAFeeOutsideZeroToHundred() {
    assertThatThrownBy(() -> Proration.refund(cny("1.00"), new ProrationFactor(1, 1), new BigDecimal("101")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Proration.refund(cny("1.00"), new ProrationFactor(1, 1), new BigDecimal("-1")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFactorMustStayWithinItsTotal() {
    assertThatThrownBy(() -> new ProrationFactor(101, 100)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new ProrationFactor(0, 0)).isInstanceOf(IllegalStateException.class);
  }
}
