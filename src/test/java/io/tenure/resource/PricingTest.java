package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.catalog.BillingPeriod;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.CatalogFile;
import io.tenure.catalog.Plan;
import io.tenure.error.InvalidInputException;
import io.tenure.error.LimitExceededException;
import io.tenure.error.NotFoundException;
import io.tenure.lifecycle.RenewFrom;
import io.tenure.money.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {

  private static final Currency CNY = Currency.getInstance("CNY");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Catalog CATALOG = CatalogFile.demo();
  private static final Plan BASIC = CATALOG.plan("koodrive-basic");
  private static final Instant BOUGHT = OffsetDateTime.parse("2023-03-08T15:50:04+08:00").toInstant();

  private static Money cny(String amount) {
    return Money.parse(amount, CNY, "amount");
  }

  private static Map<String, Long> addOns(Object... codesAndQuantities) {
    Map<String, Long> addOns = new LinkedHashMap<>();
    for (int index = 0; index < codesAndQuantities.length; index += 2) {
      addOns.put((String) codesAndQuantities[index], ((Number) codesAndQuantities[index + 1]).longValue());
    }
    return addOns;
  }

  @Test
  void seed002BasicEditionForOneMonthCosts180() {
    Quote quote = Pricing.purchase(CATALOG, BASIC, Map.of(), BillingPeriod.MONTH, 1);
    assertThat(quote.lines()).containsExactly(new QuoteLine("KooDrive Basic, 1 month", cny("180.00")));
    assertThat(quote.total()).isEqualTo(cny("180.00"));
    assertThat(quote.total().toString()).isEqualTo("180.00");
  }

  @Test
  void seed002BoughtAndRenewedOnceByHandIsTwoBillsOf180() {
    Quote purchase = Pricing.purchase(CATALOG, BASIC, Map.of(), BillingPeriod.MONTH, 1);
    Term term = TermRules.purchase(BOUGHT, SHANGHAI, BillingPeriod.MONTH, 1);
    Quote renewal = Pricing.purchase(CATALOG, BASIC, Map.of(), BillingPeriod.MONTH, 1);
    Term renewed = TermRules.renew(term, BillingPeriod.MONTH, 1, RenewFrom.OLD_END, term.end().minusSeconds(3600), SHANGHAI);
    assertThat(List.of(purchase.total(), renewal.total())).containsExactly(cny("180.00"), cny("180.00"));
    assertThat(purchase.total().plus(renewal.total())).isEqualTo(cny("360.00"));
    assertThat(renewed.start()).isEqualTo(term.end());
  }

  @Test
  void seed002BasicEditionWithFiveExtraUsersIsOneBillOf193Point75() {
    Quote quote = Pricing.purchase(CATALOG, BASIC, addOns("koodrive-users", 5), BillingPeriod.MONTH, 1);
    assertThat(quote.lines()).containsExactly(
        new QuoteLine("KooDrive Basic, 1 month", cny("180.00")),
        new QuoteLine("User expansion × 5, 1 month", cny("13.75")));
    assertThat(quote.total()).isEqualTo(cny("193.75"));
  }

  @Test
  void severalPeriodsMultiplyEveryLine() {
    Quote quote = Pricing.purchase(CATALOG, BASIC, addOns("koodrive-users", 5, "koodrive-storage", 2), BillingPeriod.MONTH, 3);
    assertThat(quote.lines()).extracting(QuoteLine::amount).containsExactly(cny("540.00"), cny("41.25"), cny("60.00"));
    assertThat(quote.lines()).extracting(QuoteLine::description)
        .containsExactly("KooDrive Basic, 3 months", "User expansion × 5, 3 months", "Storage expansion 100 GB × 2, 3 months");
    assertThat(quote.total()).isEqualTo(cny("641.25"));
  }

  @Test
  void yearlyPeriodsUseTheYearlyPrices() {
    Quote quote = Pricing.purchase(CATALOG, BASIC, addOns("koodrive-users", 1), BillingPeriod.YEAR, 2);
    assertThat(quote.lines()).containsExactly(
        new QuoteLine("KooDrive Basic, 2 years", cny("3600.00")),
        new QuoteLine("User expansion × 1, 2 years", cny("55.00")));
  }

  @Test
  void payAsYouGoPlansCannotBeBoughtForPeriods() {
    assertThatThrownBy(() -> Pricing.purchase(CATALOG, CATALOG.plan("ecs-general"), Map.of(), BillingPeriod.MONTH, 1))
        .isInstanceOf(InvalidInputException.class).extracting("code").isEqualTo("PLAN_NOT_PREPAID");
  }

  @Test
  void refusesInvalidPeriodsAndQuantitiesBeforePricing() {
    assertThatThrownBy(() -> Pricing.purchase(CATALOG, BASIC, Map.of(), BillingPeriod.MONTH, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Field 'periods':");
    assertThatThrownBy(() -> Pricing.purchase(CATALOG, BASIC, addOns("koodrive-users", 0), BillingPeriod.MONTH, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Field 'addOns.koodrive-users.quantity':")
        .extracting("code").isEqualTo("INVALID_FIELD");
    assertThatThrownBy(() -> Pricing.purchase(CATALOG, BASIC, addOns("koodrive-users", -3), BillingPeriod.MONTH, 1))
        .extracting("code").isEqualTo("INVALID_FIELD");
  }

  @Test
  void refusesUnknownAndDisallowedAddOns() {
    assertThatThrownBy(() -> Pricing.purchase(CATALOG, BASIC, addOns("no-such-add-on", 1), BillingPeriod.MONTH, 1))
        .isInstanceOf(NotFoundException.class).extracting("code").isEqualTo("ADD_ON_NOT_FOUND");
    Plan tencent = CATALOG.plan("tencent-drive-enterprise");
    assertThatThrownBy(() -> Pricing.purchase(CATALOG, tencent, addOns("koodrive-users", 1), BillingPeriod.MONTH, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("koodrive-users")
        .extracting("code").isEqualTo("ADD_ON_NOT_ALLOWED");
  }

  @Test
  void refusesAPurchaseOverThePlanLimit() {
    assertThatThrownBy(() -> Pricing.purchase(CATALOG, BASIC, addOns("koodrive-users", 19_996), BillingPeriod.MONTH, 1))
        .isInstanceOf(LimitExceededException.class).extracting("code").isEqualTo("PLAN_LIMIT_EXCEEDED");
  }

  /** Bought one second later than seed 002, so the term lasts an even number of seconds and has an exact middle. */
  private static final Instant BOUGHT_EVEN = BOUGHT.plusSeconds(1);

  private static Instant halfway(Term term) {
    long totalSeconds = term.length().getSeconds();
    assertThat(totalSeconds % 2).isZero();
    return term.end().minusSeconds(totalSeconds / 2);
  }

  private static Subscription basicWithUsers(long users) {
    Term term = TermRules.purchase(BOUGHT_EVEN, SHANGHAI, BillingPeriod.MONTH, 1);
    List<AddOnHolding> holdings = users == 0 ? List.of()
        : List.of(new AddOnHolding("koodrive-users", users, cny("2.75").times(users)));
    return new Subscription(BASIC, BillingPeriod.MONTH, 1, term, cny("180.00"), holdings);
  }

  @Test
  void addingUsersMidTermChargesThePriceTimesTheFactorRoundedHalfUp() {
    Subscription subscription = basicWithUsers(5);
    Instant halfway = halfway(subscription.term());
    AddOnChange change = Pricing.changeAddOns(CATALOG, subscription, addOns("koodrive-users", 8), halfway);
    // 2.75 × 3 × 1/2 = 4.125 → 4.13
    assertThat(change.quote().lines()).containsExactly(
        new QuoteLine("User expansion × 3 for KooDrive Basic added for the rest of the term", cny("4.13")));
    assertThat(change.quote().total()).isEqualTo(cny("4.13"));
    assertThat(change.addOns()).containsExactly(new AddOnHolding("koodrive-users", 8, cny("17.88")));
  }

  @Test
  void removingUsersMidTermRefundsTheirShareTimesTheFactorRoundedDown() {
    Subscription subscription = basicWithUsers(5);
    Instant halfway = halfway(subscription.term());
    AddOnChange change = Pricing.changeAddOns(CATALOG, subscription, addOns("koodrive-users", 2), halfway);
    // removed 3 of 5 units paid 13.75: share 8.25, × 1/2 = 4.125 → 4.12
    assertThat(change.quote().lines()).containsExactly(
        new QuoteLine("User expansion × 3 for KooDrive Basic removed, unused part refunded", cny("-4.12")));
    assertThat(change.addOns()).containsExactly(new AddOnHolding("koodrive-users", 2, cny("5.50")));
  }

  @Test
  void removingEveryUnitDropsTheHolding() {
    Subscription subscription = basicWithUsers(5);
    AddOnChange change = Pricing.changeAddOns(CATALOG, subscription, Map.of(), subscription.term().start());
    assertThat(change.quote().total()).isEqualTo(cny("-13.75"));
    assertThat(change.addOns()).isEmpty();
    AddOnChange zero = Pricing.changeAddOns(CATALOG, subscription, addOns("koodrive-users", 0), subscription.term().start());
    assertThat(zero).isEqualTo(change);
  }

  @Test
  void anUnchangedQuantityIsNeitherChargedNorRefunded() {
    Subscription subscription = basicWithUsers(5);
    AddOnChange change = Pricing.changeAddOns(CATALOG, subscription, addOns("koodrive-users", 5), BOUGHT.plusSeconds(60));
    assertThat(change.quote().lines()).isEmpty();
    assertThat(change.quote().total()).isEqualTo(cny("0"));
    assertThat(change.addOns()).isEqualTo(subscription.addOns());
  }

  @Test
  void addingANewAddOnMidTermUsesTheTermsPeriods() {
    Term term = TermRules.purchase(BOUGHT, SHANGHAI, BillingPeriod.MONTH, 3);
    Subscription subscription = new Subscription(BASIC, BillingPeriod.MONTH, 3, term, cny("540.00"), List.of());
    AddOnChange change = Pricing.changeAddOns(CATALOG, subscription, addOns("koodrive-storage", 1), BOUGHT);
    assertThat(change.quote().total()).isEqualTo(cny("30.00"));
  }

  @Test
  void aChangeOverTheLimitIsRefusedAndNothingIsPriced() {
    Subscription subscription = basicWithUsers(5);
    assertThatThrownBy(() -> Pricing.changeAddOns(CATALOG, subscription, addOns("koodrive-users", 19_996), BOUGHT))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("20000").hasMessageContaining("20001");
    assertThatThrownBy(() -> Pricing.changeAddOns(CATALOG, subscription, addOns("koodrive-users", -1), BOUGHT))
        .extracting("code").isEqualTo("INVALID_FIELD");
  }

  @Test
  void unsubscribingRefundsTheUnusedPartOfEverythingPaid() {
    Subscription subscription = basicWithUsers(5);
    Instant halfway = halfway(subscription.term());
    Quote refund = Pricing.unsubscribe(CATALOG, subscription, halfway);
    assertThat(refund.lines()).containsExactly(
        new QuoteLine("KooDrive Basic, unused part refunded", cny("-90.00")),
        new QuoteLine("User expansion × 5 for KooDrive Basic, unused part refunded", cny("-6.87")));
    assertThat(refund.total()).isEqualTo(cny("-96.87"));
  }

  @Test
  void describesPeriodsInWords() {
    assertThat(Pricing.describe(BillingPeriod.MONTH, 1)).isEqualTo("1 month");
    assertThat(Pricing.describe(BillingPeriod.MONTH, 2)).isEqualTo("2 months");
    assertThat(Pricing.describe(BillingPeriod.YEAR, 1)).isEqualTo("1 year");
    assertThat(Pricing.describe(BillingPeriod.YEAR, 5)).isEqualTo("5 years");
  }

  @Test
  void aPlanNotSoldByAPeriodIsRefused() {
    Plan monthly = new Plan("monthly", "koodrive", "Monthly", BASIC.mode(), Map.of(BillingPeriod.MONTH, cny("1.00")),
        Map.of(), Map.of(), List.of(), "huawei-drive", false, java.util.Optional.empty(), List.of());
    assertThatThrownBy(() -> Pricing.pricePerPeriod(monthly, BillingPeriod.YEAR))
        .isInstanceOf(InvalidInputException.class).extracting("code").isEqualTo("PERIOD_NOT_OFFERED");
  }
}
