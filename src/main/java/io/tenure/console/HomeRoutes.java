package io.tenure.console;

import io.tenure.api.Caller;
import java.util.EnumSet;

/**
 * Where each scope lands after signing in, {@code /console/home}: the operator's dashboard ({@link DashboardRoutes}),
 * a partner's accounts ({@link PartnerPages}), a customer's resources. The operator's and partners' own pages are added
 * beside these (docs/console.md).
 */
public final class HomeRoutes {
  private HomeRoutes() {}

  static void register(ConsoleRoutes routes) {
    routes.link(EnumSet.of(Caller.Scope.OPERATOR, Caller.Scope.PARTNER), "/console/home", "nav.home");
    routes.page("/console/home", ConsoleRoutes.ANY_SCOPE, visit -> {
      switch (visit.caller().scope()) {
        case OPERATOR -> DashboardRoutes.dashboard(visit);
        case PARTNER -> PartnerPages.home(visit);
        case ACCOUNT -> CustomerRoutes.resources(visit);
      }
    });
  }
}
