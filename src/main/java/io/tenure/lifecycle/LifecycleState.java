package io.tenure.lifecycle;

import io.tenure.error.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything the lifecycle rules need to know about one resource, made of plain values so that it can be
 * stored as columns or JSON. Immutable; change it only through {@link Lifecycle}.
 *
 * @param phase where the resource stands
 * @param policy the snapshot of the policy the current phase began under
 * @param tier the account's tier, looked up in the policy (a tier it does not name gets the default row)
 * @param zone the account's billing time zone; every calendar rule is evaluated in it
 * @param termEnd prepaid: the end of the paid term, 23:59:59 local on the expiry date; null for pay-as-you-go
 * @param arrearsStartedAt pay-as-you-go: the instant the balance went below the limit; null when not in arrears
 * @param policyPhaseIndex the index in {@code policy.phases()} of the current GRACE or FROZEN phase, else -1
 * @param phaseStartedAt the instant the current phase began
 * @param autoRenew whether the resource renews itself, and by how many periods
 * @param warningDaysBefore the days before the expiry date on which an expiry warning is due
 * @param periodicHandledThrough every periodic event (warning, reminder, auto-renewal check) due at or
 *     before this instant was sent or superseded; this is what keeps a notice from going out twice
 */
public record LifecycleState(Phase phase, Policy policy, String tier, ZoneId zone, Instant termEnd,
    Instant arrearsStartedAt, int policyPhaseIndex, Instant phaseStartedAt, AutoRenew autoRenew,
    List<Integer> warningDaysBefore, Instant periodicHandledThrough) {

  /** Expiry warnings 7, 3 and 1 days before the expiry date (SPEC.md section 6). */
  public static final List<Integer> DEFAULT_WARNING_DAYS_BEFORE = List.of(7, 3, 1);

  /** Whether a prepaid resource renews itself, and by how many periods of its plan. */
  public record AutoRenew(boolean enabled, int periods) {
    public static final AutoRenew OFF = new AutoRenew(false, 1);

    public AutoRenew {
      Require.field(periods >= 1, "autoRenew.period", "must be at least 1, was %s", periods);
    }
  }

  public LifecycleState {
    warningDaysBefore = List.copyOf(warningDaysBefore);
    warningDaysBefore.forEach(days -> Require.field(days >= 1, "warningDaysBefore", "must be at least 1, was %s", days));
    boolean prepaid = policy.trigger() == Trigger.EXPIRY;
    Require.invariant(prepaid == (termEnd != null), "policy %s with trigger %s and term end %s",
        policy.code(), policy.trigger(), termEnd);
    Require.invariant(prepaid ? arrearsStartedAt == null : !autoRenew.enabled(),
        "policy %s: arrears start %s and auto-renewal %s", policy.code(), arrearsStartedAt, autoRenew);
    boolean inPolicyPhase = phase == Phase.GRACE || phase == Phase.FROZEN;
    Require.invariant(inPolicyPhase ? policyPhaseIndex >= 0 && policyPhaseIndex < policy.phases().size()
            && policy.phases().get(policyPhaseIndex).phase() == phase : policyPhaseIndex == -1,
        "phase %s does not match index %s of policy %s", phase, policyPhaseIndex, policy.code());
  }

  /** A prepaid resource, ACTIVE from {@code now}, whose term ends at {@code termEnd}. */
  public static LifecycleState prepaid(Policy policy, String tier, ZoneId zone, Instant termEnd,
      AutoRenew autoRenew, Instant now) {
    return new LifecycleState(Phase.ACTIVE, policy, tier, zone, termEnd, null, -1, now, autoRenew,
        DEFAULT_WARNING_DAYS_BEFORE, now);
  }

  /** A pay-as-you-go resource, ACTIVE from {@code now} and not in arrears. */
  public static LifecycleState payAsYouGo(Policy policy, String tier, ZoneId zone, Instant now) {
    return new LifecycleState(Phase.ACTIVE, policy, tier, zone, null, null, -1, now, AutoRenew.OFF,
        DEFAULT_WARNING_DAYS_BEFORE, now);
  }

  /** This state with auto-renewal set as the customer asked. */
  public LifecycleState withAutoRenew(AutoRenew autoRenew) {
    return new LifecycleState(phase, policy, tier, zone, termEnd, arrearsStartedAt, policyPhaseIndex,
        phaseStartedAt, autoRenew, warningDaysBefore, periodicHandledThrough);
  }

  /** This state with expiry warnings on other days before the expiry date. */
  public LifecycleState withWarningDaysBefore(List<Integer> days) {
    return new LifecycleState(phase, policy, tier, zone, termEnd, arrearsStartedAt, policyPhaseIndex,
        phaseStartedAt, autoRenew, days, periodicHandledThrough);
  }

  /** The expiry date D (the local date of the term end); empty for pay-as-you-go. */
  public Optional<LocalDate> expiryDate() {
    return Optional.ofNullable(termEnd).map(end -> end.atZone(zone).toLocalDate());
  }

  /** The service the resource gets now: full while ACTIVE, as the policy says in GRACE and FROZEN. */
  public ServiceLevel serviceLevel() {
    return switch (phase) {
      case ACTIVE -> ServiceLevel.FULL;
      case GRACE, FROZEN -> currentPolicyPhase().service();
      case RELEASE_PENDING, RELEASED, UNSUBSCRIBED -> ServiceLevel.NONE;
    };
  }

  PolicyPhase currentPolicyPhase() {
    return policy.phases().get(policyPhaseIndex);
  }

  /** Whether the resource renews itself: auto-renewal is on and the resource has not ended. */
  public boolean renewsItself() {
    return autoRenew.enabled() && !hasEnded(phase);
  }

  /** A resource being released, released or unsubscribed has ended: nothing renews it any more. */
  private static boolean hasEnded(Phase phase) {
    return phase == Phase.RELEASE_PENDING || phase.isFinal();
  }

  LifecycleState enter(Phase newPhase, int newPolicyPhaseIndex, Instant at) {
    // An ended resource stores auto-renewal off, so that it shows off and nothing tries to renew it.
    AutoRenew kept = hasEnded(newPhase) ? new AutoRenew(false, autoRenew.periods()) : autoRenew;
    return new LifecycleState(newPhase, policy, tier, zone, termEnd, arrearsStartedAt, newPolicyPhaseIndex, at,
        kept, warningDaysBefore, periodicHandledThrough);
  }

  /** This state under another policy (the same trigger), from its next phase on. */
  LifecycleState withPolicy(Policy newPolicy) {
    return new LifecycleState(phase, newPolicy, tier, zone, termEnd, arrearsStartedAt, policyPhaseIndex, phaseStartedAt,
        autoRenew, warningDaysBefore, periodicHandledThrough);
  }

  LifecycleState withTermEnd(Instant newTermEnd) {
    return new LifecycleState(phase, policy, tier, zone, newTermEnd, arrearsStartedAt, policyPhaseIndex,
        phaseStartedAt, autoRenew, warningDaysBefore, periodicHandledThrough);
  }

  LifecycleState withArrearsStartedAt(Instant at) {
    return new LifecycleState(phase, policy, tier, zone, termEnd, at, policyPhaseIndex, phaseStartedAt,
        autoRenew, warningDaysBefore, periodicHandledThrough);
  }

  LifecycleState withPeriodicHandledThrough(Instant at) {
    Instant later = at.isAfter(periodicHandledThrough) ? at : periodicHandledThrough;
    return new LifecycleState(phase, policy, tier, zone, termEnd, arrearsStartedAt, policyPhaseIndex,
        phaseStartedAt, autoRenew, warningDaysBefore, later);
  }
}
