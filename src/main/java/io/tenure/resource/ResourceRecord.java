package io.tenure.resource;

import io.tenure.catalog.BillingMode;
import io.tenure.catalog.BillingPeriod;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.Policy;
import io.tenure.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A resource as stored: what was bought and under which catalog version, the current term and what was
 * paid in it, and its lifecycle state. Immutable.
 *
 * @param catalogVersion the catalog version the current term was bought or renewed under (its prices)
 * @param policyVersion the catalog version of the policy the current phase began under
 * @param term the current paid term; empty for pay-as-you-go
 * @param termPeriods how many periods of {@code period} the current term spans
 * @param planPaid what was paid for the plan in the current term
 */
public record ResourceRecord(String id, String accountId, String planCode, int catalogVersion, BillingMode mode,
    Optional<BillingPeriod> period, Optional<String> groupId, Instant createdAt, Optional<Term> term, int termPeriods,
    Money planPaid, List<AddOnHolding> addOns, int policyVersion, LifecycleState lifecycle) {

  public ResourceRecord {
    addOns = List.copyOf(addOns);
  }

  /** This resource under {@code policy}, version {@code version}, from its next phase on. */
  public ResourceRecord withPolicy(int version, Policy policy) {
    LifecycleState state = lifecycle;
    return new ResourceRecord(id, accountId, planCode, catalogVersion, mode, period, groupId, createdAt, term,
        termPeriods, planPaid, addOns, version, new LifecycleState(state.phase(), policy, state.tier(), state.zone(),
            state.termEnd(), state.arrearsStartedAt(), state.policyPhaseIndex(), state.phaseStartedAt(), state.autoRenew(),
            state.warningDaysBefore(), state.periodicHandledThrough()));
  }

  /** This resource holding {@code newAddOns} (with what was paid for each), in the same term. */
  public ResourceRecord withAddOns(List<AddOnHolding> newAddOns) {
    return new ResourceRecord(id, accountId, planCode, catalogVersion, mode, period, groupId, createdAt, term,
        termPeriods, planPaid, newAddOns, policyVersion, lifecycle);
  }

  /**
   * This resource in a new paid term: {@code periods} periods bought or renewed under {@code version}'s prices,
   * {@code paid} for the plan and {@code newAddOns} for the add-ons.
   */
  public ResourceRecord withTerm(int version, Term newTerm, int periods, Money paid, List<AddOnHolding> newAddOns) {
    return new ResourceRecord(id, accountId, planCode, version, mode, period, groupId, createdAt, Optional.of(newTerm),
        periods, paid, newAddOns, policyVersion, lifecycle);
  }

  /**
   * This resource (its term, add-ons and what was paid, as stored) in the lifecycle state of {@code newer}, a copy
   * of it that the engine has moved on in memory.
   */
  public ResourceRecord withStateOf(ResourceRecord newer) {
    return withPolicy(newer.policyVersion(), newer.lifecycle().policy()).withLifecycle(newer.lifecycle());
  }

  public ResourceRecord withLifecycle(LifecycleState newLifecycle) {
    return new ResourceRecord(id, accountId, planCode, catalogVersion, mode, period, groupId, createdAt, term,
        termPeriods, planPaid, addOns, policyVersion, newLifecycle);
  }
}
