package io.tenure.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The table of every HTTP route Tenure serves, filled by each feature's routes class. Keeping the table
 * ourselves lets a test compare it with openapi.yaml, and puts the access rule beside each route.
 */
public final class Routes {

  /** Who may call a route. */
  public enum Access {
    /** Anyone, without a key. */
    PUBLIC,
    /** Any valid API key; the handler checks the key's scope against the data it touches. */
    KEY,
    /**
     * The operator's key or a partner's; an account key is refused (403). The handler keeps a partner to its
     * own accounts.
     */
    OPERATOR_OR_PARTNER,
    /** Only the operator's key. */
    OPERATOR
  }

  /** Handles one request for an authenticated (or, for public routes, anonymous) caller. */
  @FunctionalInterface
  public interface Endpoint {
    void handle(Context context, Caller caller) throws Exception;
  }

  /** The media type of every request body unless a route says otherwise. */
  public static final String JSON = "application/json";

  /**
   * One route: method, path in OpenAPI/Javalin form ({@code /v1/accounts/{id}}), access, handler, and the
   * media types its request body may be declared as (a body of another type is refused with 415).
   */
  public record Route(String method, String path, Access access, Endpoint endpoint, Set<String> bodyTypes) {
    public Route(String method, String path, Access access, Endpoint endpoint) {
      this(method, path, access, endpoint, Set.of(JSON));
    }
  }

  private final List<Route> routes = new ArrayList<>();
  private Runnable beforeKeyedCall = () -> {};
  private Admission admission = Admission.unlimited();

  public Routes get(String path, Access access, Endpoint endpoint) {
    return add("GET", path, access, endpoint);
  }

  public Routes post(String path, Access access, Endpoint endpoint) {
    return add("POST", path, access, endpoint);
  }

  public Routes put(String path, Access access, Endpoint endpoint) {
    return add("PUT", path, access, endpoint);
  }

  public Routes delete(String path, Access access, Endpoint endpoint) {
    return add("DELETE", path, access, endpoint);
  }

  /** Lets the route added last accept bodies of {@code mediaTypes} (lower case, without parameters). */
  public Routes withBodyTypes(String... mediaTypes) {
    Route last = routes.removeLast();
    routes.add(new Route(last.method(), last.path(), last.access(), last.endpoint(), Set.of(mediaTypes)));
    return this;
  }

  /**
   * Runs {@code action} before every call of a route that takes a key, once the key is accepted: the
   * simulated clock follows the database's there, so a call served by one Tenure sees an advance made through
   * another. Public routes (health, the API description) read no clock.
   */
  public Routes beforeKeyedCall(Runnable action) {
    beforeKeyedCall = action;
    return this;
  }

  public Runnable beforeKeyedCall() {
    return beforeKeyedCall;
  }

  /** Lets the calls of routes that take a key (each uses the database) run in {@code admission}'s turns. */
  public Routes admitKeyedCalls(Admission admission) {
    this.admission = admission;
    return this;
  }

  public Admission admission() {
    return admission;
  }

  public List<Route> all() {
    return List.copyOf(routes);
  }

  private Routes add(String method, String path, Access access, Endpoint endpoint) {
    routes.add(new Route(method, path, access, endpoint));
    return this;
  }
}
