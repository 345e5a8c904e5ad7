package io.tenure.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.error.InvalidInputException;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.Policy;
import io.tenure.lifecycle.PolicyPhase;
import io.tenure.lifecycle.PolicyPresets;
import io.tenure.lifecycle.RenewFrom;
import io.tenure.lifecycle.ServiceLevel;
import io.tenure.lifecycle.Trigger;
import java.math.BigDecimal;
import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class CatalogFileTest {

  /** A small valid catalog; the tests below change one line of it and expect an error naming that line. */
  private static final String BASE = """
      version: 1
      currency: CNY
      tiers: [V3, gold]
      products:
        - code: drive
          name: Drive
      addOns:
        - code: users
          name: Users
          dimension: users
          amountPerUnit: 1
          prices: {MONTH: 2.75}
      plans:
        - code: basic
          product: drive
          name: Basic
          mode: PREPAID
          prices: {MONTH: 180.00}
          included: {users: 5}
          maximum: {users: 10}
          addOns: [users]
          policy: drive-overdue
      policies:
        - preset: huawei-drive
          code: drive-overdue
      """;

  private static final String INLINE_POLICY = """
        - code: custom
          trigger: EXPIRY
          phases:
            - phase: GRACE
              service: LIMITED
              label: Expired
              length: {default: P15D, V3: P7D}
            - phase: FROZEN
              service: NONE
              label: Frozen
          renewFrom: LATER_OF
          refundFeePercent: 5
          group: {freezeGroup: true, refundUnexpired: false}
      """;

  private static String replace(String text, String old, String replacement) {
    assertThat(text).contains(old);
    return text.replace(old, replacement);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(String text) {
    return assertThatThrownBy(() -> CatalogFile.parse(text, "t.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "INVALID_CATALOG");
  }

  private static void assertInvalid(String text, String message) {
    assertInvalid(text).hasMessage(message);
  }

  private static void assertInvalidStartingWith(String text, String messageStart) {
    assertInvalid(text).hasMessageStartingWith(messageStart);
  }

  @Test
  void readsTheSmallCatalog() {
    Catalog catalog = CatalogFile.parse(BASE, "t.yaml");
    Plan basic = catalog.plan("basic");
    assertThat(basic.price(BillingPeriod.MONTH).orElseThrow().toString()).isEqualTo("180.00");
    assertThat(basic.price(BillingPeriod.YEAR)).isEmpty();
    assertThat(basic.groupable()).isFalse();
    assertThat(catalog.tiers()).containsExactly("V3", "gold");
    assertThat(catalog.findPolicy("huawei-drive")).isEmpty();
  }

  @Test
  void aPresetKeepsOnlyItsRowsForTheListedTiersAndDefaultServesTheOthers() {
    Policy policy = CatalogFile.parse(BASE, "t.yaml").policy("drive-overdue");
    assertThat(policy.phases()).extracting(PolicyPhase::lengthByTier)
        .containsExactly(java.util.Map.of("V3", Duration.ofDays(7), "default", Duration.ofDays(15)),
            java.util.Map.of("V3", Duration.ofDays(7), "default", Duration.ofDays(15)));
    assertThat(policy.phases().getFirst().length("gold")).as("gold is listed, huawei-drive does not name it")
        .contains(Duration.ofDays(15));
  }

  @Test
  void refusesACatalogThatListsNoTiers() {
    assertInvalid(replace(BASE, "tiers: [V3, gold]\n", ""), "t.yaml:1: tiers: is required");
    assertInvalid(replace(BASE, "tiers: [V3, gold]", "tiers: []"), "t.yaml:3: tiers: needs at least one tier");
  }

  @Test
  void refusesTiersThatDifferOnlyInCaseOrAreNamedDefault() {
    assertInvalid(replace(BASE, "tiers: [V3, gold]", "tiers: [V3, v3]"),
        "t.yaml:3: tiers[1]: tier 'v3' is listed twice (tiers are told apart with their case, so list each once)");
    assertInvalid(replace(BASE, "tiers: [V3, gold]", "tiers: [V3, Default]"),
        "t.yaml:3: tiers[1]: 'Default' is the row for tiers a policy does not name, not a tier");
    assertInvalid(replace(BASE, "tiers: [V3, gold]", "tiers: [V3, 'gold plus']"),
        "t.yaml:3: tiers[1]: 'gold plus' is not a tier (1 to 40 letters, digits, '.', '_' or '-')");
  }

  @Test
  void refusesAPolicyRowForATierTheCatalogDoesNotList() {
    assertInvalid(replace(BASE + INLINE_POLICY, "V3: P7D", "v3: P7D"),
        "t.yaml:32: policies[1].phases[0].length.v3: 'v3' is not one of the catalog's tiers (V3, gold) nor 'default'");
  }

  @Test
  void aVersionStoredBeforeTiersKnowsTheTiersItsPoliciesName() {
    Catalog stored = CatalogFile.parseStored(replace(BASE, "tiers: [V3, gold]\n", ""), "catalog version 1");
    assertThat(stored.tiers()).containsExactly("V0", "V1", "V2", "V3", "V4", "V5");
    assertThat(stored.policy("drive-overdue").phases()).isEqualTo(PolicyPresets.HUAWEI_DRIVE.phases());
  }

  @Test
  void readsJsonToo() {
    String json = """
        {"version": 2, "currency": "EUR", "tiers": ["standard"], "products": [{"code": "p", "name": "P"}],
         "plans": [{"code": "x", "product": "p", "name": "X", "mode": "PREPAID", "prices": {"YEAR": "99.90"},
                    "policy": "tencent-drive"}],
         "policies": [{"preset": "tencent-drive"}]}
        """;
    Catalog catalog = CatalogFile.parse(json, "t.json");
    assertThat(catalog.version()).isEqualTo(2);
    assertThat(catalog.plan("x").price(BillingPeriod.YEAR).orElseThrow().toString()).isEqualTo("99.90");
    assertThat(catalog.addOns()).isEmpty();
  }

  @Test
  void readsAnInlinePolicyWithEveryField() {
    Policy policy = CatalogFile.parse(BASE + INLINE_POLICY, "t.yaml").policy("custom");
    assertThat(policy.trigger()).isEqualTo(Trigger.EXPIRY);
    assertThat(policy.phases()).containsExactly(
        new PolicyPhase(Phase.GRACE, ServiceLevel.LIMITED,
            java.util.Map.of("default", Duration.ofDays(15), "V3", Duration.ofDays(7)), "Expired"),
        new PolicyPhase(Phase.FROZEN, ServiceLevel.NONE, java.util.Map.of(), "Frozen"));
    assertThat(policy.releases()).isFalse();
    assertThat(policy.renewFrom()).isEqualTo(RenewFrom.LATER_OF);
    assertThat(policy.refundFeePercent()).isEqualByComparingTo(new BigDecimal("5"));
    assertThat(policy.group()).isEqualTo(new Policy.GroupRule(true, false));
  }

  @Test
  void inlinePolicyDefaultsAreOldEndNoFeeAndNoGroupRule() {
    String minimal = """
          - code: minimal
            trigger: ARREARS
            phases:
              - {phase: GRACE, service: FULL, label: In arrears, length: {default: PT2H}}
        """;
    Policy policy = CatalogFile.parse(BASE + minimal, "t.yaml").policy("minimal");
    assertThat(policy.renewFrom()).isEqualTo(RenewFrom.OLD_END);
    assertThat(policy.refundFeePercent()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(policy.group()).isEqualTo(Policy.GroupRule.NONE);
    assertThat(policy.phases().getFirst().length("gold")).contains(Duration.ofHours(2));
  }

  @Test
  void refusesAnEmptyDocument() {
    assertInvalid("", "t.yaml:1: (document): is empty");
    assertInvalid("# nothing\n", "t.yaml:1: (document): is empty");
  }

  @Test
  void refusesADocumentThatIsNotAMapping() {
    assertInvalid("- a\n- b\n", "t.yaml:1: (document): must be a mapping of fields");
  }

  @Test
  void refusesMalformedYamlNamingItsLine() {
    assertInvalid(replace(BASE, "    name: Basic\n", "    name: [Basic\n"))
        .hasMessageMatching("t\\.yaml:(1[7-9]|20): \\(document\\): is not valid YAML: .*");
    assertInvalid(replace(BASE, "  - code: drive\n", "  - code: drive\n  code: again\n"))
        .hasMessageStartingWith("t.yaml:6: (document): is not valid YAML: while parsing a block collection")
        .hasMessageNotContaining("\n");
  }

  @Test
  void refusesADuplicateKey() {
    assertInvalid(replace(BASE, "    name: Basic\n", "    name: Basic\n    name: Again\n"),
        "t.yaml:17: plans[0].name: appears twice");
  }

  @Test
  void refusesMissingRequiredFields() {
    assertInvalid(replace(BASE, "version: 1\n", ""), "t.yaml:1: version: is required");
    assertInvalid(replace(BASE, "    product: drive\n", ""), "t.yaml:14: plans[0].product: is required");
    assertInvalid(replace(BASE, "    amountPerUnit: 1\n", ""), "t.yaml:8: addOns[0].amountPerUnit: is required");
    assertInvalid(replace(BASE, "    name: Drive\n", "    name: ~\n"), "t.yaml:6: products[0].name: is required");
    assertInvalid(replace(BASE, "    name: Drive\n", "    name:\n"), "t.yaml:6: products[0].name: must be a non-empty text");
    assertInvalid(replace(BASE, "    name: Drive\n", "    name: '  '\n"), "t.yaml:6: products[0].name: must be a non-empty text");
  }

  @Test
  void readsAPlansFeaturesInFileOrderAndRefusesOneListedTwice() {
    Catalog catalog = CatalogFile.parse(replace(BASE, "    policy: drive-overdue\n",
        "    policy: drive-overdue\n    features: [public-links, file-sync]\n"), "t.yaml");
    assertThat(catalog.plan("basic").features()).containsExactly("public-links", "file-sync");
    assertThat(catalog.plan("basic").hasFeature("file-sync")).isTrue();
    assertInvalid(replace(BASE, "    policy: drive-overdue\n", "    policy: drive-overdue\n    features: [public-links, public-links]\n"),
        "t.yaml:23: plans[0].features[1]: code 'public-links' is used twice");
  }

  @Test
  void refusesUnknownFieldsListingTheKnownOnes() {
    assertInvalid(replace(BASE, "currency: CNY\n", "currency: CNY\ncolour: red\n"),
        "t.yaml:3: colour: is not a known field (known: addOns, currency, plans, policies, products, tiers, version)");
    assertInvalidStartingWith(replace(BASE, "    policy: drive-overdue\n", "    policy: drive-overdue\n    discount: 5\n"),
        "t.yaml:23: plans[0].discount: is not a known field (known: addOns, code, features, groupable,");
  }

  @Test
  void refusesABadVersion() {
    assertInvalid(replace(BASE, "version: 1\n", "version: 0\n"), "t.yaml:1: version: 0 is out of range (1 or more)");
    assertInvalid(replace(BASE, "version: 1\n", "version: 1.5\n"), "t.yaml:1: version: must be a whole number");
    assertInvalid(replace(BASE, "version: 1\n", "version: 3000000000\n"), "t.yaml:1: version: 3000000000 is too large");
  }

  @Test
  void refusesAnUnknownCurrencyOrOneWithoutMinorUnit() {
    assertInvalid(replace(BASE, "currency: CNY", "currency: XYZ"), "t.yaml:2: currency: 'XYZ' is not an ISO 4217 currency code");
    assertInvalid(replace(BASE, "currency: CNY", "currency: XXX"), "t.yaml:2: currency: 'XXX' has no minor unit and cannot be used for money");
  }

  @Test
  void refusesPricesThatAreNotPositive() {
    assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: 0}"), "t.yaml:18: plans[0].prices.MONTH: 0 must be positive");
    assertInvalid(replace(BASE, "{MONTH: 2.75}", "{MONTH: -2.75}"), "t.yaml:12: addOns[0].prices.MONTH: -2.75 must be positive");
  }

  @Test
  void refusesMoreDecimalsThanTheCurrencyHas() {
    assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: 180.001}"),
        "t.yaml:18: plans[0].prices.MONTH: 180.001 has more than 2 decimals for CNY");
    assertInvalid(replace(replace(BASE, "currency: CNY", "currency: JPY"), "{MONTH: 2.75}", "{MONTH: 2.5}"),
        "t.yaml:12: addOns[0].prices.MONTH: 2.5 has more than 0 decimals for JPY");
  }

  @Test
  void acceptsTrailingZerosAndQuotedAmounts() {
    Catalog catalog = CatalogFile.parse(replace(BASE, "{MONTH: 180.00}", "{MONTH: '180.0000'}"), "t.yaml");
    assertThat(catalog.plan("basic").price(BillingPeriod.MONTH).orElseThrow().minor()).isEqualTo(18000);
  }

  @Test
  void refusesNonNumericAmountsAndUnknownPeriods() {
    assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: lots}"),
        "t.yaml:18: plans[0].prices.MONTH: 'lots' is not a decimal in ASCII digits like \"180.00\"");
    assertInvalid(replace(BASE, "{MONTH: 180.00}", "{WEEK: 180.00}"),
        "t.yaml:18: plans[0].prices.WEEK: is not a billing period (MONTH or YEAR)");
    assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: .inf}"), "t.yaml:18: plans[0].prices.MONTH: '.inf' is not a plain number in ASCII digits like 180.00 or 5");
  }

  @Test
  void refusesDigitsOfOtherScriptsInAPriceQuotedOrNot() {
    assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: \"\u0661\u0662\"}"),
        "t.yaml:18: plans[0].prices.MONTH: '\u0661\u0662' is not a decimal in ASCII digits like \"180.00\"");
    assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: \u0661\u0662}"),
        "t.yaml:18: plans[0].prices.MONTH: '\u0661\u0662' is not a decimal in ASCII digits like \"180.00\"");
    assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: '\uff11\uff12.00'}")).hasMessageContaining("ASCII digits");
  }

  @Test
  void refusesNumbersWrittenWithAnExponentUnderscoresAnotherBaseOrASign() {
    for (String written : new String[] {"1e2", "1_80", "0x1F", "0o17", "+180", ".5", "180.", "3:00"}) {
      assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: " + written + "}"))
          .as(written).hasMessageStartingWith("t.yaml:18: plans[0].prices.MONTH: '");
      assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: \"" + written + "\"}")).as(written)
          .hasMessageStartingWith("t.yaml:18: plans[0].prices.MONTH: '");
    }
    assertInvalid(replace(BASE, "    amountPerUnit: 1\n", "    amountPerUnit: 0x1\n"),
        "t.yaml:11: addOns[0].amountPerUnit: '0x1' is not a plain number in ASCII digits like 180.00 or 5");
  }

  @Test
  void refusesAHugeNumberWithoutRepeatingIt() {
    String huge = "1" + "0".repeat(5000);
    assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: \"" + huge + "\"}"))
        .hasMessage("t.yaml:18: plans[0].prices.MONTH: '" + huge.substring(0, 64) + "…' is not a decimal in ASCII digits like \"180.00\"");
  }

  @Test
  void refusesControlCharactersInNames() {
    assertInvalid(replace(BASE, "    name: Drive\n", "    name: \"Dri\\0ve\"\n"),
        "t.yaml:6: products[0].name: must be one line of text without control characters");
    assertInvalid(replace(BASE, "    name: Drive\n", "    name: \"Drive\\nTwo\"\n"),
        "t.yaml:6: products[0].name: must be one line of text without control characters");
  }

  @Test
  void cutsALongValueOrFieldNameInTheError() {
    String longCode = "X".repeat(5000);
    assertInvalid(replace(BASE, "currency: CNY", "currency: " + longCode),
        "t.yaml:2: currency: '" + "X".repeat(64) + "…' is not an ISO 4217 currency code");
    assertInvalid(replace(BASE, "currency: CNY\n", "currency: CNY\n" + "y".repeat(500) + ": 1\n"))
        .hasMessageStartingWith("t.yaml:3: " + "y".repeat(64) + "…: is not a known field");
  }

  @Test
  void refusesDuplicateCodes() {
    assertInvalid(replace(BASE, "    name: Drive\n", "    name: Drive\n  - code: drive\n    name: Again\n"),
        "t.yaml:7: products[1].code: code 'drive' is used twice");
    assertInvalid(BASE + "  - preset: tencent-drive\n  - preset: tencent-drive\n",
        "t.yaml:27: policies[2]: code 'tencent-drive' is used twice");
  }

  @Test
  void refusesCodesThatAreNotCodes() {
    assertInvalid(replace(BASE, "  - code: basic\n", "  - code: Basic Plan\n"),
        "t.yaml:14: plans[0].code: 'Basic Plan' is not a code (lower-case letters, digits, '-' and '_', at most 64)");
  }

  @Test
  void refusesReferencesToMissingProductsAddOnsAndPolicies() {
    assertInvalid(replace(BASE, "    product: drive\n", "    product: disk\n"),
        "t.yaml:15: plans[0].product: product 'disk' is not in the catalog");
    assertInvalid(replace(BASE, "[users]", "[seats]"), "t.yaml:21: plans[0].addOns[0]: add-on 'seats' is not in the catalog");
    assertInvalid(replace(BASE, "    policy: drive-overdue\n", "    policy: huawei-drive\n"),
        "t.yaml:22: plans[0].policy: policy 'huawei-drive' is not in the catalog");
  }

  @Test
  void refusesAnAddOnListedTwice() {
    assertInvalid(replace(BASE, "[users]", "[users, users]"), "t.yaml:21: plans[0].addOns[1]: add-on 'users' is listed twice");
  }

  @Test
  void refusesAnAddOnForADimensionThePlanDoesNotHave() {
    assertInvalid(replace(BASE, "    dimension: users\n", "    dimension: seats\n"),
        "t.yaml:21: plans[0].addOns[0]: add-on 'users' adds to 'seats', which the plan neither includes nor limits");
  }

  @Test
  void refusesAnAddOnNotSoldByEveryPeriodOfThePlan() {
    assertInvalid(replace(BASE, "{MONTH: 180.00}", "{MONTH: 180.00, YEAR: 1800}"),
        "t.yaml:21: plans[0].addOns[0]: add-on 'users' has no YEAR price, but the plan is sold by YEAR");
  }

  @Test
  void refusesIncludedQuantitiesAboveTheMaximum() {
    assertInvalid(replace(BASE, "{users: 10}", "{users: 4}"), "t.yaml:19: plans[0].included.users: includes 5, more than the maximum of 4");
  }

  @Test
  void refusesNegativeOrFractionalQuantities() {
    assertInvalid(replace(BASE, "{users: 5}", "{users: -1}"), "t.yaml:19: plans[0].included.users: -1 is out of range (0 or more)");
    assertInvalid(replace(BASE, "{users: 10}", "{users: 0}"), "t.yaml:20: plans[0].maximum.users: 0 is out of range (1 or more)");
    assertInvalid(replace(BASE, "    amountPerUnit: 1\n", "    amountPerUnit: 1.5\n"), "t.yaml:11: addOns[0].amountPerUnit: must be a whole number");
  }

  @Test
  void refusesAPrepaidPlanWithoutPricesOrWithMeters() {
    assertInvalid(replace(BASE, "    prices: {MONTH: 180.00}\n", ""), "t.yaml:14: plans[0]: a PREPAID plan needs a price for MONTH or YEAR");
    assertInvalid(replace(BASE, "    policy: drive-overdue\n", "    policy: drive-overdue\n    hourlyPrice: 1\n"),
        "t.yaml:23: plans[0].hourlyPrice: only PAYG plans have hourlyPrice");
  }

  @Test
  void refusesAPayAsYouGoPlanWithPrepaidPricesOrNothingToRate() {
    assertInvalid(replace(BASE, "mode: PREPAID", "mode: PAYG"), "t.yaml:18: plans[0].prices: a PAYG plan has no prices");
    String payg = replace(replace(replace(BASE, "mode: PREPAID", "mode: PAYG"), "    prices: {MONTH: 180.00}\n", ""),
        "    addOns: [users]\n", "");
    assertInvalid(payg, "t.yaml:14: plans[0]: a PAYG plan needs meters or an hourlyPrice");
  }

  @Test
  void refusesAPolicyWhoseTriggerDoesNotFitThePlanMode() {
    String payg = replace(replace(replace(BASE, "mode: PREPAID", "mode: PAYG"), "    prices: {MONTH: 180.00}\n",
        "    meters: [{code: egress_gb, unit: GB, unitPrice: 0.5}]\n"), "    addOns: [users]\n", "");
    assertInvalid(payg, "t.yaml:21: plans[0].policy: policy 'drive-overdue' is triggered by EXPIRY, but a PAYG plan needs an ARREARS policy");
    Catalog catalog = CatalogFile.parse(replace(payg, "preset: huawei-drive", "preset: alibaba-payg"), "t.yaml");
    assertThat(catalog.plan("basic").meter("egress_gb").orElseThrow().unit()).isEqualTo("GB");
  }

  @Test
  void refusesBadMeters() {
    String payg = replace(replace(replace(BASE, "mode: PREPAID", "mode: PAYG"), "    prices: {MONTH: 180.00}\n",
        "    meters:\n      - {code: egress_gb, unit: GB, unitPrice: 0.123456789}\n"), "    addOns: [users]\n", "")
        .replace("preset: huawei-drive", "preset: alibaba-payg");
    assertInvalid(payg, "t.yaml:19: plans[0].meters[0].unitPrice: 0.123456789 has more than 8 decimals");
    assertInvalid(payg.replace("0.123456789", "0"), "t.yaml:19: plans[0].meters[0].unitPrice: 0 must be positive");
    assertInvalid(payg.replace("0.123456789}", "0.1}\n      - {code: egress_gb, unit: GB, unitPrice: 0.2}"),
        "t.yaml:20: plans[0].meters[1].code: code 'egress_gb' is used twice");
  }

  @Test
  void refusesAnUnknownPreset() {
    assertInvalid(replace(BASE, "preset: huawei-drive", "preset: huawei"),
        "t.yaml:24: policies[0].preset: 'huawei' is not a preset (presets: tencent-drive, wedata-edition, wedata-execution, huawei-drive, alibaba-payg)");
    assertInvalidStartingWith(replace(BASE, "    code: drive-overdue\n", "    code: drive-overdue\n    trigger: EXPIRY\n"),
        "t.yaml:26: policies[0].trigger: is not a known field (known: code, preset)");
  }

  @Test
  void refusesInlinePolicyErrorsNamingTheirLines() {
    String text = BASE + INLINE_POLICY;
    assertInvalid(replace(text, "trigger: EXPIRY", "trigger: LATE"), "t.yaml:27: policies[1].trigger: 'LATE' is not one of [EXPIRY, ARREARS]");
    assertInvalid(replace(text, "phase: GRACE", "phase: ACTIVE"), "t.yaml:29: policies[1].phases[0].phase: a policy phase is GRACE or FROZEN, not ACTIVE");
    assertInvalid(replace(text, "service: LIMITED", "service: SOME"),
        "t.yaml:30: policies[1].phases[0].service: 'SOME' is not one of [FULL, LIMITED, NONE]");
    assertInvalid(replace(text, "        label: Expired\n", ""), "t.yaml:29: policies[1].phases[0].label: is required");
    assertInvalid(replace(text, "renewFrom: LATER_OF", "renewFrom: SOMETIME"),
        "t.yaml:36: policies[1].renewFrom: 'SOMETIME' is not one of [OLD_END, NOW, LATER_OF]");
  }

  @Test
  void refusesBadPhaseLengths() {
    String text = BASE + INLINE_POLICY;
    assertInvalid(replace(text, "V3: P7D", "V3: PT36H"),
        "t.yaml:32: policies[1].phases[0].length.V3: 'PT36H' is not a whole number of days, which an EXPIRY policy needs");
    assertInvalid(replace(text, "V3: P7D", "V3: 7 days"),
        "t.yaml:32: policies[1].phases[0].length.V3: '7 days' is not an ISO-8601 duration such as P15D or PT2H");
    assertInvalid(replace(text, "V3: P7D", "V3: P0D"), "t.yaml:32: policies[1].phases[0].length.V3: 'P0D' must be positive");
    assertInvalid(replace(text, "V3: P7D", "V3: -P7D"), "t.yaml:32: policies[1].phases[0].length.V3: '-P7D' must be positive");
    assertInvalid(replace(text, "{default: P15D, V3: P7D}", "{V3: P7D}"),
        "t.yaml:32: policies[1].phases[0].length: needs a 'default' row for the tiers it does not name");
    assertInvalid(replace(text, "        length: {default: P15D, V3: P7D}\n", ""),
        "t.yaml:29: policies[1].phases[0].length: only the last phase may be indefinite; this one needs a length");
  }

  @Test
  void arrearsPoliciesMayLastHours() {
    String text = replace(replace(BASE + INLINE_POLICY, "trigger: EXPIRY", "trigger: ARREARS"), "V3: P7D", "V3: PT36H");
    assertThat(CatalogFile.parse(text, "t.yaml").policy("custom").phases().getFirst().length("V3")).contains(Duration.ofHours(36));
  }

  @Test
  void refusesARefundFeeOutsideZeroToHundredAndUnknownGroupFields() {
    String text = BASE + INLINE_POLICY;
    assertInvalid(replace(text, "refundFeePercent: 5", "refundFeePercent: 101"),
        "t.yaml:37: policies[1].refundFeePercent: 101 is not between 0 and 100");
    assertInvalid(replace(text, "refundFeePercent: 5", "refundFeePercent: -1"),
        "t.yaml:37: policies[1].refundFeePercent: -1 is not between 0 and 100");
    assertInvalid(replace(text, "freezeGroup: true", "freezeGroup: yes please"),
        "t.yaml:38: policies[1].group.freezeGroup: must be true or false");
    assertInvalidStartingWith(replace(text, "refundUnexpired: false", "refundUnexpired: false, release: true"),
        "t.yaml:38: policies[1].group.release: is not a known field");
  }

  @Test
  void refusesAListWhereAMappingBelongsAndTheOtherWayRound() {
    assertInvalid(replace(BASE, "products:\n  - code: drive\n    name: Drive\n", "products: {code: drive}\n"),
        "t.yaml:4: products: must be a list");
    assertInvalid(replace(BASE, "{users: 5}", "[5]"), "t.yaml:19: plans[0].included: must be a mapping of fields");
  }

  @Test
  void refusesAPolicyReferenceToTheWrongKindOfValue() {
    assertInvalid(replace(BASE, "    policy: drive-overdue\n", "    policy: 7\n"), "t.yaml:22: plans[0].policy: must be a non-empty text");
  }

  @Test
  void theErrorNamesTheSourceGiven() {
    assertThatThrownBy(() -> CatalogFile.parse("version: 0\n", "catalogs/v2.yaml"))
        .hasMessageStartingWith("catalogs/v2.yaml:1: version:");
  }
}
