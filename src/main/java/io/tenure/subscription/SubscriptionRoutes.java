package io.tenure.subscription;

import io.javalin.http.Context;
import io.tenure.account.Account;
import io.tenure.account.AccountRoutes;
import io.tenure.api.Caller;
import io.tenure.api.Json;
import io.tenure.api.Routes;
import io.tenure.clock.TenureClock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET} and {@code PUT /v1/accounts/{id}/message-subscriptions}: the account's routing of every message type,
 * and its change. The account's own key, its partner's and the operator's may call both.
 */
public final class SubscriptionRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRoutes.class);
  private static final String PATH = "/v1/accounts/{id}/message-subscriptions";
  private final Jdbi jdbi;
  private final AccountRoutes accounts;
  private final NoticeRoutings routings;
  private final SubscriptionStore store;
  private final TenureClock clock;

  public SubscriptionRoutes(Jdbi jdbi, AccountRoutes accounts, NoticeRoutings routings, SubscriptionStore store,
      TenureClock clock) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.routings = routings;
    this.store = store;
    this.clock = clock;
  }

  public void register(Routes routes) {
    routes.get(PATH, Routes.Access.KEY, (context, caller) -> context.json(jdbi.withHandle(handle -> {
      Account account = accounts.visible(handle, caller, context.pathParam("id"));
      return SubscriptionView.of(account.id(), routings.current(handle), store.choices(handle, account.id()));
    })));
    routes.put(PATH, Routes.Access.KEY, this::change);
  }

  /** Checks every type given, then stores all of them in one transaction, or none. */
  private void change(Context context, Caller caller) {
    SubscriptionChange request = Json.read(context.bodyAsBytes(), SubscriptionChange.class);
    context.json(jdbi.inTransaction(handle -> {
      Account account = accounts.visible(handle, caller, context.pathParam("id"));
      NoticeRouting routing = routings.current(handle);
      Map<String, Choice> changed = request.choices(account.contacts());
      routing.requireAboveFloors(changed);
      store.replace(handle, account.id(), changed, clock.now());
      LOG.info("notices - account {} changed its message subscriptions for {}", account.id(), changed.keySet());
      return SubscriptionView.of(account.id(), routing, store.choices(handle, account.id()));
    }));
  }
}
