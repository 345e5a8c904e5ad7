package io.tenure.partner;

import io.javalin.http.Context;
import io.tenure.account.AccountRequests;
import io.tenure.account.AccountRoutes;
import io.tenure.account.AccountStore;
import io.tenure.api.Caller;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.clock.TenureClock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@code GET /v1/partners/{id}/accounts}: the partner's watch list, for the operator or that partner. */
public final class PartnerRoutes {
  private final Jdbi jdbi;
  private final AccountRoutes accounts;
  private final PartnerAccounts partnerAccounts;
  private final TenureClock clock;

  public PartnerRoutes(Jdbi jdbi, AccountRoutes accounts, PartnerAccounts partnerAccounts, TenureClock clock) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.partnerAccounts = partnerAccounts;
    this.clock = clock;
  }

  public void register(Routes routes) {
    routes.get("/v1/partners/{id}/accounts", Routes.Access.OPERATOR_OR_PARTNER, this::list);
  }

  private void list(Context context, Caller caller) {
    String partnerId = context.pathParam("id");
    AccountStore.Standing standing = AccountRequests.standing(context.queryParam("filter"));
    int limit = QueryParameters.limit(context);
    Optional<String> after = Optional.ofNullable(context.queryParam("after"));
    context.json(jdbi.inTransaction(handle -> {
      accounts.requirePartner(handle, caller, partnerId);
      return partnerAccounts.page(handle, partnerId, standing, after, limit, clock.now());
    }));
  }
}
