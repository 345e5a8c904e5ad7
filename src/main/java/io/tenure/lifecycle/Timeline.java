package io.tenure.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The future of a resource if nobody acts, computed by running {@link Lifecycle#advance} forward from one due
 * instant to the next: the very rules the engine applies, never a second copy of them. Stateless and
 * thread-safe.
 */
public final class Timeline {

  private Timeline() {}

  /**
   * The events due after {@code now} and at or before {@code until}, in due order, each with the phase the
   * resource is in after it. Anything due at or before {@code now} that the state has not seen yet is
   * caught up first and not listed.
   */
  public static List<LifecycleEvent> project(LifecycleState state, Instant now, Instant until) {
    LifecycleState current = Lifecycle.advance(state, now).state();
    List<LifecycleEvent> entries = new ArrayList<>();
    for (Optional<Instant> due = Lifecycle.nextDueAt(current);
        due.isPresent() && !due.get().isAfter(until);
        due = Lifecycle.nextDueAt(current)) {
      Transition transition = Lifecycle.advance(current, due.get());
      entries.addAll(transition.events());
      current = transition.state();
    }
    return entries;
  }

  /** The next phase change if nobody acts: the phase the resource enters and when; empty if none ever is. */
  public static Optional<PhaseChange> nextTransition(LifecycleState state) {
    return Schedule.nextTransition(state);
  }
}
