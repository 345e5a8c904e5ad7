package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Caller;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Topping up an account's wallet: the form ({@code topup-form.jte}, on the operator's account page and reusable on a
 * partner's), a confirmation page, then {@code POST /v1/accounts/{id}/top-ups}. The idempotency key is fixed when the
 * form is drawn and carried by the confirmation, so a double submit, a second tab or the back button records one
 * top-up. The API decides who may top up which account (the operator any, a partner its own).
 */
public final class TopUpRoutes {
  static final Set<Caller.Scope> PAYERS = EnumSet.of(Caller.Scope.OPERATOR, Caller.Scope.PARTNER);

  private TopUpRoutes() {}

  /** The confirmation step: what will be paid in, and the form that does it; {@code back} is where to return. */
  public record TopUpConfirmation(String accountId, String accountName, String balance, String amount, String currency,
      String description, String idempotencyKey, String back) {}

  static void register(ConsoleRoutes routes) {
    routes.action("/console/accounts/{id}/top-up", PAYERS, visit -> {
      String id = visit.context().pathParam("id");
      JsonNode account = visit.get("/v1/accounts/" + Visit.encode(id));
      visit.page("topup-confirm.jte", "topUp.confirmTitle", new TopUpConfirmation(id, account.path("name").asText(),
          account.path("balance").asText(), visit.form("amount").strip(), account.path("currency").asText(),
          visit.form("description").strip(), visit.form("idempotencyKey"), back(visit, id)));
    });
    routes.action("/console/accounts/{id}/top-up/confirm", PAYERS, visit -> {
      String id = visit.context().pathParam("id");
      Map<String, String> body = new LinkedHashMap<>();
      body.put("amount", visit.form("amount").strip());
      if (!visit.form("description").isBlank()) {
        body.put("description", visit.form("description").strip());
      }
      visit.send("POST", "/v1/accounts/" + Visit.encode(id) + "/top-ups", body, visit.form("idempotencyKey"));
      visit.redirect(back(visit, id), "notice.toppedUp");
    });
  }

  /** Where the form came from, if it is a console page; else the operator's account page. */
  private static String back(Visit visit, String accountId) {
    String back = visit.form("back");
    boolean consolePage = back.startsWith("/console/") && !back.contains("//") && !back.contains("\\")
        && back.chars().noneMatch(character -> character < 0x21);
    return consolePage ? back : "/console/accounts/" + Visit.encode(accountId);
  }
}
