package io.tenure.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.money.Money;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The pure low-balance rules: the runway, whether an account is low and why, and what a check changes. */
class LowBalanceTest {
  private static final Currency CNY = Currency.getInstance("CNY");

  private static Money cny(long minor) {
    return new Money(minor, CNY);
  }

  @Test
  void aBalanceLastsForEverWhenNothingIsSpent() {
    assertThat(LowBalance.runway(cny(10_000), cny(0))).isEmpty();
    assertThat(LowBalance.runway(cny(-500), cny(0))).isEmpty();
  }

  @Test
  void aBalanceLastsItsShareOfADayOfSpend() {
    assertThat(LowBalance.runway(cny(7_200), cny(7_200))).contains(Duration.ofHours(24));
    assertThat(LowBalance.runway(cny(1_000), cny(7_200))).contains(Duration.ofSeconds(12_000));
    // 10.00 at 72.00 a day (3.00 an hour) lasts 3 h 20 min.
    assertThat(LowBalance.runway(cny(1_000), cny(7_200))).contains(Duration.ofMinutes(200));
  }

  @Test
  void anEmptyOrNegativeBalanceHasNoRunwayLeftWhenMoneyIsSpent() {
    assertThat(LowBalance.runway(cny(0), cny(100))).contains(Duration.ZERO);
    assertThat(LowBalance.runway(cny(-1), cny(100))).contains(Duration.ZERO);
  }

  @Test
  void theRunwayOfAnEnormousBalanceIsExactWithoutOverflow() {
    assertThat(LowBalance.runway(cny(Long.MAX_VALUE / 1000), cny(86_400))).contains(Duration.ofSeconds(Long.MAX_VALUE / 1000));
  }

  @ParameterizedTest(name = "balance {0}, threshold {1}, runway {2} s, minimum {3} h -> {4}")
  @CsvSource(nullValues = "-", value = {
      "999, 1000, -, -, THRESHOLD",
      "1000, 1000, -, -, -",
      "1001, 1000, -, -, -",
      "-5, 0, -, -, THRESHOLD",
      "5000, -, 3599, 1, RUNWAY",
      "5000, -, 3600, 1, -",
      "5000, -, -, 1, -",
      "5000, -, 100, -, -",
      "500, 1000, 100, 1, THRESHOLD",
      "2000, 1000, 100, 1, RUNWAY",
      "5000, -, -, -, -"})
  void anAccountIsLowBelowItsThresholdOrUnderItsMinimumRunway(long balance, Long threshold, Long runwaySeconds,
      Integer minimumHours, LowBalance.Reason expected) {
    assertThat(LowBalance.reason(cny(balance), Optional.ofNullable(threshold).map(LowBalanceTest::cny),
        Optional.ofNullable(runwaySeconds).map(Duration::ofSeconds), Optional.ofNullable(minimumHours)))
        .isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void aNoticeIsRaisedOnlyWhenCrossingIntoLowAndTheCrossingEndsOnlyOnRecovery() {
    Optional<LowBalance.Reason> low = Optional.of(LowBalance.Reason.THRESHOLD);
    Optional<LowBalance.Reason> runway = Optional.of(LowBalance.Reason.RUNWAY);
    assertThat(LowBalance.change(false, low)).isEqualTo(LowBalance.Change.RAISE);
    assertThat(LowBalance.change(false, runway)).isEqualTo(LowBalance.Change.RAISE);
    assertThat(LowBalance.change(true, low)).isEqualTo(LowBalance.Change.NONE);
    assertThat(LowBalance.change(true, runway)).as("still low, for another reason").isEqualTo(LowBalance.Change.NONE);
    assertThat(LowBalance.change(true, Optional.empty())).isEqualTo(LowBalance.Change.RECOVER);
    assertThat(LowBalance.change(false, Optional.empty())).isEqualTo(LowBalance.Change.NONE);
  }
}
