package io.tenure.usage;

import io.javalin.http.Context;
import io.tenure.account.Account;
import io.tenure.account.AccountRoutes;
import io.tenure.api.Routes;
import io.tenure.error.NotFoundException;
import io.tenure.resource.ResourceStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code POST /v1/usage}: a batch of up to 10,000 usage events; {@code GET /v1/resources/{id}/usage} and
 * {@code GET /v1/accounts/{id}/usage}: the hourly usage, billed and not yet billed (docs/usage.md).
 */
public final class UsageRoutes {

  private UsageRoutes() {}

  public static void register(Routes routes, UsageIngest ingest) {
    // Any key: each event's resource is checked against the key's scope, and one outside it is an unknown resource.
    routes.post("/v1/usage", Routes.Access.KEY, (context, caller) -> context.json(ingest.ingest(caller, context.bodyAsBytes())));
  }

  /** The two listings; a resource or account outside the key's scope is 404, as one that does not exist. */
  public static void registerListings(Routes routes, Jdbi jdbi, UsageListing listing, AccountRoutes accounts, ResourceStore resources,
      InstantSource clock) {
    routes.get("/v1/resources/{id}/usage", Routes.Access.KEY, (context, caller) -> {
      Instant[] range = range(context, clock);
      String id = context.pathParam("id");
      context.json(jdbi.inTransaction(handle -> {
        ResourceStore.Holder holder = resources.holderOf(handle, id).orElseThrow(() -> ResourceStore.notFound(id));
        try {
          caller.requireAccount(holder.accountId(), holder.partnerId().orElse(null));
        } catch (NotFoundException outsideScope) {
          throw ResourceStore.notFound(id);
        }
        Account account = accounts.visible(handle, caller, holder.accountId());
        return listing.list(handle, account, List.of(id), range[0], range[1]);
      }));
    });
    routes.get("/v1/accounts/{id}/usage", Routes.Access.KEY, (context, caller) -> {
      Instant[] range = range(context, clock);
      context.json(jdbi.inTransaction(handle -> {
        Account account = accounts.visible(handle, caller, context.pathParam("id"));
        return listing.list(handle, account, listing.accountResources(handle, account.id()), range[0], range[1]);
      }));
    });
  }

  private static Instant[] range(Context context, InstantSource clock) {
    return UsageListing.range(context.queryParam("from"), context.queryParam("to"), clock.instant());
  }
}
