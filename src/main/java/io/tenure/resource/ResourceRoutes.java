package io.tenure.resource;

import io.javalin.http.Context;
import io.tenure.account.Account;
import io.tenure.account.AccountChanges;
import io.tenure.account.AccountRoutes;
import io.tenure.account.AccountStore;
import io.tenure.account.ChangeLock;
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
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.LifecycleEvent;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.Policy;
import io.tenure.lifecycle.ProviderCommand;
import io.tenure.lifecycle.ServiceLevel;
import io.tenure.lifecycle.Timeline;
import io.tenure.lifecycle.Transition;
import io.tenure.provider.ProviderCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP calls on resources: buy, read, timeline, renew, change add-ons and auto-renewal, unsubscribe, confirm a release. */
public final class ResourceRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceRoutes.class);
  /** How far ahead a timeline looks when nothing final (a release) comes sooner. */
  private static final Duration TIMELINE_HORIZON = Duration.ofDays(3 * 366);
  private static final int TIMELINE_ENTRIES_MAX = 1000;

  private final Jdbi jdbi;
  private final AccountStore accounts;
  private final AccountRoutes accountRoutes;
  private final ResourceStore resources;
  private final Purchasing purchasing;
  private final Renewing renewing;
  private final Changing changing;
  private final Supplier<LifecycleWrites> writes;
  private final Idempotency idempotency;
  private final ProviderCommands providers;
  private final TenureClock clock;
  private final AccountChanges accountChanges;
  private final Catalogs catalogs;

  public ResourceRoutes(Jdbi jdbi, AccountStore accounts, AccountRoutes accountRoutes, ResourceStore resources,
      Purchasing purchasing, Renewing renewing, Changing changing, Supplier<LifecycleWrites> writes,
      Idempotency idempotency, ProviderCommands providers, TenureClock clock, AccountChanges accountChanges,
      Catalogs catalogs) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.accountRoutes = accountRoutes;
    this.resources = resources;
    this.purchasing = purchasing;
    this.renewing = renewing;
    this.changing = changing;
    this.writes = writes;
    this.idempotency = idempotency;
    this.providers = providers;
    this.clock = clock;
    this.accountChanges = accountChanges;
    this.catalogs = catalogs;
  }

  public void register(Routes routes) {
    routes.post("/v1/resources", Routes.Access.KEY, this::buy);
    routes.get("/v1/resources/{id}", Routes.Access.KEY, (context, caller) ->
        context.json(jdbi.withHandle(handle -> ResourceViews.view(visible(handle, caller, context.pathParam("id")), Optional.empty()))));
    routes.get("/v1/resources/{id}/timeline", Routes.Access.KEY, this::timeline);
    routes.get("/v1/accounts/{id}/resources", Routes.Access.KEY, this::listForAccount);
    routes.post("/v1/resources/{id}/renewals", Routes.Access.KEY, (context, caller) -> {
      ResourceRequests.Renewal request = Json.read(context.bodyAsBytes(), ResourceRequests.Renewal.class);
      change(context, caller, true, (handle, resource, batch, now, seen) -> {
        Renewing.Renewal renewal = renewing.renew(handle, resource, request.periods(), now, batch, seen);
        return new Idempotency.Reply(201, ResourceViews.view(renewal.resource(), Optional.of(renewal.bill())));
      });
    });
    routes.put("/v1/resources/{id}/add-ons", Routes.Access.KEY, (context, caller) -> {
      List<ResourceRequests.AddOnQuantity> request = List.of(Json.read(context.bodyAsBytes(), ResourceRequests.AddOnQuantity[].class));
      var quantities = ResourceRequests.addOnQuantities(request, true);
      change(context, caller, false, (handle, resource, batch, now, seen) -> {
        Changing.Change change = changing.changeAddOns(handle, resource, quantities, now, batch, seen);
        // What the resource includes changed: its provider reads its entitlements again.
        providers.record(handle, resource.id(), ProviderCommand.ENTITLEMENTS_CHANGED,
            change.resource().lifecycle().serviceLevel(), now);
        return new Idempotency.Reply(200, ResourceViews.view(change.resource(), change.bill()));
      });
    });
    routes.put("/v1/resources/{id}/auto-renew", Routes.Access.KEY, (context, caller) -> {
      ResourceRequests.AutoRenewChange request = Json.read(context.bodyAsBytes(), ResourceRequests.AutoRenewChange.class);
      change(context, caller, false, (handle, resource, batch, now, seen) -> new Idempotency.Reply(200, ResourceViews.view(
          changing.setAutoRenew(resource, request.enabled(), request.count(), now, batch), Optional.empty())));
    });
    routes.post("/v1/resources/{id}/unsubscribe", Routes.Access.KEY, (context, caller) ->
        change(context, caller, false, (handle, resource, batch, now, seen) -> {
          Changing.Change change = changing.unsubscribe(handle, resource, now, batch);
          String refund = change.bill().map(bill -> bill.total().negate().toString()).orElse("0.00");
          return new Idempotency.Reply(200, ResourceViews.view(change.resource(), change.bill()).withRefund(refund));
        }));
    routes.post("/v1/resources/{id}/release-confirmation", Routes.Access.OPERATOR, (context, caller) -> {
      // The body is optional: {"eventId": "evt_…"} names the resource.release_requested event being confirmed.
      byte[] body = context.bodyAsBytes();
      Optional<String> eventId = body.length == 0 ? Optional.empty()
          : Optional.ofNullable(Json.read(body, ResourceRequests.ReleaseConfirmation.class).eventId());
      change(context, caller, false, (handle, resource, batch, now, seen) -> {
        Transition transition = Lifecycle.confirmRelease(resource.lifecycle(), now);
        ResourceRecord released = resource.withLifecycle(transition.state());
        batch.add(released, transition);
        batch.saveLifecycle(released);
        providers.releaseConfirmed(handle, resource.id(), eventId, caller.keyId(), InstantSource.system().instant());
        return new Idempotency.Reply(200, ResourceViews.view(released, Optional.empty()));
      });
    });
  }

  /**
   * A change to one resource at {@code now}: locked, applied, its lifecycle writes flushed, all in one transaction;
   * {@code seen} is what the lock read that the change may use without reading it again.
   */
  @FunctionalInterface
  private interface ResourceChange {
    Idempotency.Reply apply(Handle handle, ResourceRecord resource, LifecycleWrites writes, Instant now, ChangeLock.Seen seen);
  }

  private void change(Context context, Caller caller, boolean keyRequired, ResourceChange change) {
    String id = context.pathParam("id");
    idempotency.once(context, keyRequired, handle -> visibleLockedHolder(handle, caller, id), holder -> holder.holder().accountId(),
        (handle, holder) -> {
          // One instant for the whole change: the catch-up before it, the change, and what it records.
          Instant now = clock.now();
          return accountChanges.change(handle, holder.holder().accountId(), holder.lock(), now, () -> {
            // As the lock read it, unless the account's catch-up ran first and may have changed it.
            ResourceRecord resource = holder.lock().dueBy(now) ? resources.lock(handle, id) : holder.resource();
            LifecycleWrites batch = writes.get();
            Idempotency.Reply reply = change.apply(handle, resource, batch, now, holder.lock().seen(now));
            batch.flush(handle);
            LOG.debug("resource - {} {} on {}", context.method(), context.path(), id);
            return reply;
          });
        });
  }

  private void buy(Context context, Caller caller) {
    ResourceRequests.NewResource request = Json.read(context.bodyAsBytes(), ResourceRequests.NewResource.class);
    idempotency.once(context, false, handle -> accountRoutes.visibleLocked(handle, caller, request.accountId()),
        locked -> locked.account().id(), (handle, locked) -> {
          Instant now = clock.now();
          return accountChanges.change(handle, locked.account().id(), locked.lock(), now, () -> {
            Account account = locked.account();
            Purchasing.Purchase purchase = purchasing.buy(handle, account, request, now, locked.lock().seen(now));
            LOG.info("resource - {} bought {} for account {}", purchase.resource().id(), request.plan(), account.id());
            providers.record(handle, purchase.resource().id(), ProviderCommand.ACTIVATED, ServiceLevel.FULL, now);
            return new Idempotency.Reply(201, ResourceViews.view(purchase.resource(), purchase.bill()));
          });
        });
  }

  /** The account's resources in id order, optionally only those in one phase. */
  private void listForAccount(Context context, Caller caller) {
    int limit = QueryParameters.limit(context);
    String after = context.queryParam("after");
    String phase = context.queryParam("phase");
    if (phase != null && Arrays.stream(Phase.values()).noneMatch(known -> known.name().equals(phase))) {
      throw new InvalidInputException("INVALID_QUERY_PARAMETER",
          "Query parameter 'phase': must be one of " + Arrays.stream(Phase.values()).map(Phase::name).collect(Collectors.joining(", ")) + ".");
    }
    context.json(jdbi.withHandle(handle -> {
      Account account = accountRoutes.visible(handle, caller, context.pathParam("id"));
      List<ResourceRecord> found = resources.listForAccount(handle, account.id(), phase, after, limit);
      return Page.of(found, limit, resource -> ResourceViews.view(resource, Optional.empty()), ResourceRecord::id);
    }));
  }

  private void timeline(Context context, Caller caller) {
    Instant now = clock.now();
    context.json(jdbi.withHandle(handle -> {
      ResourceRecord resource = visible(handle, caller, context.pathParam("id"));
      var zone = resource.lifecycle().zone();
      List<TimelineView.Entry> entries = new ArrayList<>(ResourceHistory.history(handle, resource.id()).stream()
          .map(event -> ResourceViews.entry(event.at(), event.type(), event.phase(), false, zone))
          .toList());
      Catalog newest = catalogs.current(handle);
      Policy newestPolicy = newest.findPlan(resource.planCode()).map(newest::policyOf).orElse(resource.lifecycle().policy());
      List<LifecycleEvent> projected = Timeline.project(resource.lifecycle(), now, now.plus(TIMELINE_HORIZON), newestPolicy,
          providers.releaseConfirmation(handle, resource.planCode()));
      List<TimelineView.Entry> future = ResourceViews.projected(projected, zone);
      entries.addAll(future.subList(0, Math.min(future.size(), TIMELINE_ENTRIES_MAX)));
      return new TimelineView(resource.id(), ResourceViews.at(now, zone), entries);
    }));
  }

  /** The resource if the caller may see its account, else 404 {@code RESOURCE_NOT_FOUND}. */
  private ResourceRecord visible(Handle handle, Caller caller, String id) {
    ResourceRecord resource = resources.find(handle, id).orElseThrow(() -> ResourceStore.notFound(id));
    requireVisible(handle, caller, resource.accountId(), id);
    return resource;
  }

  /** The holder of the resource if the caller may see it, its account and the resource locked for the change in one exchange. */
  private ResourceStore.LockedHolder visibleLockedHolder(Handle handle, Caller caller, String id) {
    ResourceStore.LockedHolder locked = resources.lockHolder(handle, id).orElseThrow(() -> ResourceStore.notFound(id));
    requireVisible(caller, locked.holder().accountId(), locked.holder().partnerId(), id);
    return locked;
  }

  private void requireVisible(Handle handle, Caller caller, String accountId, String resourceId) {
    Account account = accounts.require(handle, accountId);
    requireVisible(caller, account.id(), account.partnerId(), resourceId);
  }

  private static void requireVisible(Caller caller, String accountId, Optional<String> partnerId, String resourceId) {
    try {
      caller.requireAccount(accountId, partnerId.orElse(null));
    } catch (NotFoundException hidden) {
      throw ResourceStore.notFound(resourceId);
    }
  }
}
