package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Caller;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The operator's accounts, {@code /console/accounts}: search by id or part of a name, filters (in arrears, low
 * balance, one partner's), {@link #PAGE_SIZE} a page with the API's cursor. The search and the filters are the
 * API's own ({@code GET /v1/accounts?q=&filter=&partnerId=}).
 */
public final class AccountListRoutes {
  static final Set<Caller.Scope> OPERATOR = EnumSet.of(Caller.Scope.OPERATOR);
  static final int PAGE_SIZE = 50;

  private AccountListRoutes() {}

  /** The list page: what was asked, and a page of accounts; {@code next} is the link to the next page (null: last). */
  public record Accounts(String q, String filter, String partnerId, List<AccountRow> accounts, String next) {}

  public record AccountRow(String id, String name, String partnerId, String tier, String balance, String currency,
      String arrearsSince, String lowBalanceSince) {}

  static void register(ConsoleRoutes routes) {
    routes.link(OPERATOR, "/console/accounts", "nav.accounts");
    routes.page("/console/accounts", OPERATOR, AccountListRoutes::accounts);
  }

  private static void accounts(Visit visit) {
    String q = parameter(visit, "q");
    String filter = parameter(visit, "filter");
    String partnerId = parameter(visit, "partnerId");
    String query = "q=" + Visit.encode(q) + (filter.isEmpty() ? "" : "&filter=" + Visit.encode(filter))
        + (partnerId.isEmpty() ? "" : "&partnerId=" + Visit.encode(partnerId));
    String after = parameter(visit, "after");
    JsonNode page = visit.get("/v1/accounts?limit=" + PAGE_SIZE + "&" + query + (after.isEmpty() ? "" : "&after=" + Visit.encode(after)));
    List<AccountRow> rows = new ArrayList<>();
    page.path("items").forEach(account -> rows.add(new AccountRow(account.path("id").asText(), account.path("name").asText(),
        account.path("partnerId").asText(""), account.path("tier").asText(), account.path("balance").asText(),
        account.path("currency").asText(), Dates.prose(account.path("arrearsSince")), Dates.prose(account.path("lowBalanceSince")))));
    String next = CustomerRoutes.next(page);
    visit.page("operator-accounts.jte", "accounts.title", new Accounts(q, filter, partnerId, rows,
        next == null ? null : "/console/accounts?" + query + "&after=" + Visit.encode(next)));
  }

  /** A query parameter, trimmed; empty when absent. */
  static String parameter(Visit visit, String name) {
    String value = visit.context().queryParam(name);
    return value == null ? "" : value.strip();
  }
}
