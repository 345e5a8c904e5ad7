package io.tenure.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized check that catching up in one call gives the same states and transitions as living
 * through the same time in many small calls, and that only periodic events may be missing from the big
 * call. Replay a failure with {@code -Dsim.seed=<seed>}.
 */
class LifecycleSimulationTest {

  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
      ZoneId.of("Europe/London"), ZoneId.of("America/Santiago"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("UTC"));
  private static final List<String> TIERS = List.of("V0", "V1", "V2", "V3", "V4", "V5", "default", "standard",
      "silver", "gold", "platinum");
  private static final int SCENARIOS = 60;
  private static final Duration HORIZON = Duration.ofDays(400);

  @Test
  void oneBigAdvanceEqualsManySmallAdvancesExceptForSupersededNotices() {
    long seed = Long.getLong("sim.seed", new Random().nextLong());
    System.out.println("LifecycleSimulationTest seed: " + seed + " (replay with -Dsim.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int scenario = 0; scenario < SCENARIOS; scenario++) {
      Instant start = Instant.parse("2023-01-01T00:00:00Z").plusSeconds(random.nextLong(3L * 365 * 86_400));
      LifecycleState state = randomState(random, start);
      String context = "seed " + seed + ", scenario " + scenario + ", state " + state;

      Transition big = Lifecycle.advance(state, start.plus(HORIZON));
      Transition daily = advanceInSteps(state, start, random, true);
      Transition irregular = advanceInSteps(state, start, random, false);

      for (Transition small : List.of(daily, irregular)) {
        assertThat(big.state()).as(context).isEqualTo(small.state());
        assertThat(Fixtures.transitionsOnly(big.events())).as(context).isEqualTo(Fixtures.transitionsOnly(small.events()));
        assertThat(small.events()).as(context).containsSubsequence(big.events());
      }
      assertThat(Fixtures.transitionsOnly(Timeline.project(state, start, start.plus(HORIZON))))
          .as(context).isEqualTo(Fixtures.transitionsOnly(big.events()));
      assertEventsInDueOrder(daily.events(), context);
      assertNoticesStateTheActualRelease(daily, context);
    }
  }

  private static LifecycleState randomState(Random random, Instant start) {
    Policy policy = PolicyPresets.ALL.get(random.nextInt(PolicyPresets.ALL.size()));
    String tier = TIERS.get(random.nextInt(TIERS.size()));
    ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
    if (policy.trigger() == Trigger.ARREARS) {
      LifecycleState payAsYouGo = LifecycleState.payAsYouGo(policy, tier, zone, start);
      return Lifecycle.startArrears(payAsYouGo, start.plusSeconds(random.nextLong(60L * 86_400)));
    }
    LocalDate expiryDate = start.atZone(zone).toLocalDate().plusMonths(1 + random.nextInt(12));
    LifecycleState.AutoRenew autoRenew = random.nextBoolean() ? new LifecycleState.AutoRenew(true, 1)
        : LifecycleState.AutoRenew.OFF;
    LifecycleState state = LifecycleState.prepaid(policy, tier, zone, Fixtures.termEndOn(expiryDate, zone), autoRenew, start);
    return random.nextBoolean() ? state : state.withWarningDaysBefore(List.of(1 + random.nextInt(30), 1 + random.nextInt(5)));
  }

  /** Daily steps, or irregular ones from a minute to three days, ending exactly at the horizon. */
  private static Transition advanceInSteps(LifecycleState state, Instant start, Random random, boolean daily) {
    Instant end = start.plus(HORIZON);
    List<LifecycleEvent> events = new ArrayList<>();
    List<Effect> effects = new ArrayList<>();
    LifecycleState current = state;
    Instant now = start;
    while (now.isBefore(end)) {
      Duration step = daily ? Duration.ofDays(1) : Duration.ofSeconds(60 + random.nextLong(3L * 86_400));
      now = now.plus(step).isAfter(end) ? end : now.plus(step);
      Transition transition = Lifecycle.advance(current, now);
      events.addAll(transition.events());
      effects.addAll(transition.effects());
      current = transition.state();
    }
    return new Transition(current, events, effects);
  }

  private static void assertEventsInDueOrder(List<LifecycleEvent> events, String context) {
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).at()).as(context + ", event " + i).isAfterOrEqualTo(events.get(i - 1).at());
    }
  }

  /** Every notice that names a release instant names the one at which the release was actually requested. */
  private static void assertNoticesStateTheActualRelease(Transition lived, String context) {
    List<Instant> releases = Fixtures.instantsOf(lived.events(), EventType.RELEASE_REQUESTED);
    lived.effects().stream().filter(Effect.SendNotice.class::isInstance).map(Effect.SendNotice.class::cast)
        .forEach(notice -> {
          if (releases.isEmpty()) {
            return;
          }
          assertThat(notice.releaseAt()).as(context + ", " + notice).contains(releases.getFirst());
        });
  }
}
