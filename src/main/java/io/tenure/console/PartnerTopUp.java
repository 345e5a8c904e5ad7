package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A partner's top-up of one of its accounts (money it collected offline), in two steps: the form on the account's
 * page asks the amount, the confirmation page says what will happen and sends it. The idempotency key is fixed
 * when the account's page draws the form and travels through the confirmation, so submitting it twice, or going
 * back and submitting again, records one top-up. The amount is checked by the API alone, whose refusal is shown.
 */
public final class PartnerTopUp {
  private PartnerTopUp() {}

  /** The confirmation step: what will be recorded, and the form that records it. */
  public record Confirmation(String accountId, String accountName, String amount, String currency, String balance,
      String idempotencyKey) {}

  static void register(ConsoleRoutes routes) {
    routes.action("/console/partner/accounts/{id}/top-up", PartnerPages.PARTNER, visit ->
        PartnerPages.notFoundOutsideScope(routes, visit, PartnerTopUp::confirmation));
    routes.action("/console/partner/accounts/{id}/top-up/confirm", PartnerPages.PARTNER, visit ->
        PartnerPages.notFoundOutsideScope(routes, visit, PartnerTopUp::record));
  }

  private static void confirmation(Visit visit) {
    String id = visit.context().pathParam("id");
    JsonNode account = visit.get(PartnerPages.accountPath(id));
    visit.page("partner-top-up-confirm.jte", "partner.topUp.title", new Confirmation(id, account.path("name").asText(),
        visit.form("amount").trim(), account.path("currency").asText(), account.path("balance").asText(),
        visit.form("idempotencyKey")));
  }

  private static void record(Visit visit) {
    String id = visit.context().pathParam("id");
    visit.send("POST", PartnerPages.accountPath(id) + "/top-ups", Map.of("amount", visit.form("amount").trim()),
        visit.form("idempotencyKey"));
    visit.redirect("/console/partner/accounts/" + Visit.encode(id), "notice.toppedUp");
  }
}
