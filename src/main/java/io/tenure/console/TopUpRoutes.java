package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Topping up an account's wallet, for the operator (under {@code /console/accounts}) and for a partner, money it
 * collected offline (under {@code /console/partner/accounts}): the form ({@code topup.jte}, on either account page),
 * a confirmation page, then {@code POST /v1/accounts/{id}/top-ups}. The idempotency key is fixed when the form is
 * drawn and carried by the confirmation, so a double submit, a second tab or the back button records one top-up.
 * The API decides who may top up which account; an account the key may not see is the console's not-found page.
 */
public final class TopUpRoutes {
  private TopUpRoutes() {}

  /** The confirmation step: what will be paid in, and the form that does it; {@code back} is where to return. */
  public record TopUpConfirmation(String action, String accountId, String accountName, String balance, String amount,
      String currency, String description, String idempotencyKey, String back) {}

  static void register(ConsoleRoutes routes) {
    register(routes, "/console/accounts", Set.of(Caller.Scope.OPERATOR));
    register(routes, "/console/partner/accounts", PartnerPages.PARTNER);
  }

  private static void register(ConsoleRoutes routes, String accountPages, Set<Caller.Scope> payers) {
    routes.action(accountPages + "/{id}/top-up", payers, visit -> PartnerPages.notFoundOutsideScope(routes, visit, page -> {
      String id = page.context().pathParam("id");
      JsonNode account = page.get("/v1/accounts/" + Visit.encode(id));
      page.page("topup-confirm.jte", "topUp.confirmTitle", new TopUpConfirmation(
          accountPages + "/" + Visit.encode(id) + "/top-up/confirm", id, account.path("name").asText(),
          account.path("balance").asText(), page.form("amount").strip(), account.path("currency").asText(),
          page.form("description").strip(), page.form("idempotencyKey"), back(page, accountPages, id)));
    }));
    routes.action(accountPages + "/{id}/top-up/confirm", payers, visit -> PartnerPages.notFoundOutsideScope(routes, visit, page -> {
      String id = page.context().pathParam("id");
      Map<String, String> body = new LinkedHashMap<>();
      body.put("amount", page.form("amount").strip());
      if (!page.form("description").isBlank()) {
        body.put("description", page.form("description").strip());
      }
      page.send("POST", "/v1/accounts/" + Visit.encode(id) + "/top-ups", body, page.form("idempotencyKey"));
      page.redirect(back(page, accountPages, id), "notice.toppedUp");
    }));
  }

  /** Where the form came from, if it is a console page; else the account's page. */
  private static String back(Visit visit, String accountPages, String accountId) {
    String back = visit.form("back");
    boolean consolePage = back.startsWith("/console/") && !back.contains("//") && !back.contains("\\")
        && back.chars().noneMatch(character -> character < 0x21);
    return consolePage ? back : accountPages + "/" + Visit.encode(accountId);
  }
}
