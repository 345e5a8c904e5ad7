package io.tenure.hold;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.catalog.Catalog;
import io.tenure.catalog.CatalogFile;
import io.tenure.catalog.Plan;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.Operation;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.ServiceLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntitlementsTest {
  private static final Catalog CATALOG = CatalogFile.demo();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant BOUGHT = Instant.parse("2023-03-08T07:50:04Z");
  private static final Instant TERM_END = Instant.parse("2023-04-08T15:59:59Z");

  private static LifecycleState active(Plan plan, String tier) {
    return LifecycleState.prepaid(CATALOG.policyOf(plan), tier, SHANGHAI, TERM_END, LifecycleState.AutoRenew.OFF, BOUGHT);
  }

  /** The state after every due instant up to {@code until}. */
  private static LifecycleState at(LifecycleState state, Instant until) {
    LifecycleState current = state;
    for (var due = Lifecycle.nextDueAt(current); due.isPresent() && !due.get().isAfter(until); due = Lifecycle.nextDueAt(current)) {
      current = Lifecycle.advance(current, due.get()).state();
    }
    return current;
  }

  private static Hold hold(HoldScope scope, String resourceId, String feature) {
    return new Hold("hold_1", "acc_1", scope, Optional.ofNullable(resourceId), Optional.ofNullable(feature), HoldReason.VIOLATION,
        false, "note", BOUGHT, "key_1", Optional.empty(), Optional.empty());
  }

  private static Entitlement of(Plan plan, LifecycleState state, List<Hold> holds) {
    return Entitlements.of("res_1", state, CATALOG, plan, Map.of(), holds, 7);
  }

  @Test
  void aPaidResourceWithoutHoldsHasFullServiceAndEveryFeature() {
    Plan drive = CATALOG.plan("tencent-drive-enterprise");
    Entitlement entitlement = of(drive, active(drive, "default"), List.of());
    assertThat(entitlement.serviceLevel()).isEqualTo(ServiceLevel.FULL);
    assertThat(entitlement.features()).extracting(Entitlement.Feature::locked).containsOnly(false);
    assertThat(entitlement.allowedOperations()).containsExactly(Operation.values());
    assertThat(entitlement.sequence()).isEqualTo(7);
  }

  @Test
  void aResourceHoldTakesAllServiceAwayButLeavesTheBillingOperations() {
    Plan drive = CATALOG.plan("tencent-drive-enterprise");
    Entitlement entitlement = of(drive, active(drive, "default"), List.of(hold(HoldScope.RESOURCE, "res_1", null)));
    assertThat(entitlement.serviceLevel()).isEqualTo(ServiceLevel.NONE);
    assertThat(entitlement.features()).extracting(Entitlement.Feature::locked).containsOnly(true);
    assertThat(entitlement.allowedOperations()).contains(Operation.RENEW);
    assertThat(entitlement.holds()).hasSize(1);
  }

  @Test
  void anAccountHoldBearsOnEveryResourceOfTheAccount() {
    Plan drive = CATALOG.plan("koodrive-basic");
    assertThat(of(drive, active(drive, "V3"), List.of(hold(HoldScope.ACCOUNT, null, null))).serviceLevel())
        .isEqualTo(ServiceLevel.NONE);
  }

  @Test
  void aHoldOnAnotherResourceOrALiftedHoldChangesNothing() {
    Plan drive = CATALOG.plan("tencent-drive-enterprise");
    Hold lifted = hold(HoldScope.RESOURCE, "res_1", null).lifted(TERM_END, "key_1");
    Entitlement entitlement = of(drive, active(drive, "default"), List.of(hold(HoldScope.RESOURCE, "res_2", null), lifted));
    assertThat(entitlement.serviceLevel()).isEqualTo(ServiceLevel.FULL);
    assertThat(entitlement.holds()).isEmpty();
  }

  @Test
  void aFeatureHoldLocksThatFeatureAlone() {
    Plan drive = CATALOG.plan("tencent-drive-enterprise");
    Entitlement entitlement = of(drive, active(drive, "default"), List.of(hold(HoldScope.FEATURE, "res_1", "public-links")));
    assertThat(entitlement.serviceLevel()).isEqualTo(ServiceLevel.FULL);
    assertThat(entitlement.features()).containsExactly(new Entitlement.Feature("file-sync", false),
        new Entitlement.Feature("public-links", true));
  }

  @Test
  void anExpiredWeDataEditionLocksEveryFeature() {
    Plan edition = CATALOG.plan("wedata-edition-basic");
    LifecycleState expired = at(active(edition, "default"), Instant.parse("2023-04-09T16:00:00Z"));
    assertThat(expired.phase()).isEqualTo(Phase.FROZEN);
    Entitlement entitlement = of(edition, expired, List.of());
    assertThat(entitlement.serviceLevel()).isEqualTo(ServiceLevel.NONE);
    assertThat(entitlement.features()).hasSize(3).extracting(Entitlement.Feature::locked).containsOnly(true);
  }

  @Test
  void limitedGraceKeepsFeaturesUnlocked() {
    Plan drive = CATALOG.plan("koodrive-basic");
    LifecycleState grace = at(active(drive, "V3"), Instant.parse("2023-04-09T16:00:00Z"));
    assertThat(grace.phase()).isEqualTo(Phase.GRACE);
    Entitlement entitlement = of(drive, grace, List.of());
    assertThat(entitlement.serviceLevel()).isEqualTo(ServiceLevel.LIMITED);
    assertThat(entitlement.features()).extracting(Entitlement.Feature::locked).containsOnly(false);
  }

  @Test
  void limitsAddEachAddOnsUnitsToThePlansIncludedQuantity() {
    Plan drive = CATALOG.plan("koodrive-basic");
    Entitlement entitlement = Entitlements.of("res_1", active(drive, "V3"), CATALOG, drive,
        Map.of("koodrive-users", 5L, "koodrive-storage", 2L), List.of(), 0);
    assertThat(entitlement.limits()).containsExactly(Map.entry("users", 10L), Map.entry("storage_gb", 400L));
  }
}
