package io.tenure.lifecycle;

import static io.tenure.lifecycle.Fixtures.prepaid;
import static io.tenure.lifecycle.Fixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.error.RejectedException;
import java.util.EnumSet;
import java.util.List;
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
  private final LifecycleState payAsYouGo = LifecycleState.payAsYouGo(PolicyPresets.ALIBABA_PAYG, "V3", Fixtures.SHANGHAI,
      Fixtures.BOUGHT);
  private final LifecycleState inArrears = Lifecycle.advance(
      Lifecycle.startArrears(payAsYouGo, shanghai("2023-03-09T00:00:00")), shanghai("2023-03-09T00:00:00")).state();

  @Test
  void anActivePrepaidResourceAllowsEverything() {
    assertThat(Operations.allowed(huawei)).containsExactlyInAnyOrder(Operation.values());
  }

  @Test
  void graceAndFrozenAllowOnlyRenewing() {
    assertThat(Operations.allowed(grace)).containsExactly(Operation.RENEW);
    assertThat(Operations.allowed(frozen)).containsExactly(Operation.RENEW);
  }

  @Test
  void anActivePayAsYouGoResourceAllowsOnlyUnsubscribing() {
    assertThat(Operations.allowed(payAsYouGo)).containsExactly(Operation.UNSUBSCRIBE);
  }

  @Test
  void aPayAsYouGoResourceInArrearsAllowsNothing() {
    assertThat(inArrears.phase()).isNotEqualTo(Phase.ACTIVE);
    assertThat(Operations.allowed(inArrears)).isEmpty();
  }

  @Test
  void renewingOrSettingAutoRenewalOfAPayAsYouGoResourceIsRefusedAsNotRenewable() {
    for (Operation operation : List.of(Operation.RENEW, Operation.SET_AUTO_RENEW)) {
      assertThatThrownBy(() -> Operations.require(payAsYouGo, operation))
          .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("NOT_RENEWABLE");
    }
    assertThatThrownBy(() -> Operations.require(payAsYouGo, Operation.CHANGE_ADD_ONS))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("ADD_ONS_NOT_ALLOWED");
  }

  @Test
  void theAllowedListAndTheGateAreOneRuleInEveryState() {
    for (LifecycleState state : List.of(huawei, grace, frozen, pending, released, payAsYouGo, inArrears)) {
      EnumSet<Operation> passed = EnumSet.noneOf(Operation.class);
      for (Operation operation : Operation.values()) {
        try {
          Operations.require(state, operation);
          passed.add(operation);
        } catch (RejectedException refused) {
          assertThat(refused.code()).matches("[A-Z_]+");
        }
      }
      assertThat(Operations.allowed(state)).as("%s", state.phase()).isEqualTo(passed);
    }
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
  void changingAddOnsOrAutoRenewalAfterExpiryIsRefused() {
    assertThatThrownBy(() -> Operations.require(grace, Operation.CHANGE_ADD_ONS))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("ADD_ONS_NOT_ALLOWED");
    assertThatThrownBy(() -> Operations.require(frozen, Operation.SET_AUTO_RENEW))
        .isInstanceOf(RejectedException.class).extracting("code").isEqualTo("OPERATION_NOT_ALLOWED");
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
  void anEndedResourceNoLongerRenewsItself() {
    LifecycleState renewing = Fixtures.withAutoRenew(huawei);
    LifecycleState unsubscribed = Lifecycle.unsubscribe(renewing, shanghai("2023-03-20T00:00:00")).state();

    assertThat(renewing.renewsItself()).isTrue();
    assertThat(unsubscribed.renewsItself()).isFalse();
    assertThat(unsubscribed.autoRenew().enabled()).as("stored off").isFalse();
  }
}
