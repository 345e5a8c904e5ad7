package io.tenure.billing;

import io.tenure.account.Account;
import io.tenure.account.AccountRoutes;
import io.tenure.api.Page;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@code GET /v1/accounts/{id}/bills}. */
public final class BillRoutes {

  private BillRoutes() {}

  public static void register(Routes routes, Jdbi jdbi, BillStore bills, AccountRoutes accounts) {
    routes.get("/v1/accounts/{id}/bills", Routes.Access.KEY, (context, caller) -> {
      int limit = QueryParameters.limit(context);
      var before = QueryParameters.optionalNumber(context, "before");
      context.json(jdbi.withHandle(handle -> {
        Account account = accounts.visible(handle, caller, context.pathParam("id"));
        List<Bill> found = bills.list(handle, account.id(), before, limit);
        return Page.of(found, limit, bill -> BillView.of(bill, account.timeZone()), bill -> bills.sequence(handle, bill.id()));
      }));
    });
  }
}
