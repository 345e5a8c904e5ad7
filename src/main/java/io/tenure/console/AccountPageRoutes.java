package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * An account's page for the operator, {@code /console/accounts/{id}}: its facts, contacts and settings, then its
 * wallet ledger with a running balance, bills, messages, resources and holds, each a page of its own (the API's
 * cursors, at most {@link #ROWS} rows each), read at once. The top-up form is {@link TopUpRoutes}'.
 */
public final class AccountPageRoutes {
  static final int ROWS = 20;

  private AccountPageRoutes() {}

  static void register(ConsoleRoutes routes) {
    routes.page("/console/accounts/{id}", AccountListRoutes.OPERATOR, visit ->
        visit.page("operator-account.jte", "account.title", page(visit, visit.context().pathParam("id"))));
  }

  private static AccountPage page(Visit visit, String id) {
    String path = "/v1/accounts/" + Visit.encode(id);
    String ledgerBefore = AccountListRoutes.parameter(visit, "ledgerBefore");
    String resourcesAfter = AccountListRoutes.parameter(visit, "resourcesAfter");
    String billsBefore = AccountListRoutes.parameter(visit, "billsBefore");
    String messagesBefore = AccountListRoutes.parameter(visit, "messagesBefore");
    String holdsAfter = AccountListRoutes.parameter(visit, "holdsAfter");
    List<Callable<JsonNode>> reads = List.of(
        () -> visit.get(path),
        () -> visit.get(path + "/ledger?limit=" + ROWS + cursor("before", ledgerBefore)),
        () -> visit.get(path + "/bills?limit=" + ROWS + cursor("before", billsBefore)),
        () -> visit.get(path + "/messages?limit=" + ROWS + cursor("before", messagesBefore)),
        () -> visit.get(path + "/resources?limit=" + ROWS + cursor("after", resourcesAfter)),
        () -> visit.get("/v1/holds?accountId=" + Visit.encode(id) + "&limit=" + ROWS + cursor("after", holdsAfter)));
    List<JsonNode> answers = visit.all(reads);
    JsonNode account = answers.get(0);
    String here = "/console/accounts/" + Visit.encode(id);
    // The balance after the newest transaction of this page: the balance now on the first page, else carried by the link.
    String balanceAfter = AccountListRoutes.parameter(visit, "ledgerBalance");
    AccountPage.Ledger ledger = AccountPage.ledger(answers.get(1), id,
        balanceAfter.isEmpty() || ledgerBefore.isEmpty() ? account.path("balance").asText() : balanceAfter, here);
    return new AccountPage(AccountPage.facts(account), AccountPage.contacts(account), AccountPage.settings(account.path("settings")),
        ledger, AccountPage.bills(answers.get(2), next(answers.get(2), here, "billsBefore")),
        AccountPage.messages(answers.get(3), next(answers.get(3), here, "messagesBefore")),
        AccountPage.resources(answers.get(4), next(answers.get(4), here, "resourcesAfter")),
        AccountPage.holds(answers.get(5), next(answers.get(5), here, "holdsAfter")), here);
  }

  private static String cursor(String name, String value) {
    return value.isEmpty() ? "" : "&" + name + "=" + Visit.encode(value);
  }

  /** The link to the next page of one list of the page (the others start again), or null on its last. */
  private static String next(JsonNode page, String here, String parameter) {
    String next = CustomerRoutes.next(page);
    return next == null ? null : here + "?" + parameter + "=" + Visit.encode(next);
  }
}
