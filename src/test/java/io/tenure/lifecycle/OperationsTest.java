package io.tenure.lifecycle;

import static io.tenure.lifecycle.Fixtures.prepaid;
import static io.tenure.lifecycle.Fixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.error.RejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperationsTest {

  private static final String VERBATIM = "Unsubscription error: Unsubscription not supported for expired services.";

  private final LifecycleState huawei = prepaid(PolicyPresets.HUAWEI_DRIVE, "V3");
  private final LifecycleState grace = Lifecycle.advance(huawei, shanghai("2023-04-10T00:00:00")).state();
  private final LifecycleState frozen = Lifecycle.advance(huawei, shanghai("2023-04-17T00:00:00")).state();
  private final LifecycleState pending = Lifecycle.advance(huawei, shanghai("2023-04-24T00:00:00")).state();
  private final LifecycleState released = Lifecycle.confirmRelease(pending, shanghai("2023-04-24T00:00:00")).state();

  @Test
  void anActiveResourceAllowsEverything() {
    assertThat(Operations.allowed(huawei)).containsExactlyInAnyOrder(Operation.values());
  }

  @Test
  void graceAllowsRenewTopUpAndUseAsThePolicyServiceSays() {
    assertThat(Operations.allowed(grace)).containsExactlyInAnyOrder(Operation.RENEW, Operation.TOP_UP, Operation.USE);
    assertThat(Operations.allowed(Phase.GRACE, ServiceLevel.NONE)).containsExactlyInAnyOrder(Operation.RENEW, Operation.TOP_UP);
  }

  @Test
  void frozenAllowsOnlyRenewAndTopUp() {
    assertThat(Operations.allowed(frozen)).containsExactlyInAnyOrder(Operation.RENEW, Operation.TOP_UP);
  }

  @Test
  void unsubscribingAnExpiredResourceIsRefusedWithTheSeedMessageVerbatim() {
    for (LifecycleState expired : new LifecycleState[] {grace, frozen}) {
      assertThatThrownBy(() -> Operations.require(expired, Operation.UNSUBSCRIBE))
          .isInstanceOf(RejectedException.class).hasMessage(VERBATIM)
          .extracting("code").isEqualTo("UNSUBSCRIBE_NOT_ALLOWED");
    }
    assertThatThrownBy(() -> Lifecycle.unsubscribe(huawei, shanghai("2023-04-12T00:00:00"))).hasMessage(VERBATIM);
  }

  @Test
  void changingAddOnsAfterExpiryIsRefused() {
    assertThatThrownBy(() -> Operations.require(grace, Operation.CHANGE_ADD_ONS))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("ADD_ONS_NOT_ALLOWED");
  }

  @Test
  void usingAFrozenResourceIsRefused() {
    assertThatThrownBy(() -> Operations.require(frozen, Operation.USE))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("SERVICE_UNAVAILABLE");
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void everythingOnAReleasedResourceIsRefused(Operation operation) {
    for (LifecycleState gone : new LifecycleState[] {pending, released}) {
      assertThatThrownBy(() -> Operations.require(gone, operation))
          .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("RESOURCE_RELEASED");
    }
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void everythingOnAnUnsubscribedResourceIsRefused(Operation operation) {
    LifecycleState unsubscribed = Lifecycle.unsubscribe(huawei, shanghai("2023-03-20T00:00:00")).state();

    assertThatThrownBy(() -> Operations.require(unsubscribed, operation))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("RESOURCE_UNSUBSCRIBED");
  }

  @Test
  void allowedOperationsArePassedSilently() {
    Operations.require(grace, Operation.RENEW);
    Operations.require(frozen, Operation.TOP_UP);
    Operations.require(huawei, Operation.UNSUBSCRIBE);
  }
}
