package io.tenure.api;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.tenure.error.Echo;
import io.tenure.error.ForbiddenException;
import io.tenure.error.InvalidInputException;
import io.tenure.error.LimitExceededException;
import io.tenure.error.NotFoundException;
import io.tenure.error.RejectedException;
import io.tenure.error.TenureException;
import io.tenure.error.UnauthenticatedException;
import io.tenure.error.UnsupportedMediaTypeException;
import io.tenure.store.TransientFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin configured once, every route from {@link Routes} behind its access rule, and
 * every failure answered with the error body {@code {"error": {"code", "message"}}}, including the requests
 * Jetty refuses by itself ({@link JsonErrorHandler}). Before a route runs, {@link RequestChecks} checks what
 * every request must satisfy. Bad input never yields a 500 or a stack trace; only a bug in Tenure does, with a
 * generic message and the detail logged.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final Logger REQUESTS = LoggerFactory.getLogger("io.tenure.api.requests");
  private static final String CALLER = "tenure.caller";
  private static final int AUTHENTICATION_ATTEMPTS = 3;
  private static final String INTERNAL_ERROR = "Tenure failed to handle this request; the operator's logs have the detail.";
  /** Jetty's default: how long a connection may stay silent in the middle of a request. */
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Jetty's selectors (threads that watch the idle keep-alive connections): Jetty takes half the cores, one on
   * two cores, where every request threads' re-registration of its connection then contends for that one
   * selector; two cut the request threads' CPU per answer by a fifth there (docs/performance.md).
   */
  private static final int SELECTORS = Math.max(2, Runtime.getRuntime().availableProcessors() / 2);

  private final Javalin javalin;

  private ApiServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /** Starts serving {@code routes} on {@code port} (0: any free port). */
  public static ApiServer start(Routes routes, Authenticator keys, int port, long maxRequestBytes) {
    return start(routes, keys, port, maxRequestBytes, IDLE_TIMEOUT, pages -> {});
  }

  /**
   * {@link #start}, plus {@code pages}: routes that are not part of the API (the console's HTML pages), which
   * answer by themselves and are not in openapi.yaml.
   */
  public static ApiServer start(Routes routes, Authenticator keys, int port, long maxRequestBytes,
      Consumer<RoutesConfig> pages) {
    return start(routes, keys, port, maxRequestBytes, IDLE_TIMEOUT, pages);
  }

  /** {@link #start}, with a connection that waits {@code idleTimeout} at most for the rest of a request. */
  static ApiServer start(Routes routes, Authenticator keys, int port, long maxRequestBytes, Duration idleTimeout) {
    return start(routes, keys, port, maxRequestBytes, idleTimeout, pages -> {});
  }

  private static ApiServer start(Routes routes, Authenticator keys, int port, long maxRequestBytes, Duration idleTimeout,
      Consumer<RoutesConfig> pages) {
    Javalin javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      config.http.maxRequestSize = maxRequestBytes;
      config.http.prefer405over404 = true;
      // Jetty answers some requests itself (bad encoding, too long); they get the same JSON body as ours.
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(idleTimeout.toMillis()));
      config.jetty.addConnector((server, http) -> {
        ServerConnector connector = new ServerConnector(server, 1, SELECTORS, new HttpConnectionFactory(http));
        connector.setPort(port);
        return connector;
      });
      // What Javalin answers by itself, with a status and no body: a read that timed out (a body that stopped
      // arriving is answered by RequestChecks first), and a client that went away (it reads no answer).
      config.jetty.timeoutStatus = 408;
      config.jetty.clientAbortStatus = 499;
      // An Error (out of memory, stack overflow, a class that failed to load) outside a route, as when the answer
      // is written: Javalin would send an empty 500.
      config.router.javaLangErrorHandler(ApiServer::answerError);
      config.jetty.modifyServletContextHandler(handler -> {
        handler.setErrorHandler(new JsonErrorHandler());
        // Tenure keeps no HTTP sessions (a key authenticates each call): the session handler Javalin installs
        // need not look for a session id in every request's cookies and path.
        handler.getSessionHandler().setUsingCookies(false);
        handler.getSessionHandler().setSessionIdPathParameterName("none");
      });
      config.requestLogger.http((context, millis) -> REQUESTS.debug("request - {} {} -> {} in {} ms",
          context.method(), context.path(), context.statusCode(), Math.round(millis)));
      Runnable beforeKeyedCall = routes.beforeKeyedCall();
      Admission admission = routes.admission();
      for (Routes.Route route : routes.all()) {
        config.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(),
            context -> guarded(route, beforeKeyedCall, keys, admission, context));
      }
      pages.accept(config.routes);
      config.routes.exception(TenureException.class, (failure, context) -> answer(context, failure));
      config.routes.exception(HttpResponseException.class, ApiServer::answerFramework);
      config.routes.exception(Exception.class, (failure, context) -> {
        if (failure instanceof HttpException refused && refused.getCode() >= 400 && refused.getCode() < 500) {
          int status = refused.getCode();
          error(context, status, ErrorBody.codeOf(status), JsonErrorHandler.message(status, refused.getReason()));
          return;
        }
        if (TransientFailures.isTransient(failure)) {
          // The transaction rolled back with its connection (an administrator ended it, the server restarted), or no
          // connection came free within the pool's timeout: nothing was committed either way.
          LOG.warn("request - {} {} had no database connection: {}", context.method(), context.path(), failure.getMessage());
          error(context, 503, "DATABASE_UNAVAILABLE", "The database connection was lost, or none came free in time, "
              + "while handling this request. Send it again; a money call with the same Idempotency-Key is applied at most once.");
          return;
        }
        LOG.error("request - {} {} failed", context.method(), context.path(), failure);
        error(context, 500, "INTERNAL_ERROR", INTERNAL_ERROR);
      });
      config.routes.error(404, context -> {
        if (context.result() == null || context.result().isEmpty()) {
          error(context, 404, "ROUTE_NOT_FOUND", "No route " + context.method() + " " + Echo.of(context.path()) + ".");
        }
      });
    });
    javalin.start(port);
    LOG.info("api - listening on port {}", javalin.port());
    return new ApiServer(javalin);
  }

  public int port() {
    return javalin.port();
  }

  /**
   * Runs a route; an {@link Error} it throws is answered here as any other bug of Tenure, since Javalin's own
   * exception handlers take Exceptions only and would answer an Error with an empty 500. The answer so far (a
   * status, a replay's headers) is dropped first.
   */
  private static void guarded(Routes.Route route, Runnable beforeKeyedCall, Authenticator keys, Admission admission,
      Context context) throws Exception {
    try {
      if (route.access() == Routes.Access.PUBLIC) {
        handle(route, beforeKeyedCall, keys, context);
      } else {
        admission.run(() -> handle(route, beforeKeyedCall, keys, context));
      }
    } catch (Error failure) {
      LOG.error("request - {} {} failed with an error of the Java runtime", context.method(), context.path(), failure);
      if (!context.res().isCommitted()) {
        context.res().reset();
      }
      error(context, 500, "INTERNAL_ERROR", INTERNAL_ERROR);
    }
  }

  /** Javalin's last resort for an {@link Error} outside a route: the error body, if nothing was sent yet. */
  private static void answerError(HttpServletResponse response, Error failure) {
    LOG.error("request - failed with an error of the Java runtime while answering", failure);
    if (response.isCommitted()) {
      return;
    }
    try {
      response.reset();
      response.setStatus(500);
      response.setContentType("application/json");
      response.setHeader("Cache-Control", "no-store");
      response.getOutputStream().write(ErrorBody.bytes("INTERNAL_ERROR", INTERNAL_ERROR));
    } catch (IOException | RuntimeException unwritable) {
      LOG.warn("request - the error body could not be written: {}", unwritable.toString());
    }
  }

  private static void handle(Routes.Route route, Runnable beforeKeyedCall, Authenticator keys, Context context)
      throws Exception {
    Caller caller = null;
    if (route.access() != Routes.Access.PUBLIC) {
      // A read: a connection ended under it costs a retry, not a 503.
      caller = TransientFailures.retrying(AUTHENTICATION_ATTEMPTS, "request - the API key look-up", () -> keys.authenticate(context.header("Authorization")));
      caller.requireAccess(route.access());
      beforeKeyedCall.run();
      context.attribute(CALLER, caller);
    }
    RequestChecks.check(route, context);
    route.endpoint().handle(context, caller);
  }

  private static void answer(Context context, TenureException failure) {
    error(context, statusOf(failure), failure.code(), failure.getMessage());
  }

  /** The HTTP status of each kind of failure, defined once (a replayed refusal keeps the same). */
  static int statusOf(TenureException failure) {
    return switch (failure) {
      case InvalidInputException ignored -> 400;
      case UnauthenticatedException ignored -> 401;
      case ForbiddenException ignored -> 403;
      case NotFoundException ignored -> 404;
      case RejectedException ignored -> 409;
      case LimitExceededException ignored -> 422;
      case UnsupportedMediaTypeException ignored -> 415;
    };
  }

  private static void answerFramework(HttpResponseException failure, Context context) {
    int status = failure.getStatus();
    String message = switch (status) {
      case 404 -> "No route " + context.method() + " " + Echo.of(context.path()) + ".";
      case 408 -> JsonErrorHandler.message(408, null);
      case 405 -> "Method " + context.method() + " is not allowed on " + Echo.of(context.path()) + ".";
      default -> JsonErrorHandler.message(status, null);
    };
    error(context, status, ErrorBody.codeOf(status), message);
  }

  private static void error(Context context, int status, String code, String message) {
    context.status(status).json(ErrorBody.of(code, message));
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
