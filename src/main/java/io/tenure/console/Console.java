package io.tenure.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.tenure.api.Authenticator;

/**
 * Puts the console's pages on the API's server. The order matters only for the last route: any other path under
 * {@code /console} is the console's own not-found page, in HTML.
 */
public final class Console {

  private Console() {}

  public static void register(RoutesConfig javalin, SessionStore sessions, Authenticator keys) {
    ConsoleRoutes routes = new ConsoleRoutes(javalin, sessions, keys);
    ConsoleAssets.register(routes);
    SignInRoutes.register(routes);
    HomeRoutes.register(routes);
    CustomerRoutes.register(routes);
    ResourcePageRoutes.register(routes);
    PartnerPages.register(routes);
    ResourceTools.register(routes);
    CatalogPage.register(routes);
    DeliveryPages.register(routes);
    HoldsAndClockPages.register(routes);
    AccountListRoutes.register(routes);
    AccountPageRoutes.register(routes);
    TopUpRoutes.register(routes);
    routes.open(HandlerType.GET, "/console/<rest>", context -> routes.problem(context, 404, Text.of("en"), "error.notFound"));
  }
}
