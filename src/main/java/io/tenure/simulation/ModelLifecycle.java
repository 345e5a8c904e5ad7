package io.tenure.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auditor's lifecycle: renewals, add-on changes and unsubscriptions, and the passing of time (phases, releases,
 * auto-renewals, group refunds) processed one due instant at a time per account, in due order, then resource id.
 */
final class ModelLifecycle {
  private final Model model;

  ModelLifecycle(Model model) {
    this.model = model;
  }

  /** A renewal at the model's now, by hand or by auto-renewal; the gate was checked by the caller. */
  Expected renew(ModelResource resource, int periods, boolean automatic) {
    Instant now = model.now;
    ModelCatalog.Policy policy = resource.phase.equals("ACTIVE") ? model.catalog().policyOf(resource.plan) : resource.policy;
    Instant start = switch (policy.renewFrom()) {
      case "NOW" -> now;
      case "LATER_OF" -> now.isAfter(resource.termEnd) ? now : resource.termEnd;
      default -> resource.termEnd;
    };
    Instant end = ModelRules.termEnd(start, resource.account.zone, resource.months(periods));
    if (!end.isAfter(resource.termEnd)) {
      return Expected.refused(409, "RENEWAL_TOO_SHORT");
    }
    if (!ModelRules.expiresAt(end, resource.account.zone).isAfter(now)) {
      return Expected.refused(409, "RENEWAL_TOO_SHORT");
    }
    Model.Quote quote = model.quote(resource.plan, resource.period, periods, quantities(resource));
    if (resource.account.balance.compareTo(quote.total()) < 0) {
      return Expected.refused(409, "INSUFFICIENT_BALANCE");
    }
    boolean extending = start.equals(resource.termEnd) && now.isBefore(resource.termEnd);
    if (!extending) {
      resource.termStart = start;
      resource.termPeriods = 0;
      resource.planPaid = model.zero();
      resource.addOns.values().forEach(holding -> holding.paid = model.zero());
    }
    resource.termEnd = end;
    resource.termCatalog = model.catalog();
    resource.termPeriods += periods;
    resource.planPaid = resource.planPaid.add(quote.planLine());
    quote.addOnLines().forEach((code, line) -> resource.addOns.get(code).paid = resource.addOns.get(code).paid.add(line));
    resource.account.move(quote.total().negate());
    resource.checkedThrough = now;
    resource.record(now, "RENEWED");
    if (!resource.phase.equals("ACTIVE")) {
      resource.phase = "ACTIVE";
      resource.phaseIndex = -1;
      resource.record(now, "RESTORED");
    }
    return Expected.success(201, quote.total());
  }

  static Map<String, Long> quantities(ModelResource resource) {
    Map<String, Long> quantities = new java.util.LinkedHashMap<>();
    resource.addOns.forEach((code, holding) -> quantities.put(code, holding.quantity));
    return quantities;
  }

  /** After a top-up: every auto-renewal of the account that is due now is tried, in resource id order. */
  void retryAutoRenewals(ModelAccount account) {
    for (ModelResource resource : account.resources.values()) {
      if (awaitsRetry(resource)) {
        renew(resource, resource.autoRenewPeriods, true);
      }
    }
  }

  /** Whether a top-up now would retry the resource's auto-renewal: past its expiry date, or no longer active. */
  boolean awaitsRetry(ModelResource resource) {
    if (!resource.autoRenew || resource.ended()) {
      return false;
    }
    LocalDate today = ModelRules.date(model.now, resource.account.zone);
    return !resource.phase.equals("ACTIVE") || !today.isBefore(ModelRules.date(resource.termEnd, resource.account.zone));
  }

  /** Unsubscribes at {@code at}: the unused part of the term refunded, rounded down, less the policy's fee. */
  Expected unsubscribe(ModelResource resource, Instant at) {
    Expected refused = Model.gate(resource, "UNSUBSCRIBE");
    if (refused != null) {
      return refused;
    }
    long[] factor = ModelRules.factor(resource.termStart, resource.termEnd, at);
    BigDecimal fee = resource.termCatalog.policyOf(resource.plan).refundFeePercent();
    int decimals = model.catalog().decimals();
    BigDecimal refund = ModelRules.refund(resource.planPaid, factor, fee, decimals);
    for (ModelResource.Holding holding : resource.addOns.values()) {
      refund = refund.add(ModelRules.refund(holding.paid, factor, fee, decimals));
    }
    resource.account.move(refund);
    resource.phase = "UNSUBSCRIBED";
    resource.autoRenew = false;
    resource.record(at, "UNSUBSCRIBED");
    return Expected.success(200, refund.negate());
  }

