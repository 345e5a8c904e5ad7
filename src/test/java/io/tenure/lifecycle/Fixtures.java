package io.tenure.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Shared builders for the lifecycle tests; every calendar example of SPEC.md is in Asia/Shanghai. */
final class Fixtures {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** Seed 002: bought for one month at 2023-03-08 15:50:04 +08:00. */
  static final Instant BOUGHT = shanghai("2023-03-08T15:50:04");

  /** Seed 002: the term of that purchase ends 2023-04-08 23:59:59 +08:00. */
  static final Instant TERM_END = shanghai("2023-04-08T23:59:59");

  private Fixtures() {}

  static Instant shanghai(String localDateTime) {
    return at(localDateTime, SHANGHAI);
  }

  static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  /** 23:59:59 local on the expiry date: how a term ends (SPEC.md section 2). */
  static Instant termEndOn(LocalDate expiryDate, ZoneId zone) {
    return expiryDate.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
  }

  static LifecycleState prepaid(Policy policy, String tier) {
    return LifecycleState.prepaid(policy, tier, SHANGHAI, TERM_END, LifecycleState.AutoRenew.OFF, BOUGHT);
  }

  static LifecycleState withAutoRenew(LifecycleState state) {
    return state.withAutoRenew(new LifecycleState.AutoRenew(true, 1));
  }

  /** Advances through every due instant up to {@code until}, one call per instant, collecting the results. */
  static Transition stepThrough(LifecycleState state, Instant until) {
    List<LifecycleEvent> events = new ArrayList<>();
    List<Effect> effects = new ArrayList<>();
    LifecycleState current = state;
    for (var due = Lifecycle.nextDueAt(current); due.isPresent() && !due.get().isAfter(until);
        due = Lifecycle.nextDueAt(current)) {
      Transition transition = Lifecycle.advance(current, due.get());
      events.addAll(transition.events());
      effects.addAll(transition.effects());
      current = transition.state();
    }
    return new Transition(current, events, effects);
  }

  static List<LifecycleEvent> transitionsOnly(List<LifecycleEvent> events) {
    return events.stream().filter(event -> !event.type().isPeriodic()).toList();
  }

  static List<Instant> instantsOf(List<LifecycleEvent> events, EventType type) {
    return events.stream().filter(event -> event.type() == type).map(LifecycleEvent::at).toList();
  }

  static List<Effect.SendNotice> notices(List<Effect> effects, NoticeType type) {
    return effects.stream().filter(Effect.SendNotice.class::isInstance).map(Effect.SendNotice.class::cast)
        .filter(notice -> notice.type() == type).toList();
  }
}
