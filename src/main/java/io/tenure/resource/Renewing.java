package io.tenure.resource;

import io.tenure.account.ChangeLock;
import io.tenure.billing.Bill;
import io.tenure.billing.BillStore;
import io.tenure.catalog.BillingPeriod;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Plan;
import io.tenure.error.RejectedException;
import io.tenure.ledger.Ledger;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.Operation;
import io.tenure.lifecycle.Operations;
import io.tenure.lifecycle.RenewFrom;
import io.tenure.lifecycle.Transition;
import io.tenure.money.Money;
import io.tenure.notify.ProseTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Renews a prepaid resource by N periods at the newest catalog's prices, paid from the wallet: by hand, by
 * auto-renewal, or on a top-up. A GRACE or FROZEN resource is restored at once. Runs in the caller's
 * transaction on a resource the caller has locked.
 */
public final class Renewing {
  private final Catalogs catalogs;
  private final ResourceStore resources;
  private final Ledger ledger;
  private final BillStore bills;

  public Renewing(Catalogs catalogs, ResourceStore resources, Ledger ledger, BillStore bills) {
    this.catalogs = catalogs;
    this.resources = resources;
    this.ledger = ledger;
    this.bills = bills;
  }

  /** The renewed resource and its bill. */
  public record Renewal(ResourceRecord resource, Bill bill) {}

  /** What renewing {@code resource} by {@code periods} costs now. */
  public Quote price(Handle handle, ResourceRecord resource, int periods) {
    Catalog catalog = catalogs.current(handle);
    return Pricing.purchase(catalog, plan(catalog, resource), ResourceStore.quantities(resource.addOns()), period(resource), periods);
  }

  /**
   * Renews at {@code at}; refused (nothing charged) when the phase does not allow it or the balance is short.
   * The lifecycle's own catch-up events up to {@code at} are written too.
   */
  public Renewal renew(Handle handle, ResourceRecord resource, int periods, Instant at, LifecycleWrites writes,
      ChangeLock.Seen seen) {
    return renew(handle, resource, periods, at, writes, LedgerEntry.RENEWAL, seen);
  }

  /** {@link #renew} by the resource's own auto-renewal, so recorded in the ledger. */
  public Renewal autoRenew(Handle handle, ResourceRecord resource, int periods, Instant at, LifecycleWrites writes) {
    return renew(handle, resource, periods, at, writes, LedgerEntry.AUTO_RENEWAL, ChangeLock.Seen.NOTHING);
  }

  private Renewal renew(Handle handle, ResourceRecord resource, int periods, Instant at, LifecycleWrites writes,
      LedgerEntry entry, ChangeLock.Seen seen) {
    // The gate first, on the phase at {@code at}: the same rule that lists RENEW among the allowed operations.
    Operations.require(Lifecycle.advance(resource.lifecycle(), at).state(), Operation.RENEW);
    Catalog catalog = catalogs.current(handle, seen.newestCatalog());
    Plan plan = plan(catalog, resource);
    BillingPeriod period = period(resource);
    Quote quote = Pricing.purchase(catalog, plan, ResourceStore.quantities(resource.addOns()), period, periods);
    Term old = resource.term().orElseThrow();
    Term next = TermRules.renew(old, period, periods, renewFrom(catalog, plan, resource), at, resource.lifecycle().zone());
    if (!next.end().isAfter(old.end())) {
      // Only renewFrom NOW can get here: a renewal never shortens what the customer already paid for.
      var zone = resource.lifecycle().zone();
      throw new RejectedException("RENEWAL_TOO_SHORT", "Renewed from now for " + Pricing.describe(period, periods)
          + ", the term would end at " + ProseTime.instant(next.end(), zone) + ", before its current end at "
          + ProseTime.instant(old.end(), zone)
          + "; renew for more periods.");
    }
    Transition transition = Lifecycle.renew(resource.lifecycle(), next.end(), at);
    Bill bill = bills.create(handle, resource.accountId(), resource.id(), Bill.Type.RENEWAL, Purchasing.billLines(quote), at);
    ledger.chargePrepaid(handle, resource.accountId(), quote.total(), entry.describe(plan.name(), resource.id()), bill.id(), at,
        seen.wallet());
    ResourceRecord renewed = withTerm(resource, catalog.version(), old, next, periods, quote, at)
        .withLifecycle(transition.state());
    resources.save(handle, renewed);
    writes.add(renewed, transition);
    return new Renewal(renewed, bill);
  }

  /**
   * The resource with its new term. A renewal that continues an unexpired term extends it, so that a later
   * refund prorates over all that was paid; otherwise the new term stands alone.
   */
  private static ResourceRecord withTerm(ResourceRecord resource, int catalogVersion, Term old, Term next, int periods,
      Quote quote, Instant at) {
    boolean extends_ = next.start().equals(old.end()) && at.isBefore(old.end());
    Money planPrice = quote.lines().getFirst().amount();
    List<AddOnHolding> addOns = new ArrayList<>();
    for (int i = 0; i < resource.addOns().size(); i++) {
      AddOnHolding holding = resource.addOns().get(i);
      Money price = quote.lines().get(i + 1).amount();
      addOns.add(new AddOnHolding(holding.code(), holding.quantity(), extends_ ? holding.paid().plus(price) : price));
    }
    Term term = extends_ ? new Term(old.start(), next.end()) : next;
    return resource.withTerm(catalogVersion, term, extends_ ? resource.termPeriods() + periods : periods,
        extends_ ? resource.planPaid().plus(planPrice) : planPrice, addOns);
  }

  /**
   * Where the new term starts from: an ACTIVE resource follows the newest catalog's policy (no policy phase has
   * begun), whether or not the engine has stored it on the resource yet; a GRACE or FROZEN one keeps the policy its
   * phase began under.
   */
  private static RenewFrom renewFrom(Catalog catalog, Plan plan, ResourceRecord resource) {
    return Lifecycle.underNewestPolicy(resource.lifecycle(), catalog.policyOf(plan)).policy().renewFrom();
  }

  private static Plan plan(Catalog catalog, ResourceRecord resource) {
    return catalog.findPlan(resource.planCode()).orElseThrow(() -> new RejectedException("PLAN_DISCONTINUED",
        "Plan " + resource.planCode() + " is no longer sold (catalog version " + catalog.version() + "); it cannot be renewed."));
  }

  private static BillingPeriod period(ResourceRecord resource) {
    return resource.period().orElseThrow(() -> new RejectedException("NOT_RENEWABLE",
        "Resource " + resource.id() + " is pay-as-you-go; pay what it owes instead of renewing it."));
  }
}
