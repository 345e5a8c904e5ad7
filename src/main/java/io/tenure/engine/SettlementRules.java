package io.tenure.engine;

import io.tenure.account.Account;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Meter;
import io.tenure.catalog.Plan;
import io.tenure.lifecycle.Phase;
import io.tenure.money.Money;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.PaygResources;
import io.tenure.resource.ResourceRecord;
import io.tenure.usage.HourUsage;
import io.tenure.usage.RatedLine;
import io.tenure.usage.RatedResource;
import io.tenure.usage.Rating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The decisions of one account's hourly settlement around its bill and charge, shared by the settlement of one
 * account ({@link Settling#settle}) and of a batch ({@link SettlementBatch}), so both decide alike: whether a
 * payment ended the arrears ({@link #open}), the bill's lines ({@link #rate}), then, from the balance after the
 * charge, the arrears' start and the next hour to settle ({@link #close}). Lifecycle changes go to the caller's
 * {@link LifecycleWrites}. Thread-safe (no state of its own).
 */
final class SettlementRules {
  private final Catalogs catalogs;
  private final Arrears arrears;

  SettlementRules(Catalogs catalogs, Arrears arrears) {
    this.catalogs = catalogs;
    this.arrears = arrears;
  }

  /**
   * A settlement before its bill: the account, its pay-as-you-go resources (restored when a payment ended the
   * arrears), its arrears (empty: none), its balance, and the resources to queue again in its stream.
   */
  record Opened(Account account, List<ResourceRecord> resources, Optional<Instant> since, Money balance,
      List<ResourceRecord> requeue) {}

  /** A settlement done: the end of the next hour to settle (empty: none), the arrears' start, the resources to queue again. */
  record Closed(Optional<Instant> next, Optional<Instant> since, List<ResourceRecord> requeue) {}

  /** Paid by a credit that ran no hook (a refund): the arrears end at the settlement that sees it, at {@code hourEnd}. */
  Opened open(Handle handle, Account account, List<ResourceRecord> stored, Optional<Instant> since, Money balance, Instant hourEnd,
      LifecycleWrites batch) {
    if (since.isEmpty() || balance.isNegative()) {
      return new Opened(account, stored, since, balance, List.of());
    }
    List<ResourceRecord> restored = arrears.end(handle, account.id(), stored, hourEnd, batch);
    return new Opened(account, restored, Optional.empty(), balance, restored);
  }

  /** The lines of the hour's bill ({@link Rating}) for the usage {@code billed}. */
  List<RatedLine> rate(Opened opened, Instant hourEnd, List<HourUsage> billed) {
    return Rating.rate(hourEnd, opened.account().currency(), opened.resources().stream().map(this::rated).toList(), billed);
  }

  /** After the bill and its charge left {@code balance}: starts the arrears if owing, and finds the next hour to settle. */
  Closed close(Opened opened, Money balance, Instant hourEnd, LifecycleWrites batch) {
    List<ResourceRecord> resources = opened.resources();
    Arrears.Started started = arrears.startIfOwing(opened.account(), resources, balance, hourEnd, opened.since(), batch);
    List<ResourceRecord> requeue = new ArrayList<>(opened.requeue());
    started.resources().stream().filter(after -> !resources.contains(after)).forEach(requeue::add);
    Optional<Instant> next = resources.stream().anyMatch(resource -> mayBill(resource, hourEnd.plus(Rating.HOUR)))
        ? Optional.of(hourEnd.plus(Rating.HOUR)) : Optional.empty();
    return new Closed(next, started.since(), requeue);
  }

  private RatedResource rated(ResourceRecord resource) {
    Optional<Plan> plan = catalogs.version(resource.catalogVersion()).findPlan(resource.planCode());
    return new RatedResource(resource.id(), plan.map(Plan::name).orElse(resource.planCode()),
        plan.map(found -> found.meters().stream().collect(Collectors.toMap(Meter::code, Meter::unitPrice))).orElse(Map.of()),
        plan.flatMap(Plan::hourlyPrice), resource.createdAt(), resource.lifecycle().phase(), resource.lifecycle().phaseStartedAt());
  }

  /** Whether the resource may still have something to bill at the settlement of {@code hourEnd}. */
  private static boolean mayBill(ResourceRecord resource, Instant hourEnd) {
    Phase phase = resource.lifecycle().phase();
    return (phase != Phase.RELEASED && phase != Phase.UNSUBSCRIBED)
        || resource.lifecycle().phaseStartedAt().isAfter(hourEnd.minus(PaygResources.LATE_USAGE));
  }
}
