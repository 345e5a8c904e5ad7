package io.tenure.lifecycle;

import static io.tenure.lifecycle.Fixtures.prepaid;
import static io.tenure.lifecycle.Fixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.lifecycle.Effect.FreezeGroup;
import io.tenure.lifecycle.Effect.RefundUnexpiredGroupMembers;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GroupTest {

  @Test
  void theExpiryOfAGroupedExecutionPackageFreezesTheGroupAndRefundsTheUnexpiredMembers() {
    Transition expiry = Lifecycle.advance(prepaid(PolicyPresets.WEDATA_EXECUTION, "default"), shanghai("2023-04-09T06:00:00"));
    Instant at = shanghai("2023-04-09T00:00:00");

    assertThat(expiry.effects()).contains(new FreezeGroup(at), new RefundUnexpiredGroupMembers(at));
    assertThat(expiry.effects()).filteredOn(FreezeGroup.class::isInstance).hasSize(1);
  }

  @Test
  void aPolicyWithoutAGroupRuleTouchesNoOtherMember() {
    Transition lived = Lifecycle.advance(prepaid(PolicyPresets.TENCENT_DRIVE, "default"), shanghai("2024-01-01T00:00:00"));

    assertThat(lived.effects()).noneMatch(effect -> effect instanceof FreezeGroup || effect instanceof RefundUnexpiredGroupMembers);
  }

  @Test
  void aPolicyMayFreezeTheGroupWithoutRefunding() {
    Policy freezeOnly = new Policy("freeze-only", Trigger.EXPIRY, PolicyPresets.WEDATA_EXECUTION.phases(), RenewFrom.OLD_END,
        java.math.BigDecimal.ZERO, new Policy.GroupRule(true, false));

    Transition expiry = Lifecycle.advance(prepaid(freezeOnly, "default"), shanghai("2023-04-09T06:00:00"));

    assertThat(expiry.effects()).contains(new FreezeGroup(shanghai("2023-04-09T00:00:00")))
        .noneMatch(RefundUnexpiredGroupMembers.class::isInstance);
  }
}
