package io.tenure.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's whole world: accounts, resources, the catalog versions and the clock, changed only by the calls
 * the simulator saw succeed and by the passing of time. Each operation predicts its answer and, when it succeeds,
 * applies itself. It never reads Tenure's database or calls its domain classes. Used by one thread.
 */
final class Model {
  final Map<String, ModelAccount> accounts = new LinkedHashMap<>();
  final List<ModelCatalog> catalogs = new ArrayList<>();
  final ModelLifecycle lifecycle = new ModelLifecycle(this);
  final ModelTime time = new ModelTime(this);
  Instant now;

  Model(ModelCatalog first, Instant now) {
    catalogs.add(first);
    this.now = now;
  }

  ModelCatalog catalog() {
    return catalogs.getLast();
  }

  BigDecimal zero() {
    return BigDecimal.ZERO.setScale(catalog().decimals());
  }

  /** A purchase's price: the plan line first, then one line per add-on in request order. */
  record Quote(BigDecimal planLine, Map<String, BigDecimal> addOnLines) {
    BigDecimal total() {
      return addOnLines.values().stream().reduce(planLine, BigDecimal::add);
    }
  }

  Quote quote(String planCode, String period, int periods, Map<String, Long> addOns) {
    ModelCatalog.Plan plan = catalog().plans().get(planCode);
    BigDecimal planLine = plan.prices().get(period).multiply(BigDecimal.valueOf(periods));
    Map<String, BigDecimal> lines = new LinkedHashMap<>();
    addOns.forEach((code, quantity) -> lines.put(code, catalog().addOns().get(code).prices().get(period)
        .multiply(BigDecimal.valueOf(quantity * periods))));
    return new Quote(planLine.setScale(catalog().decimals()), scaled(lines));
  }

  private Map<String, BigDecimal> scaled(Map<String, BigDecimal> lines) {
    lines.replaceAll((code, amount) -> amount.setScale(catalog().decimals()));
    return lines;
  }

  /** Whether every dimension of the plan stays within its maximum with these add-ons. */
  boolean withinLimits(String planCode, Map<String, Long> addOns) {
    ModelCatalog.Plan plan = catalog().plans().get(planCode);
    Map<String, Long> totals = new LinkedHashMap<>(plan.included());
    addOns.forEach((code, quantity) -> {
      ModelCatalog.AddOn addOn = catalog().addOns().get(code);
      totals.merge(addOn.dimension(), quantity * addOn.amountPerUnit(), Long::sum);
    });
    return totals.entrySet().stream().allMatch(total -> total.getValue() <= plan.maximum().getOrDefault(total.getKey(), Long.MAX_VALUE));
  }

  Expected topUp(ModelAccount account, BigDecimal amount) {
    account.move(amount);
    lifecycle.retryAutoRenewals(account);
    return Expected.success(201, null);
  }

  /** A purchase; on success the new resource (without its id yet) is in {@code bought[0]}. */
  Expected purchase(ModelAccount account, String planCode, String period, int periods, Map<String, Long> addOns,
      String groupId, boolean autoRenew, ModelResource[] bought) {
    if (!withinLimits(planCode, addOns)) {
      return Expected.refused(422, "PLAN_LIMIT_EXCEEDED");
    }
    Quote quote = quote(planCode, period, periods, addOns);
    if (account.balance.compareTo(quote.total()) < 0) {
      return Expected.refused(409, "INSUFFICIENT_BALANCE");
    }
    ModelResource resource = new ModelResource(null, account, planCode, period, groupId);
    resource.termStart = now;
    resource.termEnd = ModelRules.termEnd(now, account.zone, resource.months(periods));
    resource.termPeriods = periods;
    resource.planPaid = quote.planLine();
    resource.termCatalog = catalog();
    quote.addOnLines().forEach((code, paid) -> resource.addOns.put(code, new ModelResource.Holding(addOns.get(code), paid)));
    resource.autoRenew = autoRenew;
    // A purchase's auto-renewal renews by the periods bought.
    resource.autoRenewPeriods = periods;
    resource.checkedThrough = now;
    resource.record(now, "PURCHASED");
    account.move(quote.total().negate());
    bought[0] = resource;
    return Expected.success(201, quote.total());
  }

  /** The refusal of an operation that the resource's phase does not allow, or null when it is allowed. */
  static Expected gate(ModelResource resource, String operation) {
    switch (resource.phase) {
      case "RELEASED", "RELEASE_PENDING" -> {
        return Expected.refused(409, "RESOURCE_RELEASED");
      }
      case "UNSUBSCRIBED" -> {
        return Expected.refused(409, "RESOURCE_UNSUBSCRIBED");
      }
      case "ACTIVE" -> {
        return null;
      }
      default -> {
        return switch (operation) {
          case "RENEW" -> null;
          case "UNSUBSCRIBE" -> Expected.refused(409, "UNSUBSCRIBE_NOT_ALLOWED");
          case "CHANGE_ADD_ONS" -> Expected.refused(409, "ADD_ONS_NOT_ALLOWED");
          default -> Expected.refused(409, "OPERATION_NOT_ALLOWED");
        };
      }
    }
  }

  /** What {@code allowedOperations} must list in the resource's phase. */
  static List<String> allowed(ModelResource resource) {
    return switch (resource.phase) {
      case "ACTIVE" -> List.of("CHANGE_ADD_ONS", "RENEW", "SET_AUTO_RENEW", "UNSUBSCRIBE");
      case "GRACE", "FROZEN" -> List.of("RENEW");
      default -> List.of();
    };
  }

  Expected renew(ModelResource resource, int periods, boolean automatic) {
    Expected refused = gate(resource, "RENEW");
    if (refused != null) {
      return refused;
    }
    return lifecycle.renew(resource, periods, automatic);
  }

  Expected setAutoRenew(ModelResource resource, boolean enabled, int periods) {
    Expected refused = gate(resource, "SET_AUTO_RENEW");
    if (refused != null) {
      return refused;
    }
    resource.autoRenew = enabled;
    resource.autoRenewPeriods = periods;
    // Every daily check up to now has been made (with the flag as it was), so the next is tomorrow's.
    resource.checkedThrough = now;
    return Expected.success(200, null);
  }
}
