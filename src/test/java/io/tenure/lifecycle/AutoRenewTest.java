package io.tenure.lifecycle;

import static io.tenure.lifecycle.Fixtures.instantsOf;
import static io.tenure.lifecycle.Fixtures.prepaid;
import static io.tenure.lifecycle.Fixtures.shanghai;
import static io.tenure.lifecycle.Fixtures.stepThrough;
import static io.tenure.lifecycle.Fixtures.withAutoRenew;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.lifecycle.Effect.TryAutoRenew;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AutoRenewTest {

  private final LifecycleState tencent = withAutoRenew(prepaid(PolicyPresets.TENCENT_DRIVE, "default"));

  private static List<Instant> days(String firstLocal, String lastLocal) {
    Instant last = shanghai(lastLocal);
    return Stream.iterate(shanghai(firstLocal), at -> !at.isAfter(last), at -> at.plus(Duration.ofDays(1))).toList();
  }

  @Test
  void checksDailyFromSevenDaysBeforeTheExpiryDateThroughFrozenUntilTheRelease() {
    Transition lived = stepThrough(tencent, shanghai("2024-01-01T00:00:00"));

    assertThat(instantsOf(lived.events(), EventType.AUTO_RENEW_CHECK))
        .isEqualTo(days("2023-04-01T00:00:00", "2023-05-08T00:00:00"));
  }

  @Test
  void onlyTheChecksFromTheExpiryDateOnMayRenew() {
    Transition lived = stepThrough(tencent, shanghai("2023-04-10T00:00:00"));

    assertThat(lived.effects()).filteredOn(TryAutoRenew.class::isInstance)
        .extracting(effect -> ((TryAutoRenew) effect).at() + " " + ((TryAutoRenew) effect).renewWhenFunded())
        .containsExactly(
            shanghai("2023-04-01T00:00:00") + " false", shanghai("2023-04-02T00:00:00") + " false",
            shanghai("2023-04-03T00:00:00") + " false", shanghai("2023-04-04T00:00:00") + " false",
            shanghai("2023-04-05T00:00:00") + " false", shanghai("2023-04-06T00:00:00") + " false",
            shanghai("2023-04-07T00:00:00") + " false", shanghai("2023-04-08T00:00:00") + " true",
            shanghai("2023-04-09T00:00:00") + " true", shanghai("2023-04-10T00:00:00") + " true");
  }

  @Test
  void aCheckThatDoesNotRenewReleasesTheHeldReminderAsItsEventAndNotice() {
    LifecycleState state = Lifecycle.advance(tencent, shanghai("2023-04-07T12:00:00")).state();
    Transition check = Lifecycle.step(state, shanghai("2023-04-08T00:00:00"));

    assertThat(check.events()).extracting(LifecycleEvent::type).containsExactly(EventType.AUTO_RENEW_CHECK);
    Transition reminder = Lifecycle.reminderUnlessRenewed(check.state(), (TryAutoRenew) check.effects().getFirst());

    assertThat(reminder.events()).extracting(LifecycleEvent::type).containsExactly(EventType.OVERDUE_REMINDER);
    assertThat(reminder.effects()).extracting(effect -> ((Effect.SendNotice) effect).type())
        .containsExactly(NoticeType.OVERDUE_REMINDER);
  }

  @Test
  void noChecksWhenAutoRenewalIsOff() {
    Transition lived = stepThrough(prepaid(PolicyPresets.TENCENT_DRIVE, "default"), shanghai("2024-01-01T00:00:00"));

    assertThat(instantsOf(lived.events(), EventType.AUTO_RENEW_CHECK)).isEmpty();
  }

  @Test
  void catchingUpKeepsTheLastCheckOfEachPhaseSoTheExpiryDateCheckRunsBeforeTheExpiry() {
    LifecycleState threeDaysBefore = Lifecycle.advance(tencent, shanghai("2023-04-05T12:00:00")).state();

    Transition caughtUp = Lifecycle.advance(threeDaysBefore, shanghai("2023-04-13T12:00:00"));

    assertThat(instantsOf(caughtUp.events(), EventType.AUTO_RENEW_CHECK))
        .containsExactly(shanghai("2023-04-08T00:00:00"), shanghai("2023-04-13T00:00:00"));
  }

  @Test
  void anEngineThatRenewsOnTheExpiryDateCheckPreventsTheExpiry() {
    LifecycleState state = Lifecycle.advance(tencent, shanghai("2023-04-07T12:00:00")).state();

    Transition check = Lifecycle.step(state, shanghai("2023-04-20T00:00:00"));
    assertThat(check.effects()).hasSize(1).first().isInstanceOfSatisfying(TryAutoRenew.class, tryIt -> {
      assertThat(tryIt.at()).isEqualTo(shanghai("2023-04-08T00:00:00"));
      assertThat(tryIt.renewWhenFunded()).isTrue();
    });
    assertThat(check.events()).extracting(LifecycleEvent::type).containsExactly(EventType.AUTO_RENEW_CHECK);
    Transition renewed = Lifecycle.renew(check.state(), shanghai("2023-05-08T23:59:59"), shanghai("2023-04-08T00:00:00"));
    Transition after = Lifecycle.advance(renewed.state(), shanghai("2023-04-20T00:00:00"));

    assertThat(after.state().phase()).isEqualTo(Phase.ACTIVE);
    assertThat(Fixtures.transitionsOnly(after.events())).isEmpty();
  }

  @Test
  void stepHandlesOnlyTheEarliestDueInstant() {
    Transition first = Lifecycle.step(tencent, shanghai("2023-04-20T00:00:00"));

    // Superseded by the later warnings and checks due by then, yet recorded as handled.
    assertThat(first.events()).isEmpty();
    assertThat(first.state().periodicHandledThrough()).isEqualTo(shanghai("2023-04-01T00:00:00"));
    assertThat(first.state().phase()).isEqualTo(Phase.ACTIVE);
  }
}
