package io.tenure.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tenure.billing.BillView;
import io.tenure.catalog.BillingMode;
import io.tenure.catalog.BillingPeriod;
import io.tenure.lifecycle.Operation;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.ServiceLevel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A resource as the API shows it: instants in the account's zone, the expiry date as a date of that zone. A
 * value the resource lacks (term, expiry date, group, next transition, a billing period) is {@code null}; the
 * bill of the call that changed it, and the refund of an unsubscription, are there only in that call's answer.
 */
public record ResourceView(
    String id,
    String accountId,
    String plan,
    Billing billing,
    Phase phase,
    ServiceLevel serviceLevel,
    TermView term,
    LocalDate expiryDate,
    boolean autoRenew,
    int autoRenewPeriods,
    List<AddOnQuantity> addOns,
    String groupId,
    String policy,
    List<Operation> allowedOperations,
    NextTransition nextTransition,
    OffsetDateTime createdAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) BillView bill,
    @JsonInclude(JsonInclude.Include.NON_NULL) String refund) {

  /** How the resource is billed; {@code period} is null for pay-as-you-go. */
  public record Billing(BillingMode mode, BillingPeriod period) {}

  /** The current paid term. */
  public record TermView(OffsetDateTime start, OffsetDateTime end) {}

  /** Units of one add-on the resource holds. */
  public record AddOnQuantity(String code, long quantity) {}

  /** The next phase change if nobody acts. */
  public record NextTransition(Phase phase, OffsetDateTime at) {}

  /** This answer with the refund an unsubscription gave (a decimal string, {@code "0.00"} when none). */
  public ResourceView withRefund(String amount) {
    return new ResourceView(id, accountId, plan, billing, phase, serviceLevel, term, expiryDate, autoRenew, autoRenewPeriods,
        addOns, groupId, policy, allowedOperations, nextTransition, createdAt, bill, amount);
  }
}
