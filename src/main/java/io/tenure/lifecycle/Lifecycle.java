package io.tenure.lifecycle;

import io.tenure.error.RejectedException;
import io.tenure.error.Require;
import io.tenure.lifecycle.Effect.SendNotice;
import io.tenure.lifecycle.Effect.TellProvider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lifecycle rules as pure functions from a state and an instant to a {@link Transition}. Nothing here
 * reads a clock or stores anything; the engine calls {@link #nextDueAt} to know when to come back and
 * {@link #step} or {@link #advance} when it does. Stateless and thread-safe.
 */
public final class Lifecycle {

  private Lifecycle() {}

  /** The instant the next thing falls due for this resource (a phase change or a periodic event), if any. */
  public static Optional<Instant> nextDueAt(LifecycleState state) {
    return Stream.concat(Schedule.nextTransition(state).map(PhaseChange::at).stream(),
        Periodic.earliest(state).stream()).min(Instant::compareTo);
  }

  /**
   * Processes everything due at the earliest due instant, if that is at or before {@code now}: first the
   * phase change, then the periodic events, each stamped with that instant. Superseded periodic events
   * (judged against {@code now}) are skipped. An engine that must act between events (an auto-renewal
   * before the expiry) calls this once per transaction until nothing is due.
   */
  public static Transition step(LifecycleState state, Instant now) {
    Optional<Instant> due = nextDueAt(state);
    if (due.isEmpty() || due.get().isAfter(now)) {
      return Transition.unchanged(state);
    }
    Instant at = due.get();
    Transition result = Transition.unchanged(state);
    boolean phaseChanged = false;
    for (Optional<PhaseChange> change = Schedule.nextTransition(state);
        change.isPresent() && !change.get().at().isAfter(at);
        change = Schedule.nextTransition(result.state())) {
      result = result.then(PhaseTransitions.enter(result.state(), change.get()));
      phaseChanged = true;
    }
    return result.then(PeriodicEvents.handle(result.state(), at, now, phaseChanged));
  }

  /**
   * Processes everything due at or before {@code now}, in due order. Every phase change happens with its
   * own instant; of several notices due by {@code now} only the latest applicable one is kept. The state
   * reached is the same whether {@code now} is reached in one call or in many.
   */
  public static Transition advance(LifecycleState state, Instant now) {
    Transition result = Transition.unchanged(state);
    for (Transition next = step(state, now); !next.state().equals(result.state()); next = step(result.state(), now)) {
      result = result.then(next);
    }
    return result;
  }

  /** The instant the resource will be released if nobody acts (or was released); empty when it never will be. */
  public static Optional<Instant> releaseAt(LifecycleState state) {
    return Schedule.releaseAt(state);
  }

  /**
   * The overdue reminder an auto-renewal check carried, as the event and notice to record when the check did
   * not renew the resource; nothing when it carried none.
   */
  public static Transition reminderUnlessRenewed(LifecycleState state, Effect.TryAutoRenew check) {
    return check.reminderUnlessRenewed()
        .map(reminder -> new Transition(state, List.of(new LifecycleEvent(reminder.at(), EventType.OVERDUE_REMINDER,
            state.phase())), List.<Effect>of(reminder)))
        .orElse(Transition.unchanged(state));
  }

  /**
   * Records that a pay-as-you-go resource's account went into arrears at {@code at}; its first policy phase
   * falls due then. Does nothing when the resource is already in arrears or no longer ACTIVE.
   */
  public static LifecycleState startArrears(LifecycleState state, Instant at) {
    Require.invariant(state.policy().trigger() == Trigger.ARREARS, "policy %s is not triggered by arrears",
        state.policy().code());
    if (state.phase() != Phase.ACTIVE || state.arrearsStartedAt() != null) {
      return state;
    }
    return state.withArrearsStartedAt(at);
  }

  /**
   * Renews a prepaid resource to {@code newTermEnd} at {@code now} (after catching up to {@code now}): an
   * ACTIVE one stays ACTIVE, a GRACE or FROZEN one is restored at once. Refuses a released or unsubscribed
   * resource, and a new term that would already have expired by {@code now}.
   */
  public static Transition renew(LifecycleState state, Instant newTermEnd, Instant now) {
    Transition caughtUp = advance(state, now);
    LifecycleState current = caughtUp.state();
    Operations.require(current, Operation.RENEW);
    Require.invariant(current.policy().trigger() == Trigger.EXPIRY, "policy %s has no term to renew",
        current.policy().code());
    Require.invariant(newTermEnd.isAfter(current.termEnd()), "renewal to %s does not extend the term ending %s",
        newTermEnd, current.termEnd());
    LifecycleState renewed = current.withTermEnd(newTermEnd).withPeriodicHandledThrough(now);
    if (!Schedule.triggerAt(renewed).orElseThrow().isAfter(now)) {
      throw new RejectedException("RENEWAL_TOO_SHORT", String.format(
          "The renewed term would end at %s, which has already passed; renew for more periods.", newTermEnd));
    }
    Transition renewal = new Transition(renewed, List.of(new LifecycleEvent(now, EventType.RENEWED, current.phase())),
        List.of(new SendNotice(NoticeType.RENEWED, now, Optional.empty())));
    Transition result = caughtUp.then(renewal);
    return current.phase() == Phase.ACTIVE ? result : result.then(restore(renewed, now));
  }

  /**
   * Ends the arrears of a pay-as-you-go resource at {@code now} (after catching up to {@code now}): a GRACE
   * or FROZEN one is restored at once. A resource already released or unsubscribed stays as it is.
   */
  public static Transition clearArrears(LifecycleState state, Instant now) {
    Transition caughtUp = advance(state, now);
    LifecycleState current = caughtUp.state();
    Require.invariant(current.policy().trigger() == Trigger.ARREARS, "policy %s is not triggered by arrears",
        current.policy().code());
    return switch (current.phase()) {
      case ACTIVE -> caughtUp.then(Transition.unchanged(current.withArrearsStartedAt(null)));
      case GRACE, FROZEN -> caughtUp.then(restore(current.withArrearsStartedAt(null), now));
      case RELEASE_PENDING, RELEASED, UNSUBSCRIBED -> caughtUp;
    };
  }

  /**
   * Records the provider's confirmation that the resource is released. Confirming twice is harmless;
   * confirming a release that was never requested is refused with {@code RELEASE_NOT_REQUESTED}.
   */
  public static Transition confirmRelease(LifecycleState state, Instant now) {
    Transition caughtUp = advance(state, now);
    LifecycleState current = caughtUp.state();
    if (current.phase() == Phase.RELEASED) {
      return caughtUp;
    }
    if (current.phase() != Phase.RELEASE_PENDING) {
      throw new RejectedException("RELEASE_NOT_REQUESTED", String.format(
          "The resource is %s; its release was never requested.", current.phase()));
    }
    Instant releaseAt = current.phaseStartedAt();
    LifecycleState released = current.enter(Phase.RELEASED, -1, now);
    return caughtUp.then(new Transition(released, List.of(new LifecycleEvent(now, EventType.RELEASED, Phase.RELEASED)),
        List.of(new SendNotice(NoticeType.RELEASED, now, Optional.of(releaseAt)),
            new TellProvider(ProviderCommand.RELEASED, ServiceLevel.NONE, now))));
  }

  /**
   * Completes at once, at the instant it was requested, a release that nobody will confirm ({@link
   * ReleaseConfirmation#AT_ONCE}); anything else is unchanged.
   */
  public static Transition completeUnconfirmedRelease(LifecycleState state, ReleaseConfirmation confirmation) {
    if (state.phase() != Phase.RELEASE_PENDING || confirmation != ReleaseConfirmation.AT_ONCE) {
      return Transition.unchanged(state);
    }
    return confirmRelease(state, state.phaseStartedAt());
  }

  /**
   * While a resource is ACTIVE no policy phase has begun, so it follows {@code newest}, its plan's policy in the
   * newest catalog, when that has the same trigger: a new catalog version changes what happens from the next phase
   * on, never in the middle of one. In any other phase the resource keeps the policy its phase began under.
   */
  public static LifecycleState underNewestPolicy(LifecycleState state, Policy newest) {
    boolean follows = state.phase() == Phase.ACTIVE && newest.trigger() == state.policy().trigger();
    return follows && !newest.equals(state.policy()) ? state.withPolicy(newest) : state;
  }

  /**
   * Ends the resource at the customer's request; refused unless {@link Operations} allows it. Its provider is told to
   * stop it for good (service NONE); the data is not destroyed by this command (see {@link ProviderCommand#UNSUBSCRIBED}).
   */
  public static Transition unsubscribe(LifecycleState state, Instant now) {
    Transition caughtUp = advance(state, now);
    LifecycleState current = caughtUp.state();
    Operations.require(current, Operation.UNSUBSCRIBE);
    LifecycleState ended = current.enter(Phase.UNSUBSCRIBED, -1, now);
    return caughtUp.then(new Transition(ended,
        List.of(new LifecycleEvent(now, EventType.UNSUBSCRIBED, Phase.UNSUBSCRIBED)),
        List.of(new TellProvider(ProviderCommand.UNSUBSCRIBED, ServiceLevel.NONE, now))));
  }

  private static Transition restore(LifecycleState state, Instant now) {
    // The new phase starts now; notices of the old phase that fell due before now are not sent.
    LifecycleState restored = state.enter(Phase.ACTIVE, -1, now).withPeriodicHandledThrough(now);
    return new Transition(restored, List.of(new LifecycleEvent(now, EventType.RESTORED, Phase.ACTIVE)),
        List.of(new TellProvider(ProviderCommand.RESTORE, ServiceLevel.FULL, now),
            new SendNotice(NoticeType.RESTORED, now, Optional.empty())));
  }
}
