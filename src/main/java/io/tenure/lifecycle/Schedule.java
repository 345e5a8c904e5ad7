package io.tenure.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The calendar of SPEC.md section 2: when a resource expires, when each policy phase ends and when it is
 * released. "00:00 local" is always {@link LocalDate#atStartOfDay(ZoneId)}, which is right on days where a
 * daylight-saving change skips midnight.
 */
final class Schedule {

  private Schedule() {}

  static Instant startOfDay(LocalDate date, ZoneId zone) {
    return date.atStartOfDay(zone).toInstant();
  }

  /** The first 00:00 local strictly after {@code instant}. */
  static Instant firstStartOfDayAfter(Instant instant, ZoneId zone) {
    return startOfDay(instant.atZone(zone).toLocalDate().plusDays(1), zone);
  }

  /** The first 00:00 local at or after {@code instant}. */
  static Instant firstStartOfDayFrom(Instant instant, ZoneId zone) {
    Instant sameDay = startOfDay(instant.atZone(zone).toLocalDate(), zone);
    return sameDay.equals(instant) ? sameDay : firstStartOfDayAfter(instant, zone);
  }

  /** The instant the first policy phase begins, if the trigger has happened or is scheduled. */
  static Optional<Instant> triggerAt(LifecycleState state) {
    return switch (state.policy().trigger()) {
      case EXPIRY -> Optional.of(startOfDay(state.expiryDate().orElseThrow().plusDays(1), state.zone()));
      case ARREARS -> Optional.ofNullable(state.arrearsStartedAt());
    };
  }

  /**
   * The end of a phase of {@code length} that began at {@code start}. After expiry a phase of N days covers
   * N whole local days (a day may have 23 or 25 hours); after arrears it lasts the exact duration.
   */
  static Instant phaseEnd(Trigger trigger, Instant start, Duration length, ZoneId zone) {
    boolean wholeDays = length.equals(Duration.ofDays(length.toDays()));
    if (trigger == Trigger.EXPIRY && wholeDays) {
      return startOfDay(start.atZone(zone).toLocalDate().plusDays(length.toDays()), zone);
    }
    return start.plus(length);
  }

  /** The next phase change if nobody acts: the rule that every transition of {@link Lifecycle} follows. */
  static Optional<PhaseChange> nextTransition(LifecycleState state) {
    List<PolicyPhase> phases = state.policy().phases();
    return switch (state.phase()) {
      case ACTIVE -> triggerAt(state).map(at -> new PhaseChange(phaseAt(phases, 0), at));
      case GRACE, FROZEN -> state.currentPolicyPhase().length(state.tier())
          .map(length -> new PhaseChange(phaseAt(phases, state.policyPhaseIndex() + 1),
              phaseEnd(state.policy().trigger(), state.phaseStartedAt(), length, state.zone())));
      case RELEASE_PENDING, RELEASED, UNSUBSCRIBED -> Optional.empty();
    };
  }

  /**
   * The instant the resource will be released if nobody acts, under its current policy snapshot; the
   * release instant itself once it is pending or done; empty when it never will be.
   */
  static Optional<Instant> releaseAt(LifecycleState state) {
    return switch (state.phase()) {
      case ACTIVE -> triggerAt(state).flatMap(start -> releaseFrom(state, 0, start));
      case GRACE, FROZEN -> releaseFrom(state, state.policyPhaseIndex(), state.phaseStartedAt());
      case RELEASE_PENDING, RELEASED -> Optional.of(state.phaseStartedAt());
      case UNSUBSCRIBED -> Optional.empty();
    };
  }

  private static Optional<Instant> releaseFrom(LifecycleState state, int firstIndex, Instant firstStart) {
    Instant start = firstStart;
    for (PolicyPhase phase : state.policy().phases().subList(firstIndex, state.policy().phases().size())) {
      Optional<Duration> length = phase.length(state.tier());
      if (length.isEmpty()) {
        return Optional.empty();
      }
      start = phaseEnd(state.policy().trigger(), start, length.get(), state.zone());
    }
    return Optional.of(start);
  }

  private static Phase phaseAt(List<PolicyPhase> phases, int index) {
    return index < phases.size() ? phases.get(index).phase() : Phase.RELEASE_PENDING;
  }
}
