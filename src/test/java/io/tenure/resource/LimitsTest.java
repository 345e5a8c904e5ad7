package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.catalog.Catalog;
import io.tenure.catalog.CatalogFile;
import io.tenure.catalog.Plan;
import io.tenure.error.LimitExceededException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {

  private static final Catalog CATALOG = CatalogFile.demo();
  private static final Plan BASIC = CATALOG.plan("koodrive-basic");
  /** 95 PB in decimal gigabytes. */
  private static final long STORAGE_MAXIMUM_GB = 95L * 1000 * 1000;

  @Test
  void thePlanAloneGivesItsIncludedQuantities() {
    assertThat(Limits.check(CATALOG, BASIC, Map.of())).containsExactly(Map.entry("users", 5L), Map.entry("storage_gb", 200L));
  }

  @Test
  void addOnsAddTheirAmountPerUnit() {
    assertThat(Limits.check(CATALOG, BASIC, Map.of("koodrive-users", 5L, "koodrive-storage", 3L)))
        .containsEntry("users", 10L).containsEntry("storage_gb", 500L);
  }

  @Test
  void acceptsExactlyTwentyThousandUsers() {
    assertThat(Limits.check(CATALOG, BASIC, Map.of("koodrive-users", 19_995L))).containsEntry("users", 20_000L);
  }

  @Test
  void refusesTwentyThousandAndOneUsersNamingTheDimensionTotalAndLimit() {
    assertThatThrownBy(() -> Limits.check(CATALOG, BASIC, Map.of("koodrive-users", 19_996L)))
        .isInstanceOf(LimitExceededException.class)
        .hasMessage("Plan koodrive-basic allows at most 20000 users in total; this request needs 20001 (5 included plus 19996 from add-ons).")
        .extracting("code").isEqualTo("PLAN_LIMIT_EXCEEDED");
  }

  @Test
  void acceptsExactlyNinetyFivePetabytesAndRefusesOneUnitMore() {
    long units = (STORAGE_MAXIMUM_GB - 200) / 100;
    assertThat(Limits.check(CATALOG, BASIC, Map.of("koodrive-storage", units))).containsEntry("storage_gb", STORAGE_MAXIMUM_GB);
    assertThatThrownBy(() -> Limits.check(CATALOG, BASIC, Map.of("koodrive-storage", units + 1)))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("storage_gb").hasMessageContaining("95000000");
  }

  @Test
  void hugeQuantitiesAreRefusedWithoutOverflowing() {
    assertThatThrownBy(() -> Limits.check(CATALOG, BASIC, Map.of("koodrive-storage", Long.MAX_VALUE)))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining(
            java.math.BigInteger.valueOf(Long.MAX_VALUE).multiply(java.math.BigInteger.valueOf(100)).add(java.math.BigInteger.valueOf(200)).toString());
  }

  @Test
  void aDimensionWithoutMaximumHasNoLimit() {
    Plan edition = CATALOG.plan("wedata-edition-basic");
    assertThat(Limits.check(CATALOG, edition, Map.of())).isEmpty();
  }
}
