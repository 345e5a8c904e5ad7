package io.tenure.resource;

import io.tenure.account.Account;
import io.tenure.account.Bans;
import io.tenure.account.ChangeLock;
import io.tenure.billing.Bill;
import io.tenure.billing.BillStore;
import io.tenure.catalog.BillingMode;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Plan;
import io.tenure.error.RejectedException;
import io.tenure.ledger.Ledger;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.Policy;
import io.tenure.money.Money;
import io.tenure.store.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Buys a resource of a plan for an account at the newest catalog's prices: a prepaid term paid from the
 * wallet (all or nothing), or a pay-as-you-go instance. Runs in the caller's transaction.
 */
public final class Purchasing {
  private final Catalogs catalogs;
  private final ResourceStore resources;
  private final Ledger ledger;
  private final BillStore bills;
  private final Bans bans;

  public Purchasing(Catalogs catalogs, ResourceStore resources, Ledger ledger, BillStore bills, Bans bans) {
    this.bans = bans;
    this.catalogs = catalogs;
    this.resources = resources;
    this.ledger = ledger;
    this.bills = bills;
  }

  /** A new resource and, for a prepaid one, its bill. */
  public record Purchase(ResourceRecord resource, Optional<Bill> bill) {}

  /** {@code seen}: what the account's lock read that the purchase uses without reading it again (holds, catalog, wallet). */
  Purchase buy(Handle handle, Account account, ResourceRequests.NewResource request, Instant now, ChangeLock.Seen seen) {
    if (seen.holds()) {
      bans.requireNotBanned(handle, account.id());
    }
    Catalog catalog = catalogs.current(handle, seen.newestCatalog());
    Plan plan = catalog.plan(request.plan());
    if (!catalog.currency().equals(account.currency())) {
      throw new RejectedException("CURRENCY_MISMATCH", "The account pays in " + account.currency().getCurrencyCode()
          + " but the catalog sells in " + catalog.currency().getCurrencyCode() + ".");
    }
    if (plan.mode() != request.billing().mode()) {
      throw new RejectedException("BILLING_MODE_NOT_OFFERED", "Plan " + plan.code() + " is sold " + plan.mode() + ", not "
          + request.billing().mode() + ".");
    }
    if (request.groupId() != null) {
      checkGroup(plan);
    }
    Policy policy = catalog.policyOf(plan);
    String id = Ids.next("res");
    if (plan.mode() == BillingMode.PAYG) {
      LifecycleState lifecycle = LifecycleState.payAsYouGo(policy, account.tier(), account.timeZone(), now);
      ResourceRecord resource = new ResourceRecord(id, account.id(), plan.code(), catalog.version(), BillingMode.PAYG,
          Optional.empty(), Optional.ofNullable(request.groupId()), now, Optional.empty(), 0, Money.zero(catalog.currency()),
          List.of(), catalog.version(), lifecycle);
      resources.insert(handle, resource);
      return new Purchase(resource, Optional.empty());
    }
    Map<String, Long> addOns = ResourceRequests.addOnQuantities(request.addOns(), false);
    int periods = request.billing().periods();
    Quote quote = Pricing.purchase(catalog, plan, addOns, request.billing().period(), periods);
    Term term = TermRules.purchase(now, account.timeZone(), request.billing().period(), periods);
    boolean autoRenew = Boolean.TRUE.equals(request.billing().autoRenew());
    LifecycleState lifecycle = LifecycleState.prepaid(policy, account.tier(), account.timeZone(), term.end(),
        new LifecycleState.AutoRenew(autoRenew, periods), now);
    List<AddOnHolding> holdings = new ArrayList<>();
    List<String> codes = List.copyOf(addOns.keySet());
    for (int i = 0; i < codes.size(); i++) {
      holdings.add(new AddOnHolding(codes.get(i), addOns.get(codes.get(i)), quote.lines().get(i + 1).amount()));
    }
    ResourceRecord resource = new ResourceRecord(id, account.id(), plan.code(), catalog.version(), BillingMode.PREPAID,
        Optional.of(request.billing().period()), Optional.ofNullable(request.groupId()), now, Optional.of(term), periods,
        quote.lines().getFirst().amount(), holdings, catalog.version(), lifecycle);
    resources.insert(handle, resource);
    Bill bill = bills.create(handle, account.id(), id, Bill.Type.PURCHASE, billLines(quote), now);
    ledger.chargePrepaid(handle, account.id(), quote.total(), LedgerEntry.PURCHASE.describe(plan.name(), id), bill.id(), now,
        seen.wallet());
    return new Purchase(resource, Optional.of(bill));
  }

  /**
   * A group may hold only groupable plans. A group is named within its account (another account's group of
   * the same name is another group), so nothing about other accounts' groups is looked at or told.
   */
  private void checkGroup(Plan plan) {
    if (!plan.groupable()) {
      throw new RejectedException("PLAN_NOT_GROUPABLE", "Plan " + plan.code() + " cannot be placed in a resource group.");
    }
  }

  static List<Bill.Line> billLines(Quote quote) {
    return quote.lines().stream().map(line -> new Bill.Line(line.description(), line.amount())).toList();
  }
}
