package io.tenure.lifecycle;

import static io.tenure.lifecycle.Fixtures.BOUGHT;
import static io.tenure.lifecycle.Fixtures.SHANGHAI;
import static io.tenure.lifecycle.Fixtures.prepaid;
import static io.tenure.lifecycle.Fixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TimelineTest {

  static List<LifecycleState> states() {
    List<LifecycleState> states = new ArrayList<>();
    for (Policy policy : PolicyPresets.ALL) {
      if (policy.trigger() == Trigger.EXPIRY) {
        states.add(prepaid(policy, "V1"));
        states.add(Fixtures.withAutoRenew(prepaid(policy, "default")));
      } else {
        states.add(Lifecycle.startArrears(LifecycleState.payAsYouGo(policy, "standard", SHANGHAI, BOUGHT),
            shanghai("2023-04-02T10:00:00")));
      }
    }
    return states;
  }

  /** Every due instant here is on the hour, so hourly steps process each event exactly when it falls due. */
  @ParameterizedTest
  @MethodSource("states")
  void theTimelineIsTheSequenceOfEventsAndPhasesReachedByStepping(LifecycleState state) {
    Instant from = BOUGHT.truncatedTo(ChronoUnit.HOURS);
    Instant until = from.plus(Duration.ofDays(120));

    List<LifecycleEvent> projected = Timeline.project(state, from, until);

    List<LifecycleEvent> stepped = new ArrayList<>();
    List<Phase> phasesReached = new ArrayList<>();
    LifecycleState current = state;
    for (Instant now = from.plus(Duration.ofHours(1)); !now.isAfter(until); now = now.plus(Duration.ofHours(1))) {
      Transition transition = Lifecycle.advance(current, now);
      stepped.addAll(transition.events());
      if (transition.state().phase() != current.phase()) {
        phasesReached.add(transition.state().phase());
      }
      current = transition.state();
    }
    assertThat(projected).isNotEmpty().isEqualTo(stepped);
    assertThat(Fixtures.transitionsOnly(projected)).extracting(LifecycleEvent::phase).isEqualTo(phasesReached);
  }

  @org.junit.jupiter.api.Test
  void anActiveResourceIsProjectedUnderItsPlansNewestPolicyAndAFrozenOneUnderItsOwn() {
    LifecycleState active = prepaid(PolicyPresets.TENCENT_DRIVE, "V1");
    Instant until = BOUGHT.plus(Duration.ofDays(400));

    List<LifecycleEvent> followed = Timeline.project(active, BOUGHT, until, PolicyPresets.HUAWEI_DRIVE, ReleaseConfirmation.BY_PROVIDER);
    assertThat(followed).isEqualTo(Timeline.project(prepaid(PolicyPresets.HUAWEI_DRIVE, "V1"), BOUGHT, until));

    LifecycleState frozen = Lifecycle.advance(active, Fixtures.TERM_END.plus(Duration.ofDays(2))).state();
    assertThat(frozen.phase()).isEqualTo(Phase.FROZEN);
    assertThat(Lifecycle.underNewestPolicy(frozen, PolicyPresets.HUAWEI_DRIVE)).isEqualTo(frozen);
    assertThat(Lifecycle.underNewestPolicy(active, PolicyPresets.ALIBABA_PAYG)).as("another trigger").isEqualTo(active);
  }

  @org.junit.jupiter.api.Test
  void aReleaseNobodyConfirmsIsProjectedAsCompletedAtTheInstantItIsRequested() {
    LifecycleState state = prepaid(PolicyPresets.TENCENT_DRIVE, "V1");
    Instant until = BOUGHT.plus(Duration.ofDays(400));

    List<LifecycleEvent> atOnce = Timeline.project(state, BOUGHT, until, state.policy(), ReleaseConfirmation.AT_ONCE);
    List<LifecycleEvent> byProvider = Timeline.project(state, BOUGHT, until);

    LifecycleEvent requested = byProvider.getLast();
    assertThat(requested.type()).isEqualTo(EventType.RELEASE_REQUESTED);
    assertThat(atOnce.subList(0, byProvider.size())).isEqualTo(byProvider);
    assertThat(atOnce.getLast()).isEqualTo(new LifecycleEvent(requested.at(), EventType.RELEASED, Phase.RELEASED));
  }
}
