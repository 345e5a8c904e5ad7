package io.tenure.lifecycle;

import io.tenure.error.Require;
import java.math.BigDecimal;
import java.util.List;

/**
 * What happens to a resource after its trigger (expiry or arrears): the phases in order, then release
 * unless the last phase is indefinite. Policies are data in the catalog; a resource keeps the version of
 * the policy its current phase began under.
 *
 * @param code the policy's name in the catalog ({@code huawei-drive})
 * @param trigger what starts the phases
 * @param phases GRACE and FROZEN phases in order, possibly none (release right at the trigger)
 * @param renewFrom where a renewal after expiry counts the new term from
 * @param refundFeePercent share of a refund kept as a fee, 0 to 100
 * @param group what happens to the other members of a resource group when one member expires
 */
public record Policy(String code, Trigger trigger, List<PolicyPhase> phases, RenewFrom renewFrom,
    BigDecimal refundFeePercent, GroupRule group) {

  /**
   * For resource groups (seed 001): when one package expires, whether the whole group is frozen, and
   * whether each unexpired package is refunded for its unused part.
   */
  public record GroupRule(boolean freezeGroup, boolean refundUnexpired) {
    public static final GroupRule NONE = new GroupRule(false, false);
  }

  public Policy {
    phases = List.copyOf(phases);
    for (int i = 0; i < phases.size() - 1; i++) {
      Require.invariant(!phases.get(i).isIndefinite(), "policy %s: only the last phase may be indefinite", code);
    }
    Require.invariant(refundFeePercent.signum() >= 0 && refundFeePercent.compareTo(BigDecimal.valueOf(100)) <= 0,
        "policy %s: refund fee %s%% is not between 0 and 100", code, refundFeePercent);
  }

  /** True when the phases end in a release; false when the last phase lasts until the customer pays. */
  public boolean releases() {
    return phases.isEmpty() || !phases.getLast().isIndefinite();
  }
}
