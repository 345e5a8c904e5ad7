package io.tenure.lifecycle;

import static io.tenure.lifecycle.Fixtures.BOUGHT;
import static io.tenure.lifecycle.Fixtures.SHANGHAI;
import static io.tenure.lifecycle.Fixtures.notices;
import static io.tenure.lifecycle.Fixtures.prepaid;
import static io.tenure.lifecycle.Fixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.error.RejectedException;
import io.tenure.lifecycle.Effect.SendNotice;
import io.tenure.lifecycle.Effect.TellProvider;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestoreTest {

  private static final Instant ONE_MONTH_LATER = shanghai("2023-05-08T23:59:59");

  @Test
  void renewingInGraceRestoresAtOnce() {
    LifecycleState grace = Lifecycle.advance(prepaid(PolicyPresets.HUAWEI_DRIVE, "V3"), shanghai("2023-04-11T09:00:00")).state();
    Instant now = shanghai("2023-04-11T10:00:00");

    Transition renewed = Lifecycle.renew(grace, ONE_MONTH_LATER, now);

    assertThat(renewed.state().phase()).isEqualTo(Phase.ACTIVE);
    assertThat(renewed.state().termEnd()).isEqualTo(ONE_MONTH_LATER);
    assertThat(renewed.events()).containsExactly(new LifecycleEvent(now, EventType.RENEWED, Phase.GRACE),
        new LifecycleEvent(now, EventType.RESTORED, Phase.ACTIVE));
    assertThat(renewed.effects()).containsExactly(new SendNotice(NoticeType.RENEWED, now, Optional.empty()),
        new TellProvider(ProviderCommand.RESTORE, ServiceLevel.FULL, now),
        new SendNotice(NoticeType.RESTORED, now, Optional.empty()));
    assertThat(Timeline.nextTransition(renewed.state()))
        .contains(new PhaseChange(Phase.GRACE, shanghai("2023-05-09T00:00:00")));
  }

  @Test
  void renewingWhileFrozenRestoresAtOnce() {
    LifecycleState frozen = Lifecycle.advance(prepaid(PolicyPresets.TENCENT_DRIVE, "default"), shanghai("2023-04-20T00:00:00")).state();

    Transition renewed = Lifecycle.renew(frozen, ONE_MONTH_LATER, shanghai("2023-04-20T08:00:00"));

    assertThat(renewed.state().phase()).isEqualTo(Phase.ACTIVE);
    assertThat(renewed.state().serviceLevel()).isEqualTo(ServiceLevel.FULL);
    assertThat(renewed.events()).extracting(LifecycleEvent::type).containsExactly(EventType.RENEWED, EventType.RESTORED);
  }

  @Test
  void renewingAnActiveResourceOnlyMovesItsTermEnd() {
    LifecycleState active = prepaid(PolicyPresets.TENCENT_DRIVE, "default");
    Instant now = shanghai("2023-03-20T08:00:00");

    Transition renewed = Lifecycle.renew(active, ONE_MONTH_LATER, now);

    assertThat(renewed.state().phase()).isEqualTo(Phase.ACTIVE);
    assertThat(renewed.events()).containsExactly(new LifecycleEvent(now, EventType.RENEWED, Phase.ACTIVE));
    assertThat(renewed.effects()).containsExactly(new SendNotice(NoticeType.RENEWED, now, Optional.empty()));
    assertThat(Timeline.nextTransition(renewed.state()))
        .contains(new PhaseChange(Phase.FROZEN, shanghai("2023-05-09T00:00:00")));
  }

  @Test
  void aRestoredResourceIsWarnedAgainForItsNewTerm() {
    LifecycleState frozen = Lifecycle.advance(prepaid(PolicyPresets.TENCENT_DRIVE, "default"), shanghai("2023-04-20T00:00:00")).state();
    LifecycleState restored = Lifecycle.renew(frozen, ONE_MONTH_LATER, shanghai("2023-04-20T08:00:00")).state();

    Transition lived = Fixtures.stepThrough(restored, shanghai("2023-05-08T12:00:00"));

    assertThat(Fixtures.instantsOf(lived.events(), EventType.EXPIRY_WARNING)).containsExactly(
        shanghai("2023-05-01T00:00:00"), shanghai("2023-05-05T00:00:00"), shanghai("2023-05-07T00:00:00"));
    assertThat(Fixtures.instantsOf(lived.events(), EventType.OVERDUE_REMINDER))
        .containsExactly(shanghai("2023-05-08T00:00:00"));
  }

  @Test
  void renewingAfterTheReleaseIsRequestedIsRefused() {
    LifecycleState active = prepaid(PolicyPresets.TENCENT_DRIVE, "default");

    // The state is stale: renew catches it up first, so the release that fell due wins.
    assertThatThrownBy(() -> Lifecycle.renew(active, ONE_MONTH_LATER, shanghai("2023-05-09T00:00:00")))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("RESOURCE_RELEASED");
  }

  @Test
  void renewingAReleasedResourceIsRefused() {
    LifecycleState pending = Lifecycle.advance(prepaid(PolicyPresets.TENCENT_DRIVE, "default"), shanghai("2023-05-10T00:00:00")).state();
    LifecycleState released = Lifecycle.confirmRelease(pending, shanghai("2023-05-10T00:00:00")).state();

    assertThatThrownBy(() -> Lifecycle.renew(released, shanghai("2023-06-08T23:59:59"), shanghai("2023-05-11T00:00:00")))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("RESOURCE_RELEASED");
  }

  @Test
  void unsubscribingTellsTheProviderToStopTheResourceForGoodAndRequestsNoRelease() {
    Instant now = shanghai("2023-03-20T00:00:00");
    Transition unsubscribed = Lifecycle.unsubscribe(prepaid(PolicyPresets.TENCENT_DRIVE, "default"), now);

    assertThat(unsubscribed.effects()).containsExactly(new TellProvider(ProviderCommand.UNSUBSCRIBED, ServiceLevel.NONE, now));
  }

  @Test
  void renewingAnUnsubscribedResourceIsRefused() {
    LifecycleState unsubscribed = Lifecycle.unsubscribe(prepaid(PolicyPresets.TENCENT_DRIVE, "default"),
        shanghai("2023-03-20T00:00:00")).state();

    assertThat(unsubscribed.phase()).isEqualTo(Phase.UNSUBSCRIBED);
    assertThatThrownBy(() -> Lifecycle.renew(unsubscribed, ONE_MONTH_LATER, shanghai("2023-03-21T00:00:00")))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("RESOURCE_UNSUBSCRIBED");
  }

  @Test
  void aRenewalWhoseTermHasAlreadyEndedIsRefused() {
    LifecycleState locked = Lifecycle.advance(prepaid(PolicyPresets.WEDATA_EDITION, "default"), shanghai("2023-07-01T00:00:00")).state();

    assertThatThrownBy(() -> Lifecycle.renew(locked, ONE_MONTH_LATER, shanghai("2023-07-01T00:00:00")))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("RENEWAL_TOO_SHORT");
  }

  @Test
  void clearingArrearsRestoresAFrozenPayAsYouGoResource() {
    LifecycleState inArrears = Lifecycle.startArrears(
        LifecycleState.payAsYouGo(PolicyPresets.ALIBABA_PAYG, "standard", SHANGHAI, BOUGHT), shanghai("2023-06-01T10:00:00"));
    Instant now = shanghai("2023-06-01T13:00:00");

    Transition cleared = Lifecycle.clearArrears(inArrears, now);

    assertThat(cleared.events()).extracting(LifecycleEvent::type)
        .containsExactly(EventType.ENTERED_GRACE, EventType.ENTERED_FROZEN, EventType.RESTORED);
    assertThat(cleared.state().phase()).isEqualTo(Phase.ACTIVE);
    assertThat(cleared.state().arrearsStartedAt()).isNull();
    assertThat(notices(cleared.effects(), NoticeType.RESTORED)).extracting(Effect::at).containsExactly(now);
    assertThat(Lifecycle.nextDueAt(cleared.state())).isEmpty();
  }

  @Test
  void clearingArrearsLeavesAReleasedResourceReleased() {
    LifecycleState inArrears = Lifecycle.startArrears(
        LifecycleState.payAsYouGo(PolicyPresets.ALIBABA_PAYG, "standard", SHANGHAI, BOUGHT), shanghai("2023-06-01T10:00:00"));

    Transition cleared = Lifecycle.clearArrears(inArrears, shanghai("2023-07-01T00:00:00"));

    assertThat(cleared.state().phase()).isEqualTo(Phase.RELEASE_PENDING);
    assertThat(cleared.events()).extracting(LifecycleEvent::type).doesNotContain(EventType.RESTORED);
  }

  @Test
  void startingArrearsTwiceKeepsTheFirstInstant() {
    LifecycleState once = Lifecycle.startArrears(
        LifecycleState.payAsYouGo(PolicyPresets.ALIBABA_PAYG, "gold", SHANGHAI, BOUGHT), shanghai("2023-06-01T10:00:00"));

    assertThat(Lifecycle.startArrears(once, shanghai("2023-06-02T10:00:00"))).isEqualTo(once);
  }

  @Test
  void confirmingAReleaseTwiceIsHarmlessAndConfirmingOneNeverRequestedIsRefused() {
    LifecycleState pending = Lifecycle.advance(prepaid(PolicyPresets.TENCENT_DRIVE, "default"), shanghai("2023-05-10T00:00:00")).state();
    LifecycleState released = Lifecycle.confirmRelease(pending, shanghai("2023-05-10T00:00:00")).state();

    assertThat(Lifecycle.confirmRelease(released, shanghai("2023-05-11T00:00:00")).state()).isEqualTo(released);
    assertThatThrownBy(() -> Lifecycle.confirmRelease(prepaid(PolicyPresets.TENCENT_DRIVE, "default"), BOUGHT))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("RELEASE_NOT_REQUESTED");
  }
}
