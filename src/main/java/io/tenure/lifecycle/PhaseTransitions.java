package io.tenure.lifecycle;

import io.tenure.lifecycle.Effect.FreezeGroup;
import io.tenure.lifecycle.Effect.RefundUnexpiredGroupMembers;
import io.tenure.lifecycle.Effect.SendNotice;
import io.tenure.lifecycle.Effect.TellProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Entering the next phase when it falls due: the new state, its event, and what the engine must do. */
final class PhaseTransitions {

  private PhaseTransitions() {}

  static Transition enter(LifecycleState state, PhaseChange change) {
    boolean fromActive = state.phase() == Phase.ACTIVE;
    Instant at = change.at();
    LifecycleState entered = change.phase() == Phase.RELEASE_PENDING
        ? state.enter(Phase.RELEASE_PENDING, -1, at)
        : state.enter(change.phase(), fromActive ? 0 : state.policyPhaseIndex() + 1, at);
    Optional<Instant> releaseAt = Schedule.releaseAt(entered);
    List<Effect> effects = new ArrayList<>();
    effects.add(new TellProvider(commandFor(change.phase()), entered.serviceLevel(), at));
    if (fromActive && state.policy().trigger() == Trigger.EXPIRY) {
      effects.addAll(expiryEffects(entered, at, releaseAt));
    }
    if (change.phase() == Phase.FROZEN) {
      effects.add(new SendNotice(NoticeType.FROZEN, at, releaseAt));
    }
    if (isLastBeforeRelease(entered)) {
      // The release instant is certain only now: a new policy version could change any later phase.
      effects.add(new SendNotice(NoticeType.RELEASE_SCHEDULED, at, releaseAt));
    }
    LifecycleEvent event = new LifecycleEvent(at, eventFor(change.phase()), change.phase());
    return new Transition(entered, List.of(event), effects);
  }

  private static List<Effect> expiryEffects(LifecycleState entered, Instant at, Optional<Instant> releaseAt) {
    List<Effect> effects = new ArrayList<>();
    effects.add(new SendNotice(NoticeType.EXPIRED, at, releaseAt));
    if (entered.policy().group().freezeGroup()) {
      effects.add(new FreezeGroup(at));
    }
    if (entered.policy().group().refundUnexpired()) {
      effects.add(new RefundUnexpiredGroupMembers(at));
    }
    return effects;
  }

  private static boolean isLastBeforeRelease(LifecycleState entered) {
    boolean inPolicyPhase = entered.phase() == Phase.GRACE || entered.phase() == Phase.FROZEN;
    return inPolicyPhase && entered.policyPhaseIndex() == entered.policy().phases().size() - 1
        && !entered.currentPolicyPhase().isIndefinite();
  }

  private static ProviderCommand commandFor(Phase phase) {
    return switch (phase) {
      case GRACE -> ProviderCommand.GRACE;
      case FROZEN -> ProviderCommand.FROZEN;
      case RELEASE_PENDING -> ProviderCommand.RELEASE_REQUESTED;
      default -> throw new IllegalStateException("no phase change leads to " + phase);
    };
  }

  private static EventType eventFor(Phase phase) {
    return switch (phase) {
      case GRACE -> EventType.ENTERED_GRACE;
      case FROZEN -> EventType.ENTERED_FROZEN;
      case RELEASE_PENDING -> EventType.RELEASE_REQUESTED;
      default -> throw new IllegalStateException("no phase change leads to " + phase);
    };
  }
}
