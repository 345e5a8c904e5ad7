package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tenure.api.Caller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request of a signed-in person: the session, the API as its key sees it, the words of its locale, and
 * what a handler answers with ({@link #page}, {@link #redirect}).
 */
public final class Visit {
  private final Context context;
  private final Session session;
  private final ApiClient api;
  private final ConsoleRoutes routes;
  private Text text;
  private JsonNode account;

  Visit(Context context, Session session, ApiClient api, ConsoleRoutes routes) {
    this.context = context;
    this.session = session;
    this.api = api;
    this.routes = routes;
  }

  public Caller caller() {
    return session.caller();
  }

  Session session() {
    return session;
  }

  public Context context() {
    return context;
  }

  /** {@code GET /v1…} with the session's key. */
  public JsonNode get(String path) {
    return api.get(path);
  }

  /** A call that changes something, with the form's idempotency key (null: none). */
  public JsonNode send(String method, String path, Object body, String idempotencyKey) {
    return api.send(method, path, body, idempotencyKey);
  }

  /**
   * Runs independent reads of the API at once (virtual threads) and returns their results in order; the first
   * failure is thrown as if the read had been made alone.
   */
  public <T> java.util.List<T> all(java.util.List<java.util.concurrent.Callable<T>> reads) {
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      java.util.List<java.util.concurrent.Future<T>> futures = reads.stream().map(threads::submit).toList();
      java.util.List<T> results = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (java.util.concurrent.ExecutionException failed) {
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** A path segment or query value as it goes into a URL. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A form field; empty when absent. */
  public String form(String name) {
    String value = context.formParam(name);
    return value == null ? "" : value;
  }

  /**
   * The words of the person's locale: an account key's pages are in its account's locale (read once per
   * request), the operator's and partners' in English.
   */
  public Text text() {
    if (text == null) {
      text = caller().scope() == Caller.Scope.ACCOUNT ? Text.of(account().path("locale").asText("en")) : Text.of("en");
    }
    return text;
  }

  /** The signed-in account (an account key only), read once per request. */
  public JsonNode account() {
    if (account == null) {
      account = get("/v1/accounts/" + encode(caller().accountId()));
    }
    return account;
  }

  /** Answers the template {@code template}.jte with the layout's frame and the page's model. */
  public void page(String template, String titleKey, Object model) {
    Frame frame = new Frame(text().get(titleKey), text(), routes.navigation(caller().scope(), text()),
        text().get("scope." + caller().scope().name()), session.csrfToken(), notice());
    routes.render(context, template, Map.of("frame", frame, "model", model));
  }

  /** Sends the browser to {@code path} (303, so a reload never posts again), with a notice to show there. */
  public void redirect(String path, String noticeKey) {
    String target = noticeKey == null ? path : path + (path.contains("?") ? "&" : "?") + "notice=" + encode(noticeKey);
    context.redirect(target, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** A notice named by the previous action's redirect, only from the bundle's {@code notice.*} keys. */
  private String notice() {
    String key = context.queryParam("notice");
    return key != null && key.startsWith("notice.") ? text().get(key) : "";
  }
}
