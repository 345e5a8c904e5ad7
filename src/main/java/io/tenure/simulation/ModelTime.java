package io.tenure.simulation;

import java.time.Instant;
import java.util.Optional;

/**
 * The passing of time in the auditor's model: everything due up to the target, per account in due order and,
 * at one instant, in resource id order (the engine's stream per account is ordered by {@code (instant, resource id)}); for one
 * resource at one instant its phase change comes before its auto-renewal check.
 */
final class ModelTime {
  private final Model model;

  ModelTime(Model model) {
    this.model = model;
  }

  void advanceTo(Instant target) {
    for (ModelAccount account : model.accounts.values()) {
      while (true) {
        ModelResource next = null;
        Instant nextAt = null;
        for (ModelResource resource : account.resources.values()) {
          Instant due = due(resource);
          if (due != null && !due.isAfter(target) && (nextAt == null || due.isBefore(nextAt))) {
            next = resource;
            nextAt = due;
          }
        }
        if (next == null) {
          break;
        }
        step(next, nextAt);
      }
    }
    model.now = target;
  }

  private Instant due(ModelResource resource) {
    Optional<Instant> transition = model.lifecycle.nextTransition(resource);
    Optional<Instant> check = model.lifecycle.nextCheck(resource);
    if (transition.isPresent() && check.isPresent()) {
      return transition.get().isBefore(check.get()) ? transition.get() : check.get();
    }
    return transition.or(() -> check).orElse(null);
  }

  /** Everything due for {@code resource} at {@code at}: the phase change first, then the auto-renewal check. */
  private void step(ModelResource resource, Instant at) {
    Instant previous = model.now;
    model.now = at;
    try {
      if (model.lifecycle.nextTransition(resource).filter(at::equals).isPresent()) {
        transition(resource, at);
      }
      if (model.lifecycle.nextCheck(resource).filter(at::equals).isPresent()) {
        resource.checkedThrough = at;
        model.lifecycle.renew(resource, resource.autoRenewPeriods, true);
      }
    } finally {
      model.now = at.isAfter(previous) ? at : previous;
    }
  }

  private void transition(ModelResource resource, Instant at) {
    if (resource.phase.equals("ACTIVE")) {
      resource.policy = model.catalog().policyOf(resource.plan);
      resource.phaseIndex = -1;
      if (resource.policy.refundUnexpired() && resource.groupId != null) {
        refundGroup(resource, at);
      }
    }
    resource.phaseIndex++;
    if (resource.phaseIndex >= resource.policy.phases().size()) {
      resource.phase = "RELEASED";
      resource.autoRenew = false;
      resource.phaseStartedAt = at;
      resource.record(at, "RELEASE_REQUESTED");
      resource.record(at, "RELEASED");
      return;
    }
    resource.phase = resource.policy.phases().get(resource.phaseIndex).phase();
    resource.phaseStartedAt = at;
    resource.record(at, "ENTERED_" + resource.phase);
  }

  /** Seed 001: the other members of the group still active with an unexpired term are ended and refunded. */
  private void refundGroup(ModelResource expired, Instant at) {
    for (ModelResource member : expired.account.resources.values()) {
      if (member != expired && expired.groupId.equals(member.groupId) && member.phase.equals("ACTIVE")
          && member.termEnd.isAfter(at)) {
        model.lifecycle.unsubscribe(member, at);
      }
    }
  }
}
