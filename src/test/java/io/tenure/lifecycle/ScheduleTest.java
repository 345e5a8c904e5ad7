package io.tenure.lifecycle;

import static io.tenure.lifecycle.Fixtures.BOUGHT;
import static io.tenure.lifecycle.Fixtures.SHANGHAI;
import static io.tenure.lifecycle.Fixtures.at;
import static io.tenure.lifecycle.Fixtures.prepaid;
import static io.tenure.lifecycle.Fixtures.shanghai;
import static io.tenure.lifecycle.Fixtures.termEndOn;
import static io.tenure.lifecycle.Fixtures.transitionsOnly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

  private static List<LifecycleEvent> transitionsOf(LifecycleState state, Instant from) {
    return transitionsOnly(Timeline.project(state, from, from.plus(Duration.ofDays(800))));
  }

  private static LifecycleEvent event(Instant at, EventType type, Phase phase) {
    return new LifecycleEvent(at, type, phase);
  }

  @Test
  void tencentDriveBoughtForOneMonthFreezesOnApril9AndIsReleasedOnMay9() {
    LifecycleState state = prepaid(PolicyPresets.TENCENT_DRIVE, "default");

    assertThat(transitionsOf(state, BOUGHT)).containsExactly(
        event(shanghai("2023-04-09T00:00:00"), EventType.ENTERED_FROZEN, Phase.FROZEN),
        event(shanghai("2023-05-09T00:00:00"), EventType.RELEASE_REQUESTED, Phase.RELEASE_PENDING));
    assertThat(Lifecycle.advance(state, shanghai("2023-04-08T23:59:59")).state().phase()).isEqualTo(Phase.ACTIVE);
    assertThat(Lifecycle.advance(state, shanghai("2023-04-09T00:00:00")).state().phase()).isEqualTo(Phase.FROZEN);
    assertThat(Lifecycle.advance(state, shanghai("2023-05-08T23:59:59")).state().phase()).isEqualTo(Phase.FROZEN);
    assertThat(Lifecycle.advance(state, shanghai("2023-05-09T00:00:00")).state().phase())
        .isEqualTo(Phase.RELEASE_PENDING);
  }

  @Test
  void wedataExecutionIsReleasedOnApril16() {
    assertThat(transitionsOf(prepaid(PolicyPresets.WEDATA_EXECUTION, "default"), BOUGHT)).containsExactly(
        event(shanghai("2023-04-09T00:00:00"), EventType.ENTERED_FROZEN, Phase.FROZEN),
        event(shanghai("2023-04-16T00:00:00"), EventType.RELEASE_REQUESTED, Phase.RELEASE_PENDING));
  }

  @Test
  void wedataEditionStaysLockedForeverAndIsNeverReleased() {
    LifecycleState state = prepaid(PolicyPresets.WEDATA_EDITION, "default");

    assertThat(transitionsOf(state, BOUGHT)).containsExactly(
        event(shanghai("2023-04-09T00:00:00"), EventType.ENTERED_FROZEN, Phase.FROZEN));
    LifecycleState locked = Lifecycle.advance(state, shanghai("2030-01-01T00:00:00")).state();
    assertThat(locked.phase()).isEqualTo(Phase.FROZEN);
    assertThat(Timeline.nextTransition(locked)).isEmpty();
    assertThat(Schedule.releaseAt(state)).isEmpty();
  }

  @ParameterizedTest(name = "tier {0}: grace from D+1, frozen from D+{1}, released at D+{2}")
  @CsvSource({"V0, 2, 3", "V1, 2, 9", "V2, 2, 9", "V3, 8, 15", "V4, 8, 23", "V5, 8, 23", "default, 16, 31",
      "platinum, 16, 31"})
  void huaweiDriveGivesEachTierItsGraceAndRetentionDays(String tier, int frozenDay, int releaseDay) {
    LocalDate expiryDate = LocalDate.of(2023, 4, 8);

    assertThat(transitionsOf(prepaid(PolicyPresets.HUAWEI_DRIVE, tier), BOUGHT)).containsExactly(
        event(expiryDate.plusDays(1).atStartOfDay(SHANGHAI).toInstant(), EventType.ENTERED_GRACE, Phase.GRACE),
        event(expiryDate.plusDays(frozenDay).atStartOfDay(SHANGHAI).toInstant(), EventType.ENTERED_FROZEN, Phase.FROZEN),
        event(expiryDate.plusDays(releaseDay).atStartOfDay(SHANGHAI).toInstant(), EventType.RELEASE_REQUESTED,
            Phase.RELEASE_PENDING));
  }

  @Test
  void huaweiDriveTierV3WorkedDates() {
    assertThat(transitionsOf(prepaid(PolicyPresets.HUAWEI_DRIVE, "V3"), BOUGHT)).extracting(LifecycleEvent::at)
        .containsExactly(shanghai("2023-04-09T00:00:00"), shanghai("2023-04-16T00:00:00"),
            shanghai("2023-04-23T00:00:00"));
  }

  @Test
  void huaweiDriveGraceServiceIsLimitedAndFrozenServiceIsNone() {
    LifecycleState state = prepaid(PolicyPresets.HUAWEI_DRIVE, "V3");

    assertThat(Lifecycle.advance(state, shanghai("2023-04-10T00:00:00")).state().serviceLevel())
        .isEqualTo(ServiceLevel.LIMITED);
    assertThat(Lifecycle.advance(state, shanghai("2023-04-17T00:00:00")).state().serviceLevel())
        .isEqualTo(ServiceLevel.NONE);
  }

  @ParameterizedTest(name = "tier {0}: arrears period {1}")
  @CsvSource({"standard, PT2H", "silver, PT24H", "gold, P7D", "default, PT24H", "bronze, PT24H"})
  void alibabaPayAsYouGoRunsForTheTiersArrearsPeriodThenFreezesForFifteenExactDays(String tier, Duration arrears) {
    Instant arrearsStart = shanghai("2023-06-01T10:17:33");
    LifecycleState state = Lifecycle.startArrears(
        LifecycleState.payAsYouGo(PolicyPresets.ALIBABA_PAYG, tier, SHANGHAI, shanghai("2023-05-01T09:00:00")),
        arrearsStart);

    assertThat(transitionsOf(state, shanghai("2023-05-01T09:00:00"))).containsExactly(
        event(arrearsStart, EventType.ENTERED_GRACE, Phase.GRACE),
        event(arrearsStart.plus(arrears), EventType.ENTERED_FROZEN, Phase.FROZEN),
        event(arrearsStart.plus(arrears).plus(Duration.ofDays(15)), EventType.RELEASE_REQUESTED, Phase.RELEASE_PENDING));
  }

  @Test
  void payAsYouGoWithoutArrearsHasNothingDue() {
    LifecycleState state = LifecycleState.payAsYouGo(PolicyPresets.ALIBABA_PAYG, "gold", SHANGHAI, BOUGHT);

    assertThat(Lifecycle.nextDueAt(state)).isEmpty();
    assertThat(Lifecycle.advance(state, BOUGHT.plus(Duration.ofDays(1000))).state()).isEqualTo(state);
  }

  @Test
  void arrearsPhasesAcrossDaylightSavingLastExactHours() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Instant arrearsStart = at("2024-03-09T12:00:00", newYork);
    LifecycleState state = Lifecycle.startArrears(
        LifecycleState.payAsYouGo(PolicyPresets.ALIBABA_PAYG, "gold", newYork, arrearsStart.minusSeconds(60)),
        arrearsStart);

    assertThat(transitionsOf(state, arrearsStart.minusSeconds(60)).get(1).at()).isEqualTo(arrearsStart.plus(Duration.ofHours(7 * 24)));
  }

  @Test
  void expiryDaysInADaylightSavingZoneStartAtLocalMidnight() {
    ZoneId newYork = ZoneId.of("America/New_York");
    LifecycleState state = LifecycleState.prepaid(PolicyPresets.TENCENT_DRIVE, "default", newYork,
        termEndOn(LocalDate.of(2024, 3, 9), newYork), LifecycleState.AutoRenew.OFF, at("2024-02-09T08:00:00", newYork));

    // The clocks go forward on 2024-03-10: the frozen days are 23 and 24 hours long, each from local midnight.
    assertThat(transitionsOf(state, at("2024-02-09T08:00:00", newYork))).extracting(LifecycleEvent::at)
        .containsExactly(Instant.parse("2024-03-10T05:00:00Z"), Instant.parse("2024-04-09T04:00:00Z"));
  }

  @Test
  void aDayWhoseMidnightIsSkippedStartsAtItsFirstInstant() {
    ZoneId santiago = ZoneId.of("America/Santiago");
    LifecycleState state = LifecycleState.prepaid(PolicyPresets.WEDATA_EXECUTION, "default", santiago,
        termEndOn(LocalDate.of(2023, 9, 2), santiago), LifecycleState.AutoRenew.OFF, at("2023-08-02T08:00:00", santiago));

    // Chile moved from 24:00 to 01:00 on 2023-09-03: that day begins at 01:00 -03:00.
    assertThat(transitionsOf(state, at("2023-08-02T08:00:00", santiago)).getFirst().at())
        .isEqualTo(Instant.parse("2023-09-03T04:00:00Z"));
  }

  @Test
  void aTermEndingOnNewYearsEveFreezesOnJanuaryFirst() {
    LifecycleState state = LifecycleState.prepaid(PolicyPresets.TENCENT_DRIVE, "default", SHANGHAI,
        shanghai("2023-12-31T23:59:59"), LifecycleState.AutoRenew.OFF, shanghai("2023-11-30T10:00:00"));

    assertThat(transitionsOf(state, shanghai("2023-11-30T10:00:00"))).extracting(LifecycleEvent::at)
        .containsExactly(shanghai("2024-01-01T00:00:00"), shanghai("2024-01-31T00:00:00"));
  }

  @Test
  void phasesCrossTheLeapDayAsWholeDays() {
    LifecycleState state = LifecycleState.prepaid(PolicyPresets.HUAWEI_DRIVE, "V0", SHANGHAI,
        shanghai("2024-02-28T23:59:59"), LifecycleState.AutoRenew.OFF, shanghai("2024-01-28T10:00:00"));

    assertThat(transitionsOf(state, shanghai("2024-01-28T10:00:00"))).extracting(LifecycleEvent::at)
        .containsExactly(shanghai("2024-02-29T00:00:00"), shanghai("2024-03-01T00:00:00"),
            shanghai("2024-03-02T00:00:00"));
  }

  @Test
  void nextTransitionNamesThePhaseAndInstant() {
    LifecycleState state = prepaid(PolicyPresets.HUAWEI_DRIVE, "V3");

    assertThat(Timeline.nextTransition(state))
        .contains(new PhaseChange(Phase.GRACE, shanghai("2023-04-09T00:00:00")));
    assertThat(Timeline.nextTransition(Lifecycle.advance(state, shanghai("2023-04-20T00:00:00")).state()))
        .contains(new PhaseChange(Phase.RELEASE_PENDING, shanghai("2023-04-23T00:00:00")));
  }

  @Test
  void aPolicyWithoutPhasesReleasesAtExpiry() {
    Policy immediate = new Policy("immediate", Trigger.EXPIRY, List.of(), RenewFrom.OLD_END,
        java.math.BigDecimal.ZERO, Policy.GroupRule.NONE);

    assertThat(transitionsOf(prepaid(immediate, "default"), BOUGHT)).containsExactly(
        event(shanghai("2023-04-09T00:00:00"), EventType.RELEASE_REQUESTED, Phase.RELEASE_PENDING));
  }
}
