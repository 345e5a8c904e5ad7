package io.tenure.console;

import io.tenure.api.Caller;
import java.util.EnumSet;

/**
 * Where each scope lands after signing in, {@code /console/home}: the operator's overview, a partner's accounts,
 * a customer's resources. The operator's and partners' own pages are added beside these (docs/console.md).
 */
public final class HomeRoutes {
  private HomeRoutes() {}

  /** The operator's home: who is signed in and the clock. */
  public record OperatorHome(String clock) {}

  static void register(ConsoleRoutes routes) {
    routes.link(EnumSet.of(Caller.Scope.OPERATOR, Caller.Scope.PARTNER), "/console/home", "nav.home");
    routes.page("/console/home", ConsoleRoutes.ANY_SCOPE, visit -> {
      switch (visit.caller().scope()) {
        case OPERATOR -> visit.page("operator-home.jte", "home.operator.title", new OperatorHome(clock(visit)));
        case PARTNER -> PartnerPages.home(visit);
        case ACCOUNT -> CustomerRoutes.resources(visit);
      }
    });
  }

  private static String clock(Visit visit) {
    try {
      return visit.get("/v1/clock").path("now").asText();
    } catch (ApiClient.ApiRefusal systemClock) {
      return visit.text().get("home.systemClock");
    }
  }
}
