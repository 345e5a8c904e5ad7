package io.tenure.lifecycle;

import static io.tenure.lifecycle.Fixtures.BOUGHT;
import static io.tenure.lifecycle.Fixtures.instantsOf;
import static io.tenure.lifecycle.Fixtures.notices;
import static io.tenure.lifecycle.Fixtures.prepaid;
import static io.tenure.lifecycle.Fixtures.shanghai;
import static io.tenure.lifecycle.Fixtures.stepThrough;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.lifecycle.Effect.SendNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NoticesTest {

  private static final Instant RELEASE = shanghai("2023-05-09T00:00:00");

  private final LifecycleState tencent = prepaid(PolicyPresets.TENCENT_DRIVE, "default");

  @Test
  void expiryWarningsFallDueAtLocalMidnightSevenThreeAndOneDaysBeforeTheExpiryDate() {
    Transition lived = stepThrough(tencent, shanghai("2024-01-01T00:00:00"));

    assertThat(notices(lived.effects(), NoticeType.EXPIRY_WARNING)).containsExactly(
        new SendNotice(NoticeType.EXPIRY_WARNING, shanghai("2023-04-01T00:00:00"), Optional.of(RELEASE)),
        new SendNotice(NoticeType.EXPIRY_WARNING, shanghai("2023-04-05T00:00:00"), Optional.of(RELEASE)),
        new SendNotice(NoticeType.EXPIRY_WARNING, shanghai("2023-04-07T00:00:00"), Optional.of(RELEASE)));
  }

  @Test
  void warningDaysAreConfigurable() {
    Transition lived = stepThrough(tencent.withWarningDaysBefore(List.of(10, 2)), shanghai("2024-01-01T00:00:00"));

    assertThat(instantsOf(lived.events(), EventType.EXPIRY_WARNING))
        .containsExactly(shanghai("2023-03-29T00:00:00"), shanghai("2023-04-06T00:00:00"));
  }

  @Test
  void overdueRemindersGoOutOnTheExpiryDateAndDailyUntilTheReleaseIsRequested() {
    Transition lived = stepThrough(tencent, shanghai("2024-01-01T00:00:00"));

    // 2023-04-09 has none: the EXPIRED and FROZEN notices of that instant say it all.
    List<Instant> expected = Stream.concat(Stream.of(shanghai("2023-04-08T00:00:00")),
        Stream.iterate(shanghai("2023-04-10T00:00:00"), at -> at.isBefore(RELEASE), at -> at.plus(Duration.ofDays(1))))
        .toList();
    assertThat(instantsOf(lived.events(), EventType.OVERDUE_REMINDER)).isEqualTo(expected).hasSize(30);
    assertThat(notices(lived.effects(), NoticeType.OVERDUE_REMINDER))
        .allSatisfy(notice -> assertThat(notice.releaseAt()).contains(RELEASE));
  }

  @Test
  void expiryOfTencentDriveSendsExpiredFrozenAndReleaseScheduledWithTheReleaseInstant() {
    Transition expiry = Lifecycle.advance(Lifecycle.advance(tencent, shanghai("2023-04-08T12:00:00")).state(),
        shanghai("2023-04-09T00:00:00"));
    Instant at = shanghai("2023-04-09T00:00:00");

    assertThat(expiry.effects()).containsExactly(
        new Effect.TellProvider(ProviderCommand.FROZEN, ServiceLevel.NONE, at),
        new SendNotice(NoticeType.EXPIRED, at, Optional.of(RELEASE)),
        new SendNotice(NoticeType.FROZEN, at, Optional.of(RELEASE)),
        new SendNotice(NoticeType.RELEASE_SCHEDULED, at, Optional.of(RELEASE)));
  }

  @Test
  void huaweiDriveSchedulesTheReleaseWhenItsLastPhaseBegins() {
    Transition lived = stepThrough(prepaid(PolicyPresets.HUAWEI_DRIVE, "V3"), shanghai("2024-01-01T00:00:00"));
    Optional<Instant> release = Optional.of(shanghai("2023-04-23T00:00:00"));

    assertThat(notices(lived.effects(), NoticeType.EXPIRED))
        .containsExactly(new SendNotice(NoticeType.EXPIRED, shanghai("2023-04-09T00:00:00"), release));
    assertThat(notices(lived.effects(), NoticeType.FROZEN))
        .containsExactly(new SendNotice(NoticeType.FROZEN, shanghai("2023-04-16T00:00:00"), release));
    assertThat(notices(lived.effects(), NoticeType.RELEASE_SCHEDULED))
        .containsExactly(new SendNotice(NoticeType.RELEASE_SCHEDULED, shanghai("2023-04-16T00:00:00"), release));
  }

  @Test
  void confirmingTheReleaseSendsReleasedWithTheInstantItFellDueAndTellsTheProvider() {
    LifecycleState pending = Lifecycle.advance(tencent, shanghai("2023-05-10T00:00:00")).state();

    Transition released = Lifecycle.confirmRelease(pending, shanghai("2023-05-10T08:00:00"));

    assertThat(released.state().phase()).isEqualTo(Phase.RELEASED);
    assertThat(released.effects()).containsExactly(
        new SendNotice(NoticeType.RELEASED, shanghai("2023-05-10T08:00:00"), Optional.of(RELEASE)),
        new Effect.TellProvider(ProviderCommand.RELEASED, ServiceLevel.NONE, shanghai("2023-05-10T08:00:00")));
  }

  @Test
  void anIndefinitePhaseCarriesNoReleaseInstant() {
    Transition lived = stepThrough(prepaid(PolicyPresets.WEDATA_EDITION, "default"), shanghai("2023-04-12T00:00:00"));

    assertThat(notices(lived.effects(), NoticeType.EXPIRED)).singleElement()
        .satisfies(notice -> assertThat(notice.releaseAt()).isEmpty());
    assertThat(notices(lived.effects(), NoticeType.RELEASE_SCHEDULED)).isEmpty();
    assertThat(instantsOf(lived.events(), EventType.OVERDUE_REMINDER)).containsExactly(
        shanghai("2023-04-08T00:00:00"), shanghai("2023-04-10T00:00:00"), shanghai("2023-04-11T00:00:00"),
        shanghai("2023-04-12T00:00:00"));
  }

  @Test
  void catchingUpTwoDaysBeforeExpirySendsOnlyTheThreeDayWarning() {
    Transition caughtUp = Lifecycle.advance(tencent, shanghai("2023-04-06T12:00:00"));

    assertThat(caughtUp.effects()).containsExactly(
        new SendNotice(NoticeType.EXPIRY_WARNING, shanghai("2023-04-05T00:00:00"), Optional.of(RELEASE)));
  }

  @Test
  void catchingUpPastTheExpirySkipsStaleWarningsAndRemindersButNotThePhaseChangeNotices() {
    Transition caughtUp = Lifecycle.advance(tencent, shanghai("2023-04-20T12:00:00"));

    assertThat(caughtUp.events()).containsExactly(
        new LifecycleEvent(shanghai("2023-04-09T00:00:00"), EventType.ENTERED_FROZEN, Phase.FROZEN),
        new LifecycleEvent(shanghai("2023-04-20T00:00:00"), EventType.OVERDUE_REMINDER, Phase.FROZEN));
    assertThat(caughtUp.effects()).extracting(Effect::at).doesNotContain(shanghai("2023-04-05T00:00:00"));
    assertThat(notices(caughtUp.effects(), NoticeType.EXPIRED)).hasSize(1);
    assertThat(notices(caughtUp.effects(), NoticeType.RELEASE_SCHEDULED)).hasSize(1);
  }

  @Test
  void catchingUpPastTheReleaseKeepsEveryTransitionAtItsOwnInstant() {
    Transition caughtUp = Lifecycle.advance(tencent, shanghai("2024-06-01T00:00:00"));

    assertThat(caughtUp.events()).containsExactly(
        new LifecycleEvent(shanghai("2023-04-09T00:00:00"), EventType.ENTERED_FROZEN, Phase.FROZEN),
        new LifecycleEvent(RELEASE, EventType.RELEASE_REQUESTED, Phase.RELEASE_PENDING));
    assertThat(caughtUp.effects()).filteredOn(SendNotice.class::isInstance).extracting(effect -> ((SendNotice) effect).type())
        .containsExactly(NoticeType.EXPIRED, NoticeType.FROZEN, NoticeType.RELEASE_SCHEDULED);
  }

  @Test
  void noNoticeIsSentTwice() {
    Transition first = Lifecycle.advance(tencent, shanghai("2023-04-05T08:00:00"));

    Transition again = Lifecycle.advance(first.state(), shanghai("2023-04-05T09:00:00"));

    assertThat(first.events()).isNotEmpty();
    assertThat(again.events()).isEmpty();
    assertThat(again.state()).isEqualTo(first.state());
  }

  @Test
  void eventsAreStampedWithTheInstantTheyFellDueNotTheInstantTheyWereProcessed() {
    Transition late = Lifecycle.advance(tencent, shanghai("2023-04-01T17:45:00"));

    assertThat(late.events()).extracting(LifecycleEvent::at).containsExactly(shanghai("2023-04-01T00:00:00"));
  }

  @Test
  void payAsYouGoRemindersStartTheMidnightAfterTheArrearsBegan() {
    LifecycleState state = Lifecycle.startArrears(LifecycleState.payAsYouGo(PolicyPresets.ALIBABA_PAYG, "silver",
        Fixtures.SHANGHAI, BOUGHT), shanghai("2023-06-01T10:17:33"));

    Transition lived = stepThrough(state, shanghai("2023-06-03T12:00:00"));

    assertThat(instantsOf(lived.events(), EventType.OVERDUE_REMINDER))
        .containsExactly(shanghai("2023-06-02T00:00:00"), shanghai("2023-06-03T00:00:00"));
    assertThat(notices(lived.effects(), NoticeType.EXPIRED)).isEmpty();
    assertThat(notices(lived.effects(), NoticeType.FROZEN)).extracting(Effect::at)
        .containsExactly(shanghai("2023-06-02T10:17:33"));
  }
}
