package io.tenure.lifecycle;

import io.tenure.lifecycle.Effect.SendNotice;
import io.tenure.lifecycle.Effect.TryAutoRenew;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Handling the periodic events due at one instant, including the catch-up rule of SPEC.md section 2: an
 * event processed late is skipped when a later one makes it pointless (see {@link #isSuperseded}).
 */
final class PeriodicEvents {

  private PeriodicEvents() {}

  /**
   * Handles the periodic events due at {@code at}, processed at {@code now}; {@code phaseChanged} tells
   * whether a phase change happened at the same instant.
   */
  static Transition handle(LifecycleState state, Instant at, Instant now, boolean phaseChanged) {
    List<EventType> due = Periodic.TYPES.stream()
        .filter(type -> Periodic.next(state, type).filter(at::equals).isPresent())
        .toList();
    LifecycleState handled = state.withPeriodicHandledThrough(at);
    List<EventType> sent = due.stream()
        // The notice of a phase change already tells the customer what a reminder would.
        .filter(type -> !(type == EventType.OVERDUE_REMINDER && phaseChanged))
        .filter(type -> !isSuperseded(handled, type, now))
        .toList();
    boolean renewalFirst = sent.contains(EventType.AUTO_RENEW_CHECK) && sent.contains(EventType.OVERDUE_REMINDER)
        && renewsWhenFunded(handled, at);
    List<LifecycleEvent> events = new ArrayList<>();
    List<Effect> effects = new ArrayList<>();
    for (EventType type : sent) {
      if (renewalFirst && type == EventType.OVERDUE_REMINDER) {
        continue; // carried by the auto-renewal check: sent only if the resource does not renew
      }
      events.add(new LifecycleEvent(at, type, handled.phase()));
      effects.add(renewalFirst && type == EventType.AUTO_RENEW_CHECK
          ? new TryAutoRenew(at, true, Optional.of(reminder(handled, at)))
          : effectOf(handled, type, at));
    }
    return new Transition(handled, events, effects);
  }

  /** From the expiry date on, an auto-renewal check renews when the balance suffices. */
  private static boolean renewsWhenFunded(LifecycleState state, Instant at) {
    return !at.isBefore(Schedule.startOfDay(state.expiryDate().orElseThrow(), state.zone()));
  }

  static SendNotice reminder(LifecycleState state, Instant at) {
    return new SendNotice(NoticeType.OVERDUE_REMINDER, at, Schedule.releaseAt(state));
  }

  /**
   * A notice is superseded when another of its kind, or a phase change, is also due by {@code now}: only
   * the latest applicable notice goes out. An auto-renewal check is superseded only by a later check in the
   * same phase, so that the check on the expiry date still runs (and may renew) before the expiry.
   */
  private static boolean isSuperseded(LifecycleState handled, EventType type, Instant now) {
    Optional<Instant> nextSameType = Periodic.next(handled, type).filter(at -> !at.isAfter(now));
    Optional<Instant> nextChange = Schedule.nextTransition(handled).map(PhaseChange::at)
        .filter(at -> !at.isAfter(now));
    if (type == EventType.AUTO_RENEW_CHECK) {
      return nextSameType.isPresent() && (nextChange.isEmpty() || nextSameType.get().isBefore(nextChange.get()));
    }
    return nextSameType.isPresent() || nextChange.isPresent();
  }

  private static Effect effectOf(LifecycleState state, EventType type, Instant at) {
    return switch (type) {
      case EXPIRY_WARNING -> new SendNotice(NoticeType.EXPIRY_WARNING, at, Schedule.releaseAt(state));
      case OVERDUE_REMINDER -> reminder(state, at);
      case AUTO_RENEW_CHECK -> new TryAutoRenew(at, renewsWhenFunded(state, at));
      default -> throw new IllegalArgumentException(type + " is not periodic");
    };
  }
}
