package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.catalog.BillingPeriod;
import io.tenure.error.InvalidInputException;
import io.tenure.lifecycle.RenewFrom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TermRulesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static Instant local(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  @Test
  void oneMonthBoughtOnSeed002DateEndsOnTheSameDayNextMonthAtTheLastSecond() {
    Term term = TermRules.purchase(at("2023-03-08T15:50:04+08:00"), SHANGHAI, BillingPeriod.MONTH, 1);
    assertThat(term.start()).isEqualTo(at("2023-03-08T15:50:04+08:00"));
    assertThat(term.end()).isEqualTo(at("2023-04-08T23:59:59+08:00"));
    assertThat(term.expiryDate(SHANGHAI)).isEqualTo(LocalDate.parse("2023-04-08"));
  }

  @Test
  void renewingSeed002TermOnceStartsAtTheOldEndAndAddsAMonth() {
    Term first = TermRules.purchase(at("2023-03-08T15:50:04+08:00"), SHANGHAI, BillingPeriod.MONTH, 1);
    Term second = TermRules.renew(first, BillingPeriod.MONTH, 1, RenewFrom.OLD_END, at("2023-04-01T10:00:00+08:00"), SHANGHAI);
    assertThat(second.start()).isEqualTo(at("2023-04-08T23:59:59+08:00"));
    assertThat(second.end()).isEqualTo(at("2023-05-08T23:59:59+08:00"));
  }

  @Test
  void januaryThirtyFirstPlusOneMonthIsTheLastDayOfFebruary() {
    assertThat(TermRules.purchase(local("2023-01-31T09:00:00", SHANGHAI), SHANGHAI, BillingPeriod.MONTH, 1).end())
        .isEqualTo(local("2023-02-28T23:59:59", SHANGHAI));
    assertThat(TermRules.purchase(local("2024-01-31T09:00:00", SHANGHAI), SHANGHAI, BillingPeriod.MONTH, 1).end())
        .isEqualTo(local("2024-02-29T23:59:59", SHANGHAI));
  }

  @Test
  void februaryTwentyNinthPlusOneYearIsFebruaryTwentyEighth() {
    assertThat(TermRules.purchase(local("2024-02-29T12:00:00", SHANGHAI), SHANGHAI, BillingPeriod.YEAR, 1).end())
        .isEqualTo(local("2025-02-28T23:59:59", SHANGHAI));
    assertThat(TermRules.purchase(local("2024-02-29T12:00:00", SHANGHAI), SHANGHAI, BillingPeriod.YEAR, 4).end())
        .isEqualTo(local("2028-02-29T23:59:59", SHANGHAI));
  }

  @Test
  void augustThirtyFirstPlusSixMonthsIsTheEndOfFebruary() {
    assertThat(TermRules.purchase(local("2023-08-31T08:00:00", SHANGHAI), SHANGHAI, BillingPeriod.MONTH, 6).end())
        .isEqualTo(local("2024-02-29T23:59:59", SHANGHAI));
    assertThat(TermRules.purchase(local("2024-08-31T08:00:00", SHANGHAI), SHANGHAI, BillingPeriod.MONTH, 6).end())
        .isEqualTo(local("2025-02-28T23:59:59", SHANGHAI));
  }

  @Test
  void renewingFromAClampedMonthEndCountsFromTheNewExpiryDate() {
    Term january = TermRules.purchase(local("2023-01-31T09:00:00", SHANGHAI), SHANGHAI, BillingPeriod.MONTH, 1);
    Term february = TermRules.renew(january, BillingPeriod.MONTH, 1, RenewFrom.OLD_END, january.start(), SHANGHAI);
    assertThat(february.end()).isEqualTo(local("2023-03-28T23:59:59", SHANGHAI));
  }

  @Test
  void aYearIsTwelveMonths() {
    Instant start = local("2023-05-17T10:00:00", SHANGHAI);
    assertThat(TermRules.purchase(start, SHANGHAI, BillingPeriod.YEAR, 2))
        .isEqualTo(TermRules.purchase(start, SHANGHAI, BillingPeriod.MONTH, 24));
  }

  @Test
  void theExpiryDateIsTheLocalDateOfPurchaseInTheAccountZoneNotUtc() {
    // 2023-03-08T20:00Z is already 2023-03-09 in Shanghai.
    Term term = TermRules.purchase(Instant.parse("2023-03-08T20:00:00Z"), SHANGHAI, BillingPeriod.MONTH, 1);
    assertThat(term.expiryDate(SHANGHAI)).isEqualTo(LocalDate.parse("2023-04-09"));
    Term utc = TermRules.purchase(Instant.parse("2023-03-08T20:00:00Z"), ZoneId.of("UTC"), BillingPeriod.MONTH, 1);
    assertThat(utc.end()).isEqualTo(Instant.parse("2023-04-08T23:59:59Z"));
  }

  @Test
  void aTermAcrossTheSpringDstChangeEndsAtLocalMidnightMinusOneSecondInNewYork() {
    Term term = TermRules.purchase(local("2024-02-15T10:00:00", NEW_YORK), NEW_YORK, BillingPeriod.MONTH, 1);
    assertThat(term.end()).isEqualTo(at("2024-03-15T23:59:59-04:00"));
    assertThat(term.end().atZone(NEW_YORK).toLocalTime().toString()).isEqualTo("23:59:59");
  }

  @Test
  void aTermAcrossTheAutumnDstChangeEndsAtLocalMidnightMinusOneSecondInBerlin() {
    Term term = TermRules.purchase(local("2024-10-15T10:00:00", BERLIN), BERLIN, BillingPeriod.MONTH, 1);
    assertThat(term.end()).isEqualTo(at("2024-11-15T23:59:59+01:00"));
    assertThat(term.length().toHours()).isEqualTo(31 * 24 + 14);
  }

  @Test
  void aTermEndingOnTheDayOfADstChangeStillEndsAtTwentyThreeFiftyNineFiftyNine() {
    Term spring = TermRules.purchase(local("2024-02-10T10:00:00", NEW_YORK), NEW_YORK, BillingPeriod.MONTH, 1);
    assertThat(spring.end()).isEqualTo(at("2024-03-10T23:59:59-04:00"));
    Term autumn = TermRules.purchase(local("2024-09-27T10:00:00", BERLIN), BERLIN, BillingPeriod.MONTH, 1);
    assertThat(autumn.end()).isEqualTo(at("2024-10-27T23:59:59+01:00"));
  }

  @Test
  void endOfDayIsTheSecondBeforeTheNextDayEvenWhenMidnightIsSkipped() {
    // Sao Paulo skipped 00:00-01:00 on 2018-11-04: the last second of 2018-11-03 is 23:59:59 -03:00.
    ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
    Instant end = TermRules.endOfDay(LocalDate.parse("2018-11-03"), saoPaulo);
    assertThat(end).isEqualTo(at("2018-11-03T23:59:59-03:00"));
    assertThat(end.plusSeconds(1).atZone(saoPaulo).toLocalDate()).isEqualTo(LocalDate.parse("2018-11-04"));
  }

  @Test
  void renewingAfterExpiryCountsFromTheOldEndByDefault() {
    Term term = TermRules.purchase(at("2023-03-08T15:50:04+08:00"), SHANGHAI, BillingPeriod.MONTH, 1);
    Instant inGrace = at("2023-04-20T09:00:00+08:00");
    Term renewed = TermRules.renew(term, BillingPeriod.MONTH, 1, RenewFrom.OLD_END, inGrace, SHANGHAI);
    assertThat(renewed.start()).isEqualTo(at("2023-04-08T23:59:59+08:00"));
    assertThat(renewed.end()).isEqualTo(at("2023-05-08T23:59:59+08:00"));
  }

  @Test
  void renewingFromNowStartsAtTheRenewalInstant() {
    Term term = TermRules.purchase(at("2023-03-08T15:50:04+08:00"), SHANGHAI, BillingPeriod.MONTH, 1);
    Instant inGrace = at("2023-04-20T09:00:00+08:00");
    Term renewed = TermRules.renew(term, BillingPeriod.MONTH, 2, RenewFrom.NOW, inGrace, SHANGHAI);
    assertThat(renewed.start()).isEqualTo(inGrace);
    assertThat(renewed.end()).isEqualTo(at("2023-06-20T23:59:59+08:00"));
  }

  @Test
  void renewingFromTheLaterOfTakesTheOldEndBeforeExpiryAndNowAfterIt() {
    Term term = TermRules.purchase(at("2023-03-08T15:50:04+08:00"), SHANGHAI, BillingPeriod.MONTH, 1);
    Instant early = at("2023-04-01T09:00:00+08:00");
    Instant late = at("2023-04-20T09:00:00+08:00");
    assertThat(TermRules.renew(term, BillingPeriod.MONTH, 1, RenewFrom.LATER_OF, early, SHANGHAI))
        .isEqualTo(new Term(term.end(), at("2023-05-08T23:59:59+08:00")));
    assertThat(TermRules.renew(term, BillingPeriod.MONTH, 1, RenewFrom.LATER_OF, late, SHANGHAI))
        .isEqualTo(new Term(late, at("2023-05-20T23:59:59+08:00")));
  }

  @Test
  void renewingByAYearAddsTwelveMonthsToTheExpiryDate() {
    Term term = TermRules.purchase(local("2024-02-29T08:00:00", SHANGHAI), SHANGHAI, BillingPeriod.MONTH, 1);
    Term renewed = TermRules.renew(term, BillingPeriod.YEAR, 1, RenewFrom.OLD_END, term.start(), SHANGHAI);
    assertThat(renewed.end()).isEqualTo(local("2025-03-29T23:59:59", SHANGHAI));
  }

  @Test
  void refusesZeroOrNegativePeriodsNamingTheField() {
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    for (int periods : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> TermRules.purchase(now, SHANGHAI, BillingPeriod.MONTH, periods))
          .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Field 'periods':")
          .extracting("code").isEqualTo("INVALID_FIELD");
    }
  }

  @Test
  void acceptsUpToTenYearsAndRefusesMore() {
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    assertThat(TermRules.purchase(now, SHANGHAI, BillingPeriod.MONTH, 120).expiryDate(SHANGHAI))
        .isEqualTo(LocalDate.parse("2034-01-01"));
    assertThat(TermRules.purchase(now, SHANGHAI, BillingPeriod.YEAR, 10).expiryDate(SHANGHAI))
        .isEqualTo(LocalDate.parse("2034-01-01"));
    assertThatThrownBy(() -> TermRules.purchase(now, SHANGHAI, BillingPeriod.MONTH, 121))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("120 months");
    assertThatThrownBy(() -> TermRules.purchase(now, SHANGHAI, BillingPeriod.YEAR, 11))
        .extracting("code").isEqualTo("INVALID_FIELD");
    assertThatThrownBy(() -> TermRules.purchase(now, SHANGHAI, BillingPeriod.YEAR, Integer.MAX_VALUE))
        .extracting("code").isEqualTo("INVALID_FIELD");
  }

  @Test
  void aPurchaseAtTheLastSecondOfADayStillLastsTheWholePeriod() {
    Instant lastSecond = local("2023-06-30T23:59:59", SHANGHAI);
    Term term = TermRules.purchase(lastSecond, SHANGHAI, BillingPeriod.MONTH, 1);
    assertThat(term.end()).isEqualTo(local("2023-07-30T23:59:59", SHANGHAI));
  }

  @Test
  void aTermMustEndAfterItStarts() {
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    assertThatThrownBy(() -> new Term(now, now)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTermEndInOffsetFormMatchesTheZonedWallClock() {
    Term term = TermRules.purchase(local("2024-03-31T01:30:00", BERLIN), BERLIN, BillingPeriod.MONTH, 1);
    ZonedDateTime end = term.end().atZone(BERLIN);
    assertThat(end.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2024-04-30T23:59:59"));
  }
}
