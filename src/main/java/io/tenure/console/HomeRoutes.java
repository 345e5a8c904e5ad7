package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Caller;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Where each scope lands after signing in, {@code /console/home}: the operator's dashboard ({@link DashboardRoutes}), a partner's accounts,
 * a customer's resources. The operator's and partners' own pages are added beside these (docs/console.md).
 */
public final class HomeRoutes {
  private static final int PAGE_SIZE = 50;

  private HomeRoutes() {}

  /** A partner's home: a page of its accounts. */
  public record PartnerHome(List<AccountRow> accounts, String next) {}

  /** One account in a list. */
  public record AccountRow(String id, String name, String balance, String currency, boolean inArrears) {}

  static void register(ConsoleRoutes routes) {
    routes.link(EnumSet.of(Caller.Scope.OPERATOR, Caller.Scope.PARTNER), "/console/home", "nav.home");
    routes.page("/console/home", ConsoleRoutes.ANY_SCOPE, visit -> {
      switch (visit.caller().scope()) {
        case OPERATOR -> DashboardRoutes.dashboard(visit);
        case PARTNER -> visit.page("partner-home.jte", "home.partner.title", partnerHome(visit));
        case ACCOUNT -> CustomerRoutes.resources(visit);
      }
    });
  }

  private static PartnerHome partnerHome(Visit visit) {
    String after = visit.context().queryParam("after");
    JsonNode page = visit.get("/v1/partners/" + Visit.encode(visit.caller().partnerId()) + "/accounts?limit=" + PAGE_SIZE
        + (after == null ? "" : "&after=" + Visit.encode(after)));
    List<AccountRow> rows = new ArrayList<>();
    page.path("items").forEach(account -> rows.add(new AccountRow(account.path("id").asText(), account.path("name").asText(),
        account.path("balance").asText(), account.path("currency").asText(), account.path("inArrears").asBoolean())));
    return new PartnerHome(rows, page.path("next").isNull() ? null : page.path("next").asText());
  }
}
