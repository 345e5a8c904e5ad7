package io.tenure.lifecycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The overdue policies of the four seed pages, ready to be named in a catalog ({@code preset: huawei-drive}).
 * Lengths are whole days for expiry policies and exact durations for arrears policies (SPEC.md section 2).
 */
public final class PolicyPresets {

  /** Seed 000: everything stops at expiry; released as the 30th frozen day ends (D+31 00:00). */
  public static final Policy TENCENT_DRIVE = expiry("tencent-drive",
      List.of(new PolicyPhase(Phase.FROZEN, ServiceLevel.NONE, days(30), "All services unavailable")),
      Policy.GroupRule.NONE);

  /** Seed 001: an expired edition's features are locked until it is renewed; it is never released. */
  public static final Policy WEDATA_EDITION = expiry("wedata-edition",
      List.of(new PolicyPhase(Phase.FROZEN, ServiceLevel.NONE, Map.of(), "Features locked")),
      Policy.GroupRule.NONE);

  /** Seed 001: an execution package is isolated for 7 days, released at D+8 00:00; its group freezes. */
  public static final Policy WEDATA_EXECUTION = expiry("wedata-execution",
      List.of(new PolicyPhase(Phase.FROZEN, ServiceLevel.NONE, days(7), "Isolated")),
      new Policy.GroupRule(true, true));

  /**
   * Seed 002: grace (shown as "Expired", limited operations) then retention ("Frozen"), then deletion; the
   * lengths by Huawei's customer levels, the default row being the international 15/15.
   */
  public static final Policy HUAWEI_DRIVE = expiry("huawei-drive", List.of(
          new PolicyPhase(Phase.GRACE, ServiceLevel.LIMITED, Map.of(
              "V0", Duration.ofDays(1), "V1", Duration.ofDays(1), "V2", Duration.ofDays(1),
              "V3", Duration.ofDays(7), "V4", Duration.ofDays(7), "V5", Duration.ofDays(7),
              PolicyPhase.DEFAULT_TIER, Duration.ofDays(15)), "Expired"),
          new PolicyPhase(Phase.FROZEN, ServiceLevel.NONE, Map.of(
              "V0", Duration.ofDays(1), "V1", Duration.ofDays(7), "V2", Duration.ofDays(7),
              "V3", Duration.ofDays(7), "V4", Duration.ofDays(15), "V5", Duration.ofDays(15),
              PolicyPhase.DEFAULT_TIER, Duration.ofDays(15)), "Frozen")),
      Policy.GroupRule.NONE);

  /**
   * Seed 003: in arrears the instance keeps running for the tier's arrears period, then is stopped with
   * its data kept for 15 days, then released.
   */
  public static final Policy ALIBABA_PAYG = new Policy("alibaba-payg", Trigger.ARREARS, List.of(
          new PolicyPhase(Phase.GRACE, ServiceLevel.FULL, Map.of(
              "standard", Duration.ofHours(2), "silver", Duration.ofHours(24), "gold", Duration.ofDays(7),
              PolicyPhase.DEFAULT_TIER, Duration.ofHours(24)), "In arrears"),
          new PolicyPhase(Phase.FROZEN, ServiceLevel.NONE, days(15), "Stopped")),
      RenewFrom.OLD_END, BigDecimal.ZERO, Policy.GroupRule.NONE);

  public static final List<Policy> ALL = List.of(TENCENT_DRIVE, WEDATA_EDITION, WEDATA_EXECUTION, HUAWEI_DRIVE, ALIBABA_PAYG);

  private PolicyPresets() {}

  /** The preset called {@code code}, if there is one. */
  public static Optional<Policy> find(String code) {
    return ALL.stream().filter(policy -> policy.code().equals(code)).findFirst();
  }

  private static Policy expiry(String code, List<PolicyPhase> phases, Policy.GroupRule group) {
    return new Policy(code, Trigger.EXPIRY, phases, RenewFrom.OLD_END, BigDecimal.ZERO, group);
  }

  private static Map<String, Duration> days(int days) {
    return Map.of(PolicyPhase.DEFAULT_TIER, Duration.ofDays(days));
  }
}
