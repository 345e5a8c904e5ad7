package io.tenure.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tenure.lifecycle.Phase;
import io.tenure.money.Money;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One of a partner's accounts as the partner watches it (seed 003): its money, its arrears (since when, how much is
 * owed), since when its balance is low, how many hours its balance lasts at its recent spend, the resources whose
 * term ends within 7 days and the releases scheduled. Instants in the account's zone; a value the account does not
 * have (no arrears, not low, no recent spend) is left out.
 */
public record PartnerAccountView(
    String id,
    String name,
    String tier,
    String currency,
    Money balance,
    Money creditLimit,
    @JsonInclude(JsonInclude.Include.NON_NULL) Arrears arrears,
    @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime lowBalanceSince,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long runwayHours,
    List<ExpiringResource> expiringSoon,
    List<ScheduledRelease> releasesScheduled) {

  /** Since when the account is in arrears and what it owes (minus its balance, never below zero). */
  public record Arrears(OffsetDateTime since, Money amount) {}

  /** A resource whose paid term ends within 7 days; {@code autoRenew}: it renews itself if the balance covers it. */
  public record ExpiringResource(String resourceId, String plan, OffsetDateTime termEnd, boolean autoRenew) {}

  /** A resource in GRACE or FROZEN and the instant its release is requested if nobody pays. */
  public record ScheduledRelease(String resourceId, String plan, Phase phase, OffsetDateTime releaseAt) {}
}
