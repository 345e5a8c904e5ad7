package io.tenure.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The calendar of the periodic events (expiry warnings, overdue reminders, auto-renewal checks) as the
 * current phase defines them: each is due at 00:00 local, and only those strictly after
 * {@link LifecycleState#periodicHandledThrough()} are still to come.
 */
final class Periodic {

  /**
   * The periodic event types, in the order they are handled when they fall due at the same instant: the
   * auto-renewal is decided before the overdue reminder, which a resource that renews does not get.
   */
  static final List<EventType> TYPES = List.of(EventType.EXPIRY_WARNING, EventType.AUTO_RENEW_CHECK,
      EventType.OVERDUE_REMINDER);

  /** Auto-renewal checks run daily from this many days before the expiry date (SPEC.md section 5). */
  static final int AUTO_RENEW_DAYS_BEFORE = 7;

  private Periodic() {}

  /** The next instant an event of {@code type} is due under the rules of the current phase. */
  static Optional<Instant> next(LifecycleState state, EventType type) {
    return switch (type) {
      case EXPIRY_WARNING -> nextWarning(state);
      case OVERDUE_REMINDER -> nextReminder(state);
      case AUTO_RENEW_CHECK -> nextAutoRenewCheck(state);
      default -> throw new IllegalArgumentException(type + " is not periodic");
    };
  }

  /** The earliest periodic event due under the rules of the current phase. */
  static Optional<Instant> earliest(LifecycleState state) {
    return TYPES.stream().map(type -> next(state, type)).flatMap(Optional::stream).min(Instant::compareTo);
  }

  private static Optional<Instant> nextWarning(LifecycleState state) {
    if (state.phase() != Phase.ACTIVE || state.expiryDate().isEmpty()) {
      return Optional.empty();
    }
    LocalDate expiryDate = state.expiryDate().get();
    return state.warningDaysBefore().stream()
        .map(days -> Schedule.startOfDay(expiryDate.minusDays(days), state.zone()))
        .filter(at -> at.isAfter(state.periodicHandledThrough()))
        .min(Instant::compareTo);
  }

  /** On the expiry date while still ACTIVE, then every day of GRACE and FROZEN (after arrears too). */
  private static Optional<Instant> nextReminder(LifecycleState state) {
    return switch (state.phase()) {
      case ACTIVE -> state.expiryDate()
          .map(expiryDate -> Schedule.startOfDay(expiryDate, state.zone()))
          .filter(at -> at.isAfter(state.periodicHandledThrough()));
      case GRACE, FROZEN -> Optional.of(dailyFrom(state, Schedule.triggerAt(state).orElseThrow()));
      case RELEASE_PENDING, RELEASED, UNSUBSCRIBED -> Optional.empty();
    };
  }

  /** Daily from D-7 through D while ACTIVE, and daily in GRACE and FROZEN, when auto-renewal is on. */
  private static Optional<Instant> nextAutoRenewCheck(LifecycleState state) {
    if (!state.autoRenew().enabled() || state.expiryDate().isEmpty()) {
      return Optional.empty();
    }
    LocalDate expiryDate = state.expiryDate().get();
    ZoneId zone = state.zone();
    return switch (state.phase()) {
      case ACTIVE -> Optional.of(dailyFrom(state, Schedule.startOfDay(expiryDate.minusDays(AUTO_RENEW_DAYS_BEFORE), zone)))
          .filter(at -> !at.isAfter(Schedule.startOfDay(expiryDate, zone)));
      case GRACE, FROZEN -> Optional.of(dailyFrom(state, Schedule.triggerAt(state).orElseThrow()));
      case RELEASE_PENDING, RELEASED, UNSUBSCRIBED -> Optional.empty();
    };
  }

  /** The first 00:00 local at or after {@code from} and strictly after the handled-through instant. */
  private static Instant dailyFrom(LifecycleState state, Instant from) {
    Instant first = Schedule.firstStartOfDayFrom(from, state.zone());
    Instant afterHandled = Schedule.firstStartOfDayAfter(state.periodicHandledThrough(), state.zone());
    return first.isAfter(afterHandled) ? first : afterHandled;
  }
}
