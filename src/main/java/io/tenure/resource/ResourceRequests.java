package io.tenure.resource;

import io.tenure.api.Json;
import io.tenure.catalog.BillingMode;
import io.tenure.catalog.BillingPeriod;
import io.tenure.error.Require;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bodies of the resource calls, each checking itself once read. */
final class ResourceRequests {

  private ResourceRequests() {}

  record AddOnQuantity(String code, Long quantity) {}

  record Billing(BillingMode mode, BillingPeriod period, Integer periods, Boolean autoRenew) {}

  record NewResource(String accountId, String plan, Billing billing, List<AddOnQuantity> addOns, String groupId)
      implements Json.Validated {
    @Override
    public void validate() {
      Require.present(accountId, "accountId");
      Require.present(plan, "plan");
      Require.present(billing, "billing");
      Require.present(billing.mode(), "billing.mode");
      if (billing.mode() == BillingMode.PREPAID) {
        Require.present(billing.period(), "billing.period");
        Require.present(billing.periods(), "billing.periods");
        Require.field(billing.periods() >= 1, "billing.periods", "must be 1 or more, was %d", billing.periods());
      } else {
        Require.field(billing.period() == null && billing.periods() == null && billing.autoRenew() == null, "billing",
            "a PAYG resource has no period, periods or autoRenew");
        Require.field(addOns == null || addOns.isEmpty(), "addOns", "a PAYG resource has no add-ons");
      }
      addOnQuantities(addOns, false);
      Require.field(groupId == null || groupId.matches("[A-Za-z0-9_.:-]{1,100}"), "groupId",
          "'%s' must be 1 to 100 letters, digits, '.', '_', ':' or '-'", groupId);
    }
  }

  /** A provider's confirmation of a release, naming the event that requested it (optional). */
  record ReleaseConfirmation(String eventId) {}

  record Renewal(Integer periods) implements Json.Validated {
    @Override
    public void validate() {
      Require.present(periods, "periods");
      Require.field(periods >= 1, "periods", "must be 1 or more, was %d", periods);
    }
  }

  record AutoRenewChange(Boolean enabled, Integer period, Integer periods) implements Json.Validated {
    @Override
    public void validate() {
      Require.present(enabled, "enabled");
      Require.field(period == null || periods == null, "period", "give 'period' or 'periods', not both");
      Require.field(count() >= 1 && count() <= 120, "period", "must be 1 to 120 periods, was %d", count());
    }

    int count() {
      return period != null ? period : periods != null ? periods : 1;
    }
  }

  /**
   * The add-on list as code → quantity, in the order given. Duplicate codes are refused; quantities must be
   * positive, or zero too when {@code zeroAllowed} (a change that removes the add-on).
   */
  static Map<String, Long> addOnQuantities(List<AddOnQuantity> addOns, boolean zeroAllowed) {
    Map<String, Long> quantities = new LinkedHashMap<>();
    List<AddOnQuantity> given = addOns == null ? List.of() : addOns;
    for (int i = 0; i < given.size(); i++) {
      String field = "addOns[" + i + "]";
      AddOnQuantity addOn = Require.present(given.get(i), field);
      Require.present(addOn.code(), field + ".code");
      Require.present(addOn.quantity(), field + ".quantity");
      Require.field(addOn.quantity() > 0 || (zeroAllowed && addOn.quantity() == 0), field + ".quantity",
          "must be %s, was %d", zeroAllowed ? "0 or more" : "1 or more", addOn.quantity());
      Require.field(quantities.put(addOn.code(), addOn.quantity()) == null, field + ".code", "'%s' is listed twice", addOn.code());
    }
    return quantities;
  }
}
