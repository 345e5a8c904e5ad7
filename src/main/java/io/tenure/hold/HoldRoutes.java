package io.tenure.hold;

import io.javalin.http.Context;
import io.tenure.account.Account;
import io.tenure.account.AccountChanges;
import io.tenure.account.AccountRoutes;
import io.tenure.api.Caller;
import io.tenure.api.Idempotency;
import io.tenure.api.Json;
import io.tenure.api.Page;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Catalogs;
import io.tenure.clock.TenureClock;
import io.tenure.error.InvalidInputException;
import io.tenure.error.NotFoundException;
import io.tenure.resource.ResourceStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP calls on holds (apply, lift, list) and a resource's entitlements. */
public final class HoldRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(HoldRoutes.class);

  private final Jdbi jdbi;
  private final AccountRoutes accounts;
  private final ResourceStore resources;
  private final HoldStore holds;
  private final Holding holding;
  private final EntitlementStore entitlements;
  private final Catalogs catalogs;
  private final Idempotency idempotency;
  private final AccountChanges accountChanges;
  private final TenureClock clock;

  public HoldRoutes(Jdbi jdbi, AccountRoutes accounts, ResourceStore resources, HoldStore holds, Holding holding,
      EntitlementStore entitlements, Catalogs catalogs, Idempotency idempotency, AccountChanges accountChanges, TenureClock clock) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.resources = resources;
    this.holds = holds;
    this.holding = holding;
    this.entitlements = entitlements;
    this.catalogs = catalogs;
    this.idempotency = idempotency;
    this.accountChanges = accountChanges;
    this.clock = clock;
  }

  public void register(Routes routes) {
    routes.post("/v1/holds", Routes.Access.OPERATOR_OR_PARTNER, this::apply);
    routes.delete("/v1/holds/{id}", Routes.Access.OPERATOR_OR_PARTNER, this::lift);
    routes.get("/v1/holds", Routes.Access.KEY, this::list);
    routes.get("/v1/resources/{id}/entitlements", Routes.Access.KEY, this::entitlement);
  }

  private void apply(Context context, Caller caller) {
    HoldRequests.NewHold request = Json.read(context.bodyAsBytes(), HoldRequests.NewHold.class);
    idempotency.once(context, false, handle -> targetAccount(handle, caller, request), Account::id,
        (handle, account) -> {
          Instant now = clock.now();
          return accountChanges.change(handle, account.id(), now, () -> {
            Hold hold = holding.apply(handle, caller, account.id(), request, now);
            LOG.info("hold - {} applied: {} {} for {} by {}", hold.id(), hold.scope(), request.targetId(), hold.reason(), caller.keyId());
            return new Idempotency.Reply(201, HoldView.of(hold, account.timeZone()));
          });
        });
  }

  private void lift(Context context, Caller caller) {
    String id = context.pathParam("id");
    idempotency.once(context, false, handle -> holdAccount(handle, caller, id), Account::id,
        (handle, account) -> {
          Instant now = clock.now();
          return accountChanges.change(handle, account.id(), now, () -> {
            Hold hold = holding.lift(handle, caller, id, now);
            LOG.info("hold - {} lifted by {}", id, caller.keyId());
            return new Idempotency.Reply(200, HoldView.of(hold, account.timeZone()));
          });
        });
  }

  /** The account's holds in id order, lifted ones too. */
  private void list(Context context, Caller caller) {
    int limit = QueryParameters.limit(context);
    String accountId = context.queryParam("accountId");
    if (accountId == null) {
      throw new InvalidInputException("INVALID_QUERY_PARAMETER", "Query parameter 'accountId': is required.");
    }
    context.json(jdbi.withHandle(handle -> {
      Account account = accounts.visible(handle, caller, accountId);
      List<Hold> found = holds.listForAccount(handle, account.id(), context.queryParam("after"), limit);
      return Page.of(found, limit, hold -> HoldView.of(hold, account.timeZone()), Hold::id);
    }));
  }

  private void entitlement(Context context, Caller caller) {
    String id = context.pathParam("id");
    context.json(jdbi.withHandle(handle -> {
      EntitlementStore.Facts facts = entitlements.read(handle, id).orElseThrow(() -> ResourceStore.notFound(id));
      var resource = facts.resource();
      try {
        caller.requireAccount(resource.accountId(), facts.partnerId().orElse(null));
      } catch (NotFoundException hidden) {
        throw ResourceStore.notFound(id);
      }
      Catalog catalog = catalogs.version(resource.catalogVersion());
      Entitlement entitlement = Entitlements.of(resource.id(), resource.lifecycle(), catalog, catalog.plan(resource.planCode()),
          facts.addOnQuantities(), facts.holds(), facts.sequence());
      ZoneId zone = resource.lifecycle().zone();
      return EntitlementView.of(resource.id(), resource.accountId(), resource.planCode(), resource.lifecycle().phase(), entitlement, zone);
    }));
  }

  /** The account the hold's target belongs to, if the caller may see it (404 as if it did not exist otherwise). */
  private Account targetAccount(Handle handle, Caller caller, HoldRequests.NewHold request) {
    if (request.scope() == HoldScope.ACCOUNT) {
      return accounts.visible(handle, caller, request.targetId());
    }
    String accountId = resources.holderOf(handle, request.targetId())
        .orElseThrow(() -> ResourceStore.notFound(request.targetId())).accountId();
    try {
      return accounts.visible(handle, caller, accountId);
    } catch (NotFoundException hidden) {
      throw ResourceStore.notFound(request.targetId());
    }
  }

  private Account holdAccount(Handle handle, Caller caller, String id) {
    String accountId = holds.accountIdOf(handle, id).orElseThrow(() -> HoldStore.notFound(id));
    try {
      return accounts.visible(handle, caller, accountId);
    } catch (NotFoundException hidden) {
      throw HoldStore.notFound(id);
    }
  }
}
