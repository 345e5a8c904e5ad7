package io.tenure.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.error.NotFoundException;
import io.tenure.lifecycle.PolicyPresets;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

  private static final Currency CNY = Currency.getInstance("CNY");
  private final Catalog catalog = CatalogFile.demo();

  @Test
  void isVersionOneInYuan() {
    assertThat(catalog.version()).isEqualTo(1);
    assertThat(catalog.currency()).isEqualTo(CNY);
  }

  @Test
  void sellsTheFourSeedProducts() {
    assertThat(catalog.products()).extracting(Product::code)
        .containsExactly("koodrive", "tencent-drive", "wedata", "ecs");
  }

  @Test
  void koodriveBasicIsTheSeed002Edition() {
    Plan basic = catalog.plan("koodrive-basic");
    assertThat(basic.productCode()).isEqualTo("koodrive");
    assertThat(basic.mode()).isEqualTo(BillingMode.PREPAID);
    assertThat(basic.price(BillingPeriod.MONTH)).contains(new Money(18000, CNY));
    assertThat(basic.price(BillingPeriod.YEAR)).isPresent();
    assertThat(basic.included("users")).isEqualTo(5);
    assertThat(basic.included("storage_gb")).isEqualTo(200);
    assertThat(basic.maximum("users")).isEqualTo(OptionalLong.of(20_000));
    assertThat(basic.maximum("storage_gb")).isEqualTo(OptionalLong.of(95L * 1000 * 1000));
    assertThat(basic.addOnCodes()).containsExactly("koodrive-users", "koodrive-storage");
    assertThat(catalog.policyOf(basic)).isEqualTo(PolicyPresets.HUAWEI_DRIVE);
  }

  @Test
  void koodriveAddOnsAddUsersAndStorage() {
    AddOn users = catalog.addOn("koodrive-users");
    assertThat(users.dimension()).isEqualTo("users");
    assertThat(users.amountPerUnit()).isEqualTo(1);
    assertThat(users.pricePerUnit(BillingPeriod.MONTH)).contains(new Money(275, CNY));
    AddOn storage = catalog.addOn("koodrive-storage");
    assertThat(storage.dimension()).isEqualTo("storage_gb");
    assertThat(storage.amountPerUnit()).isEqualTo(100);
    assertThat(storage.pricePerUnit(BillingPeriod.MONTH)).isPresent();
  }

  @Test
  void tencentAndWedataPlansFollowTheirSeedPolicies() {
    assertThat(catalog.policyOf(catalog.plan("tencent-drive-enterprise"))).isEqualTo(PolicyPresets.TENCENT_DRIVE);
    assertThat(catalog.policyOf(catalog.plan("wedata-edition-basic"))).isEqualTo(PolicyPresets.WEDATA_EDITION);
    Plan execution = catalog.plan("wedata-execution-package");
    assertThat(catalog.policyOf(execution)).isEqualTo(PolicyPresets.WEDATA_EXECUTION);
    assertThat(execution.groupable()).isTrue();
    assertThat(catalog.plan("wedata-edition-basic").groupable()).isFalse();
  }

  @Test
  void ecsIsPayAsYouGoWithThreeMeters() {
    Plan ecs = catalog.plan("ecs-general");
    assertThat(ecs.mode()).isEqualTo(BillingMode.PAYG);
    assertThat(ecs.prices()).isEmpty();
    assertThat(ecs.meters()).extracting(Meter::code).containsExactly("vcpu_hours", "storage_gb_hours", "egress_gb");
    assertThat(ecs.meter("storage_gb_hours").orElseThrow().unitPrice()).isEqualByComparingTo(new BigDecimal("0.0004"));
    assertThat(catalog.policyOf(ecs)).isEqualTo(PolicyPresets.ALIBABA_PAYG);
  }

  @Test
  void shipsTheFivePresets() {
    assertThat(catalog.policies()).containsExactlyInAnyOrderElementsOf(PolicyPresets.ALL);
  }

  @Test
  void unknownCodesAreNotFoundWithStableCodes() {
    assertThatThrownBy(() -> catalog.plan("nope")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("'nope'").extracting("code").isEqualTo("PLAN_NOT_FOUND");
    assertThatThrownBy(() -> catalog.addOn("nope")).extracting("code").isEqualTo("ADD_ON_NOT_FOUND");
    assertThatThrownBy(() -> catalog.policy("nope")).extracting("code").isEqualTo("POLICY_NOT_FOUND");
    assertThatThrownBy(() -> catalog.product("nope")).extracting("code").isEqualTo("PRODUCT_NOT_FOUND");
    assertThat(catalog.findPlan("nope")).isEmpty();
  }

  @Test
  void catalogListsAreImmutable() {
    assertThatThrownBy(() -> catalog.plans().add(catalog.plans().getFirst()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> catalog.plan("koodrive-basic").included().put("users", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(List.copyOf(catalog.addOns())).hasSize(2);
  }
}
