package io.tenure.resource;

import io.tenure.account.ChangeLock;
import io.tenure.billing.Bill;
import io.tenure.billing.BillStore;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Catalogs;
import io.tenure.ledger.Ledger;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.Operation;
import io.tenure.lifecycle.Operations;
import io.tenure.lifecycle.Transition;
import io.tenure.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The changes a customer makes to a resource mid-term: its add-ons (prorated charge or refund), its
 * auto-renewal, and unsubscribing (prorated refund). Prices are those of the catalog version the term was
 * bought under. Runs in the caller's transaction on a resource the caller has locked.
 */
public final class Changing {
  private final Catalogs catalogs;
  private final ResourceStore resources;
  private final Ledger ledger;
  private final BillStore bills;

  public Changing(Catalogs catalogs, ResourceStore resources, Ledger ledger, BillStore bills) {
    this.catalogs = catalogs;
    this.resources = resources;
    this.ledger = ledger;
    this.bills = bills;
  }

  /** A changed resource and the bill of the change, if it moved money. */
  public record Change(ResourceRecord resource, Optional<Bill> bill) {}

  /** {@code seen}: what the account's lock read that the change may use without reading it again (its wallet). */
  Change changeAddOns(Handle handle, ResourceRecord resource, Map<String, Long> requested, Instant now, LifecycleWrites writes,
      ChangeLock.Seen seen) {
    ResourceRecord current = caughtUp(resource, now, writes);
    Operations.require(current.lifecycle(), Operation.CHANGE_ADD_ONS);
    Catalog catalog = catalogs.version(current.catalogVersion());
    AddOnChange change = Pricing.changeAddOns(catalog, subscription(catalog, current), requested, now);
    ResourceRecord changed = current.withAddOns(change.addOns());
    resources.save(handle, changed);
    if (change.quote().lines().isEmpty()) {
      return new Change(changed, Optional.empty());
    }
    Bill bill = bills.create(handle, current.accountId(), current.id(), Bill.Type.ADD_ON_CHANGE, Purchasing.billLines(change.quote()), now);
    Money total = change.quote().total();
    String description = LedgerEntry.ADD_ON_CHANGE.describe(catalog.plan(current.planCode()).name(), current.id());
    if (total.signum() > 0) {
      ledger.chargePrepaid(handle, current.accountId(), total, description, bill.id(), now, seen.wallet());
    } else if (total.signum() < 0) {
      ledger.refund(handle, current.accountId(), total.negate(), description, bill.id(), now);
    }
    return new Change(changed, Optional.of(bill));
  }

  public Change unsubscribe(Handle handle, ResourceRecord resource, Instant now, LifecycleWrites writes) {
    Transition transition = Lifecycle.unsubscribe(resource.lifecycle(), now);
    ResourceRecord ended = resource.withLifecycle(transition.state());
    writes.add(ended, transition);
    writes.saveLifecycle(ended);
    if (resource.term().isEmpty()) {
      return new Change(ended, Optional.empty());
    }
    Catalog catalog = catalogs.version(resource.catalogVersion());
    Quote refund = Pricing.unsubscribe(catalog, subscription(catalog, resource), now);
    Bill bill = bills.create(handle, resource.accountId(), resource.id(), Bill.Type.REFUND, Purchasing.billLines(refund), now);
    ledger.refund(handle, resource.accountId(), refund.total().negate(), LedgerEntry.UNSUBSCRIPTION_REFUND.describe(catalog.plan(resource.planCode()).name(), resource.id()), bill.id(), now);
    return new Change(ended, Optional.of(bill));
  }

  ResourceRecord setAutoRenew(ResourceRecord resource, boolean enabled, int periods, Instant now, LifecycleWrites writes) {
    ResourceRecord current = caughtUp(resource, now, writes);
    Operations.require(current.lifecycle(), Operation.SET_AUTO_RENEW);
    ResourceRecord changed = current.withLifecycle(current.lifecycle().withAutoRenew(new LifecycleState.AutoRenew(enabled, periods)));
    writes.saveLifecycle(changed);
    return changed;
  }

  /** The resource caught up to {@code now}, so that a gate is judged on its phase now, not when last processed. */
  private static ResourceRecord caughtUp(ResourceRecord resource, Instant now, LifecycleWrites writes) {
    Transition transition = Lifecycle.advance(resource.lifecycle(), now);
    if (transition.state().equals(resource.lifecycle())) {
      return resource;
    }
    ResourceRecord current = resource.withLifecycle(transition.state());
    writes.add(current, transition);
    writes.saveLifecycle(current);
    return current;
  }

  static Subscription subscription(Catalog catalog, ResourceRecord resource) {
    return new Subscription(catalog.plan(resource.planCode()), resource.period().orElseThrow(), resource.termPeriods(),
        resource.term().orElseThrow(), resource.planPaid(), resource.addOns());
  }
}
