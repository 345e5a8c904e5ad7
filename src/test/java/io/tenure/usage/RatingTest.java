package io.tenure.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.lifecycle.Phase;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatingTest {
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Instant END = Instant.parse("2026-03-01T11:00:00Z");
  private static final Instant START = END.minus(Rating.HOUR);

  private static RatedResource ecs(Instant createdAt, Phase phase, Instant phaseStartedAt) {
    return new RatedResource("res_1", "ECS", Map.of("vcpu_hours", new BigDecimal("0.1234565"), "egress_gb", new BigDecimal("0.50")),
        Optional.of(Money.parse("3.00", CNY, "price")), createdAt, phase, phaseStartedAt);
  }

  private static HourUsage usage(String meter, Instant hour, String quantity) {
    return new HourUsage("res_1", meter, hour, new BigDecimal(quantity), true);
  }

  @Test
  void aMeterLineIsQuantityTimesUnitPriceRoundedHalfUpOnce() {
    assertThat(Rating.meterAmount(new BigDecimal("1"), new BigDecimal("0.005"), CNY)).isEqualTo(Money.parse("0.01", CNY, "x"));
    assertThat(Rating.meterAmount(new BigDecimal("1"), new BigDecimal("0.004999999"), CNY)).isEqualTo(Money.zero(CNY));
    assertThat(Rating.meterAmount(new BigDecimal("12345678901234.123456"), new BigDecimal("0.000001"), CNY))
        .isEqualTo(Money.parse("12345678.90", CNY, "x"));
  }

  @Test
  void aWholeHourInServiceCostsTheHourlyPriceExactly() {
    assertThat(Rating.inService(ecs(START.minusSeconds(7200), Phase.ACTIVE, START.minusSeconds(7200)), END)).isEqualTo(Rating.HOUR);
    assertThat(Rating.hourlyAmount(Money.parse("3.00", CNY, "x"), Rating.HOUR)).isEqualTo(Money.parse("3.00", CNY, "x"));
  }

  @Test
  void thePurchaseHourIsProratedByTheSecondAndRoundedHalfUp() {
    RatedResource bought = ecs(START.plusSeconds(1200), Phase.ACTIVE, START.plusSeconds(1200));
    assertThat(Rating.inService(bought, END)).isEqualTo(Duration.ofSeconds(2400));
    assertThat(Rating.hourlyAmount(Money.parse("3.00", CNY, "x"), Duration.ofSeconds(2400))).isEqualTo(Money.parse("2.00", CNY, "x"));
    // 0.10 × 1/3600 = 0.0000277…: below half a fen.
    assertThat(Rating.hourlyAmount(Money.parse("0.10", CNY, "x"), Duration.ofSeconds(1))).isEqualTo(Money.zero(CNY));
    // 0.10 × 180/3600 = 0.005: half a fen rounds up.
    assertThat(Rating.hourlyAmount(Money.parse("0.10", CNY, "x"), Duration.ofSeconds(180))).isEqualTo(Money.parse("0.01", CNY, "x"));
  }

  @Test
  void graceKeepsServiceAndStoppingOrUnsubscribingEndsItWithinTheHour() {
    Instant older = START.minusSeconds(86_400);
    assertThat(Rating.inService(ecs(older, Phase.GRACE, START.plusSeconds(60)), END)).isEqualTo(Rating.HOUR);
    assertThat(Rating.inService(ecs(older, Phase.FROZEN, START.plusSeconds(900)), END)).isEqualTo(Duration.ofSeconds(900));
    assertThat(Rating.inService(ecs(older, Phase.UNSUBSCRIBED, START.plusSeconds(1800)), END)).isEqualTo(Duration.ofSeconds(1800));
    assertThat(Rating.inService(ecs(older, Phase.FROZEN, START.minusSeconds(1)), END)).isZero();
    assertThat(Rating.inService(ecs(older, Phase.RELEASED, START.plusSeconds(10)), END)).isZero();
    assertThat(Rating.inService(ecs(END, Phase.ACTIVE, END), END)).as("bought at the hour's end").isZero();
  }

  @Test
  void linesGoHourlyPriceThenThisHoursMetersThenAdjustmentsNamingTheirHour() {
    RatedResource resource = ecs(START.minusSeconds(86_400), Phase.ACTIVE, START.minusSeconds(86_400));
    List<RatedLine> lines = Rating.rate(END, CNY, List.of(resource), List.of(
        usage("vcpu_hours", START.minus(Rating.HOUR), "2"), usage("vcpu_hours", START, "10"), usage("egress_gb", START, "1.5")));
    assertThat(lines).extracting(RatedLine::description).containsExactly(
        "ECS (res_1), 2026-03-01 10:00–11:00 UTC: hourly price 3.00",
        "ECS (res_1), 2026-03-01 10:00–11:00 UTC: egress_gb 1.5 × 0.5",
        "ECS (res_1), 2026-03-01 10:00–11:00 UTC: vcpu_hours 10 × 0.1234565",
        "Adjustment for 2026-03-01 09:00–10:00 UTC: ECS (res_1), vcpu_hours 2 × 0.1234565");
    assertThat(lines).extracting(line -> line.amount().toString()).containsExactly("3.00", "0.75", "1.23", "0.25");
    assertThat(lines).extracting(RatedLine::adjustment).containsExactly(false, false, false, true);
  }

  @Test
  void usageOfAResourceThatCannotBePricedIsRatedAtZeroAndStillListed() {
    List<RatedLine> lines = Rating.rate(END, CNY, List.of(), List.of(usage("vcpu_hours", START, "3")));
    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line.amount()).isEqualTo(Money.zero(CNY));
      assertThat(line.description()).contains("(no price)");
    });
  }

  @Test
  void hoursAreUtcBoundaries() {
    assertThat(Rating.hourStart(Instant.parse("2026-03-01T10:59:59.999Z"))).isEqualTo(START);
    assertThat(Rating.hourEndAfter(START)).isEqualTo(END);
  }
}
