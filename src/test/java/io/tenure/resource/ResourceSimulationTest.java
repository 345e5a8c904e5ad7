package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.catalog.BillingPeriod;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.CatalogFile;
import io.tenure.catalog.Plan;
import io.tenure.error.LimitExceededException;
import io.tenure.lifecycle.RenewFrom;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResourceSimulationTest {

  private static final int ROUNDS = 2_000;
  private static final Catalog CATALOG = CatalogFile.demo();
  private static final Plan BASIC = CATALOG.plan("koodrive-basic");
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
      ZoneId.of("Europe/Berlin"), ZoneId.of("UTC"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"),
      ZoneId.of("America/Sao_Paulo"), ZoneId.of("Pacific/Chatham"));
  /** 2000-01-01 to 2040-01-01, wide enough for every leap-year and DST rule in the zones above. */
  private static final long FIRST_SECOND = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
  private static final long LAST_SECOND = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();

  private static Instant randomInstant(Random random) {
    return Instant.ofEpochSecond(random.nextLong(FIRST_SECOND, LAST_SECOND), random.nextInt(1_000_000_000));
  }

  private static void assertEndsAtTheLastLocalSecond(Term term, ZoneId zone, SimulationSeed seed) {
    String context = seed.describe("term %s in %s", term, zone);
    assertThat(term.end()).as(context).isAfter(term.start());
    assertThat(term.end().atZone(zone).toLocalTime()).as(context).isEqualTo(LocalTime.of(23, 59, 59));
    assertThat(term.end().plusSeconds(1).atZone(zone).toLocalDate()).as(context)
        .isEqualTo(term.expiryDate(zone).plusDays(1));
  }

  @Test
  void everyTermEndsAtTheLastLocalSecondOfItsExpiryDateAndAfterItsStart() {
    SimulationSeed seed = SimulationSeed.of("everyTermEnds");
    Random random = seed.random();
    for (int round = 0; round < ROUNDS; round++) {
      ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
      BillingPeriod period = random.nextBoolean() ? BillingPeriod.MONTH : BillingPeriod.YEAR;
      int periods = 1 + random.nextInt(TermRules.MONTHS_MAX / period.months());
      Instant bought = randomInstant(random);
      Term term = TermRules.purchase(bought, zone, period, periods);
      assertEndsAtTheLastLocalSecond(term, zone, seed);
      assertThat(term.expiryDate(zone)).as(seed.describe("expiry of %s", term))
          .isEqualTo(LocalDate.ofInstant(bought, zone).plusMonths((long) periods * period.months()));
      RenewFrom renewFrom = RenewFrom.values()[random.nextInt(RenewFrom.values().length)];
      Instant renewedAt = term.end().plusSeconds(random.nextLong(-40L * 86_400, 40L * 86_400));
      Term renewed = TermRules.renew(term, period, 1 + random.nextInt(12 / period.months()), renewFrom, renewedAt, zone);
      assertEndsAtTheLastLocalSecond(renewed, zone, seed);
      if (renewFrom != RenewFrom.NOW) {
        assertThat(renewed.start()).as(seed.describe("%s renewal of %s at %s", renewFrom, term, renewedAt))
            .isAfterOrEqualTo(term.end());
      }
    }
  }

  @Test
  void chargeAndRefundSequencesNeverCreateMoney() {
    SimulationSeed seed = SimulationSeed.of("chargeAndRefundSequences");
    Random random = seed.random();
    for (int round = 0; round < ROUNDS / 10; round++) {
      Term term = TermRules.purchase(randomInstant(random), ZONES.get(random.nextInt(ZONES.size())), BillingPeriod.MONTH, 1);
      Money planPaid = BASIC.price(BillingPeriod.MONTH).orElseThrow();
      Subscription subscription = new Subscription(BASIC, BillingPeriod.MONTH, 1, term, planPaid, List.of());
      Money charged = planPaid;
      Money refunded = Money.zero(CATALOG.currency());
      Instant at = term.start();
      List<String> history = new ArrayList<>();
      for (int step = 0; step < 12; step++) {
        at = at.plusSeconds(random.nextLong(0, term.length().getSeconds() / 8 + 1));
        Map<String, Long> requested = new LinkedHashMap<>();
        requested.put("koodrive-users", (long) random.nextInt(0, 40));
        requested.put("koodrive-storage", (long) random.nextInt(0, 40));
        AddOnChange change = Pricing.changeAddOns(CATALOG, subscription, requested, at);
        history.add(requested + " at " + at + " -> " + change.quote().lines());
        for (QuoteLine line : change.quote().lines()) {
          if (line.amount().signum() >= 0) {
            charged = charged.plus(line.amount());
          } else {
            refunded = refunded.minus(line.amount());
          }
        }
        subscription = new Subscription(BASIC, BillingPeriod.MONTH, 1, term, planPaid, change.addOns());
        Money paidForAddOns = subscription.addOns().stream().map(AddOnHolding::paid)
            .reduce(Money.zero(CATALOG.currency()), Money::plus);
        assertThat(refunded.plus(paidForAddOns).plus(planPaid)).as(seed.describe("history %s", history))
            .isLessThanOrEqualTo(charged);
      }
      Quote unsubscribed = Pricing.unsubscribe(CATALOG, subscription, at);
      assertThat(refunded.minus(unsubscribed.total())).as(seed.describe("history %s then %s", history, unsubscribed))
          .isLessThanOrEqualTo(charged);
    }
  }

  @Test
  void aRefundNeverExceedsTheChargeItUndoes() {
    SimulationSeed seed = SimulationSeed.of("aRefundNeverExceeds");
    Random random = seed.random();
    for (int round = 0; round < ROUNDS * 5; round++) {
      Money price = new Money(random.nextLong(1, 10_000_000), CATALOG.currency());
      long quantity = random.nextLong(1, 20_000);
      long total = random.nextLong(1, 400L * 86_400);
      ProrationFactor factor = new ProrationFactor(random.nextLong(0, total + 1), total);
      BigDecimal fee = BigDecimal.valueOf(random.nextInt(0, 10_001), 2);
      Money charge = Proration.charge(price, quantity, 1, factor);
      Money refund = Proration.refund(charge, factor, fee);
      String context = seed.describe("price %s × %d, factor %s, fee %s%%", price, quantity, factor, fee);
      assertThat(refund).as(context).isLessThanOrEqualTo(charge).isLessThanOrEqualTo(Proration.unused(charge, factor));
      assertThat(refund.isNegative()).as(context).isFalse();
      // The charge is within half a minor unit of the exact price × quantity × factor.
      BigDecimal exact = BigDecimal.valueOf(price.minor()).multiply(BigDecimal.valueOf(quantity))
          .multiply(factor.remaining()).divide(factor.total(), 10, java.math.RoundingMode.DOWN);
      assertThat(BigDecimal.valueOf(charge.minor()).subtract(exact).abs())
          .as(context).isLessThanOrEqualTo(new BigDecimal("0.5"));
    }
  }

  @Test
  void splittingAnIncreaseSavesAtMostHalfAMinorUnitPerStepAndRemovingAllAtOnceNeverPaysMore() {
    SimulationSeed seed = SimulationSeed.of("splittingAnIncrease");
    Random random = seed.random();
    for (int round = 0; round < ROUNDS; round++) {
      Money price = new Money(random.nextLong(1, 100_000), CATALOG.currency());
      long total = random.nextLong(1, 400L * 86_400);
      ProrationFactor factor = new ProrationFactor(random.nextLong(0, total + 1), total);
      int steps = 1 + random.nextInt(10);
      long quantity = 0;
      Money split = Money.zero(CATALOG.currency());
      for (int step = 0; step < steps; step++) {
        long added = random.nextLong(1, 50);
        quantity += added;
        split = split.plus(Proration.charge(price, added, 1, factor));
      }
      Money once = Proration.charge(price, quantity, 1, factor);
      String context = seed.describe("price %s, factor %s, %d steps to %d units", price, factor, steps, quantity);
      // Each charge rounds half-up on its own, so k steps may differ from one charge by under k/2 + 1/2 units.
      assertThat(Math.abs(split.minor() - once.minor())).as(context).isLessThanOrEqualTo((steps + 1) / 2);
      Money refundOnce = Proration.refund(split, factor, BigDecimal.ZERO);
      assertThat(refundOnce).as(context).isLessThanOrEqualTo(split);
    }
  }

  @Test
  void limitsAcceptExactlyTheRequestsWithinTheMaximum() {
    SimulationSeed seed = SimulationSeed.of("limitsAccept");
    Random random = seed.random();
    for (int round = 0; round < ROUNDS; round++) {
      long users = random.nextLong(1, 40_000);
      long storageUnits = random.nextLong(1, 1_900_000);
      boolean fits = 5 + users <= 20_000 && 200 + storageUnits * 100 <= 95_000_000L;
      Map<String, Long> request = Map.of("koodrive-users", users, "koodrive-storage", storageUnits);
      String context = seed.describe("users %d, storage units %d", users, storageUnits);
      try {
        Map<String, Long> totals = Limits.check(CATALOG, BASIC, request);
        assertThat(fits).as(context).isTrue();
        assertThat(totals).as(context).containsEntry("users", 5 + users).containsEntry("storage_gb", 200 + storageUnits * 100);
      } catch (LimitExceededException refused) {
        assertThat(fits).as(context + " refused: " + refused.getMessage()).isFalse();
      }
    }
  }
}
