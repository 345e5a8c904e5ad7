package io.tenure.partner;

import io.javalin.http.Context;
import io.tenure.account.AccountRoutes;
import io.tenure.account.AccountStore;
import io.tenure.api.Caller;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.clock.TenureClock;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
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
    AccountStore.Standing standing = standing(context);
    int limit = QueryParameters.limit(context);
    Optional<String> after = Optional.ofNullable(context.queryParam("after"));
    context.json(jdbi.inTransaction(handle -> {
      accounts.requirePartner(handle, caller, partnerId);
      return partnerAccounts.page(handle, partnerId, standing, after, limit, clock.now());
    }));
  }

  /** {@code filter}: {@code in-arrears} or {@code low-balance}; every account when absent. */
  private static AccountStore.Standing standing(Context context) {
    String text = context.queryParam("filter");
    if (text == null) {
      return AccountStore.Standing.ALL;
    }
    return switch (text) {
      case "in-arrears" -> AccountStore.Standing.IN_ARREARS;
      case "low-balance" -> AccountStore.Standing.LOW_BALANCE;
      default -> throw new InvalidInputException("INVALID_QUERY_PARAMETER",
          "Query parameter 'filter': must be one of in-arrears, low-balance, was '" + Echo.of(text) + "'.");
    };
  }
}
