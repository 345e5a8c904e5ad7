package io.tenure.console;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tenure.api.Caller;
import io.tenure.error.UnauthenticatedException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in with an API key, and out. The sign-in form has no session yet, so it carries a token of its own
 * that must match a cookie set with the form (double submit): no other site can sign a browser in.
 */
final class SignInRoutes {
  private static final String FORM_COOKIE = "tenure_console_sign_in";

  private SignInRoutes() {}

  static void register(ConsoleRoutes routes) {
    routes.open(HandlerType.GET, "/console/sign-in", context -> form(routes, context, 200, ""));
    routes.open(HandlerType.POST, "/console/sign-in", context -> signIn(routes, context));
    routes.action("/console/sign-out", ConsoleRoutes.ANY_SCOPE, visit -> {
      routes.sessions().close(visit.session());
      setCookie(visit.context(), ConsoleRoutes.COOKIE, "", 0);
      visit.context().redirect("/console/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
    });
    routes.open(HandlerType.GET, "/console", context -> context.redirect("/console/home", io.javalin.http.HttpStatus.SEE_OTHER));
  }

  private static void form(ConsoleRoutes routes, Context context, int status, String errorKey) {
    String formToken = SessionStore.randomToken();
    setCookie(context, FORM_COOKIE, formToken, -1);
    Text text = Text.of("en");
    String error = errorKey.isEmpty() && context.queryParam("expired") != null ? text.get("signIn.expired")
        : errorKey.isEmpty() ? "" : text.get(errorKey);
    context.header("Cache-Control", "no-store");
    routes.render(context.status(status), "signin.jte", Map.of("frame", ConsoleRoutes.bareFrame(text, "signIn.title"),
        "formToken", formToken, "error", error));
  }

  private static void signIn(ConsoleRoutes routes, Context context) {
    String expected = context.cookie(FORM_COOKIE);
    String sent = Optional.ofNullable(context.formParam("formToken")).orElse("");
    if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      routes.problem(context, 403, Text.of("en"), "error.csrf");
      return;
    }
    String key = Optional.ofNullable(context.formParam("apiKey")).orElse("").trim();
    Caller caller;
    try {
      caller = routes.keys().authenticate("Bearer " + key);
    } catch (UnauthenticatedException refused) {
      form(routes, context, 401, "signIn.badKey");
      return;
    }
    String token = routes.sessions().open(caller, key);
    setCookie(context, ConsoleRoutes.COOKIE, token, -1);
    context.redirect("/console/home", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** HttpOnly, SameSite=Strict, only for the console's paths; Secure when the request came over HTTPS. */
  static void setCookie(Context context, String name, String value, int maxAgeSeconds) {
    StringBuilder cookie = new StringBuilder(name).append('=').append(value)
        .append("; Path=/console; HttpOnly; SameSite=Strict");
    if (maxAgeSeconds >= 0) {
      cookie.append("; Max-Age=").append(maxAgeSeconds);
    }
    if ("https".equalsIgnoreCase(context.scheme())) {
      cookie.append("; Secure");
    }
    context.res().addHeader("Set-Cookie", cookie.toString());
  }
}
