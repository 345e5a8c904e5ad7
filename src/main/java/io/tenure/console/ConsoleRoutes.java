package io.tenure.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tenure.api.Authenticator;
import io.tenure.api.Caller;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's routes under {@code /console}, and the one way a page or a form is served: a page is a GET for
 * the scopes given; an action is a POST whose form must carry the session's CSRF token. Without a live session
 * the browser is sent to the sign-in page; a scope that may not open a page gets the not-found page. Every
 * failure is an HTML page, never the API's JSON.
 */
public final class ConsoleRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);
  static final String COOKIE = "tenure_console";
  static final String CSRF_FIELD = "csrf";
  public static final Set<Caller.Scope> ANY_SCOPE = EnumSet.allOf(Caller.Scope.class);
  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
      ConsoleRoutes.class.getClassLoader(), "io.tenure.console.templates");

  /** Handles one request of a signed-in person. */
  @FunctionalInterface
  public interface Handler {
    void handle(Visit visit) throws Exception;
  }

  private record Link(Set<Caller.Scope> scopes, String href, String labelKey) {}

  private final RoutesConfig javalin;
  private final SessionStore sessions;
  private final Authenticator keys;
  private final List<Link> links = new ArrayList<>();

  ConsoleRoutes(RoutesConfig javalin, SessionStore sessions, Authenticator keys) {
    this.javalin = javalin;
    this.sessions = sessions;
    this.keys = keys;
  }

  SessionStore sessions() {
    return sessions;
  }

  Authenticator keys() {
    return keys;
  }

  /** A page: {@code GET path} for the signed-in {@code scopes}. */
  public ConsoleRoutes page(String path, Set<Caller.Scope> scopes, Handler handler) {
    javalin.addHttpHandler(HandlerType.GET, path, context -> serve(context, scopes, false, handler));
    return this;
  }

  /** A form's target: {@code POST path} for the signed-in {@code scopes}, refused without the session's CSRF token. */
  public ConsoleRoutes action(String path, Set<Caller.Scope> scopes, Handler handler) {
    javalin.addHttpHandler(HandlerType.POST, path, context -> serve(context, scopes, true, handler));
    return this;
  }

  /** A link in the navigation bar of {@code scopes}, labelled by the bundle's {@code labelKey}. */
  public ConsoleRoutes link(Set<Caller.Scope> scopes, String href, String labelKey) {
    links.add(new Link(scopes, href, labelKey));
    return this;
  }

  /** A route outside any session (sign-in, assets); it answers by itself. */
  void open(HandlerType method, String path, io.javalin.http.Handler handler) {
    javalin.addHttpHandler(method, path, context -> {
      try {
        handler.handle(context);
      } catch (Exception failure) {
        failed(context, failure);
      }
    });
  }

  List<Frame.Link> navigation(Caller.Scope scope, Text text) {
    return links.stream().filter(link -> link.scopes().contains(scope))
        .map(link -> new Frame.Link(link.href(), text.get(link.labelKey()))).toList();
  }

  private void serve(Context context, Set<Caller.Scope> scopes, boolean form, Handler handler) {
    try {
      Optional<Session> session = sessions.find(context.cookie(COOKIE));
      if (session.isEmpty()) {
        context.redirect("/console/sign-in?expired=1", io.javalin.http.HttpStatus.SEE_OTHER);
        return;
      }
      context.header("Cache-Control", "no-store");
      Visit visit = new Visit(context, session.get(), new ApiClient(context.req().getLocalPort(), session.get().apiKey()), this);
      if (form && !java.security.MessageDigest.isEqual(session.get().csrfToken().getBytes(),
          visit.form(CSRF_FIELD).getBytes())) {
        problem(context, 403, Text.of("en"), "error.csrf");
        return;
      }
      if (!scopes.contains(session.get().caller().scope())) {
        problem(context, 404, visit.text(), "error.notFound");
        return;
      }
      handler.handle(visit);
    } catch (ApiClient.ApiRefusal refusal) {
      refused(context, refusal);
    } catch (Exception failure) {
      failed(context, failure);
    }
  }

  private void refused(Context context, ApiClient.ApiRefusal refusal) {
    if (refusal.status() == 401) {
      // The key was revoked since sign-in: the session is of no use any more.
      sessions.find(context.cookie(COOKIE)).ifPresent(sessions::close);
      context.redirect("/console/sign-in?expired=1", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    // The API's own status and message: 404 outside the scope, 409 or 422 for a refused act, 400 for bad input.
    render(context.status(refusal.status()), "error.jte", Map.of("frame", bareFrame(Text.of("en"), "error.title"),
        "message", refusal.getMessage()));
  }

  private void failed(Context context, Exception failure) {
    LOG.error("console - {} {} failed", context.method(), context.path(), failure);
    problem(context, 500, Text.of("en"), "error.internal");
  }

  void problem(Context context, int status, Text text, String messageKey) {
    render(context.status(status), "error.jte", Map.of("frame", bareFrame(text, "error.title"), "message", text.get(messageKey)));
  }

  static Frame bareFrame(Text text, String titleKey) {
    return new Frame(text.get(titleKey), text, List.of(), "", "", "");
  }

  void render(Context context, String template, Map<String, Object> parameters) {
    StringOutput output = new StringOutput();
    TEMPLATES.render(template, parameters, output);
    context.contentType("text/html; charset=utf-8").result(output.toString());
  }
}
