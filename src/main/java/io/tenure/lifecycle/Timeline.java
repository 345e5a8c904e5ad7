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
   * resource is in after it, as the engine will apply them: under {@code newest}, the plan's newest policy, while
   * the resource is ACTIVE ({@link Lifecycle#underNewestPolicy}), and with a release completed at once when
   * nobody confirms it ({@link Lifecycle#completeUnconfirmedRelease}). Anything due at or before {@code now}
   * that the state has not seen yet is caught up first and not listed.
   */
  public static List<LifecycleEvent> project(LifecycleState state, Instant now, Instant until, Policy newest,
      ReleaseConfirmation confirmation) {
    LifecycleState current = Lifecycle.advance(Lifecycle.underNewestPolicy(state, newest), now).state();
    List<LifecycleEvent> entries = new ArrayList<>();
    for (Optional<Instant> due = Lifecycle.nextDueAt(current);
        due.isPresent() && !due.get().isAfter(until);
        due = Lifecycle.nextDueAt(current)) {
      Transition transition = Lifecycle.advance(current, due.get());
      transition = transition.then(Lifecycle.completeUnconfirmedRelease(transition.state(), confirmation));
      entries.addAll(transition.events());
      current = transition.state();
    }
    return entries;
  }

  /** {@link #project} of the state as it stands: under its own policy, a release confirmed by a provider. */
  public static List<LifecycleEvent> project(LifecycleState state, Instant now, Instant until) {
    return project(state, now, until, state.policy(), ReleaseConfirmation.BY_PROVIDER);
  }

  /** The next phase change if nobody acts: the phase the resource enters and when; empty if none ever is. */
  public static Optional<PhaseChange> nextTransition(LifecycleState state) {
    return Schedule.nextTransition(state);
  }
}