  /** Sets the add-ons to {@code target}: added units charged half-up, removed ones refunded down, prorated. */
  Expected changeAddOns(ModelResource resource, Map<String, Long> target) {
    Expected refused = Model.gate(resource, "CHANGE_ADD_ONS");
    if (refused != null) {
      return refused;
    }
    if (!model.withinLimits(resource.plan, target)) {
      return Expected.refused(422, "PLAN_LIMIT_EXCEEDED");
    }
    long[] factor = ModelRules.factor(resource.termStart, resource.termEnd, model.now);
    int decimals = model.catalog().decimals();
    BigDecimal fee = resource.termCatalog.policyOf(resource.plan).refundFeePercent();
    List<String> codes = new ArrayList<>(resource.addOns.keySet());
    target.keySet().stream().filter(code -> !codes.contains(code)).forEach(codes::add);
    BigDecimal total = model.zero();
    Map<String, ModelResource.Holding> after = new java.util.LinkedHashMap<>();
    for (String code : codes) {
      ModelResource.Holding held = resource.addOns.get(code);
      long heldQuantity = held == null ? 0 : held.quantity;
      BigDecimal paid = held == null ? model.zero() : held.paid;
      long wanted = target.getOrDefault(code, 0L);
      if (wanted > heldQuantity) {
        BigDecimal unitPrice = resource.termCatalog.addOns().get(code).prices().get(resource.period);
        BigDecimal charge = ModelRules.charge(unitPrice.multiply(BigDecimal.valueOf((wanted - heldQuantity) * resource.termPeriods)), factor, decimals);
        total = total.add(charge);
        after.put(code, new ModelResource.Holding(wanted, paid.add(charge)));
      } else if (wanted < heldQuantity) {
        BigDecimal share = ModelRules.share(paid, heldQuantity - wanted, heldQuantity, decimals);
        total = total.subtract(ModelRules.refund(share, factor, fee, decimals));
        if (wanted > 0) {
          after.put(code, new ModelResource.Holding(wanted, paid.subtract(share)));
        }
      } else if (held != null) {
        after.put(code, held);
      }
    }
    if (total.signum() > 0 && resource.account.balance.compareTo(total) < 0) {
      return Expected.refused(409, "INSUFFICIENT_BALANCE");
    }
    resource.addOns.clear();
    resource.addOns.putAll(after);
    resource.account.move(total.negate());
    return Expected.success(200, codes.isEmpty() ? null : total);
  }

  /** The next instant something is due for {@code resource}, and whether it is a phase change (else a check). */
  Optional<Instant> nextTransition(ModelResource resource) {
    if (resource.phase.equals("ACTIVE")) {
      return Optional.of(ModelRules.expiresAt(resource.termEnd, resource.account.zone));
    }
    if (resource.phase.equals("GRACE") || resource.phase.equals("FROZEN")) {
      return resource.policy.phases().get(resource.phaseIndex).length(resource.account.tier)
          .map(length -> ModelRules.phaseEnd(resource.phaseStartedAt, length, resource.account.zone));
    }
    return Optional.empty();
  }

  /** The phase {@link #nextTransition} leads to. */
  String nextPhase(ModelResource resource) {
    ModelCatalog.Policy policy = resource.phase.equals("ACTIVE") ? model.catalog().policyOf(resource.plan) : resource.policy;
    int next = resource.phaseIndex + 1;
    return next < policy.phases().size() ? policy.phases().get(next).phase() : "RELEASE_PENDING";
  }

  /** The next auto-renewal check that may renew: 00:00 local on D while active, then every 00:00 local. */
  Optional<Instant> nextCheck(ModelResource resource) {
    if (!resource.autoRenew || resource.ended()) {
      return Optional.empty();
    }
    var zone = resource.account.zone;
    LocalDate day = ModelRules.date(resource.checkedThrough, zone).plusDays(1);
    LocalDate expiryDate = ModelRules.date(resource.termEnd, zone);
    if (day.isBefore(expiryDate)) {
      day = expiryDate;
    }
    return Optional.of(ModelRules.startOfDay(day, zone));
  }
}
