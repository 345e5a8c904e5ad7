package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/**
 * The scope scenarios of the webhook routes (operator only): an endpoint that takes only {@code resource.activated}
 * (so that no release waits for a confirmation), pointed at a port where nothing listens.
 */
final class WebhookScopes {
  private static final String NOWHERE = "http://127.0.0.1:9/hooks";

  private WebhookScopes() {}

  static void add(Map<String, ScopeWorld.Scenario> scenarios, HttpApi operator, Supplier<String> anyAccount) {
    List<ScopeWorld.Target> nothing = List.of(ScopeWorld.NOTHING);
    String[] shared = new String[2];
    Supplier<String> endpoint = () -> {
      if (shared[0] == null) {
        shared[0] = create(operator);
        Fixtures.topUp(operator, anyAccount.get(), "500.00");
        Fixtures.bought(operator, anyAccount.get(), "koodrive-basic", 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
            operator.get("/v1/webhook-endpoints/" + shared[0] + "/deliveries").json().path("items").size() > 0);
        shared[1] = operator.get("/v1/webhook-endpoints/" + shared[0] + "/deliveries").json().path("items").path(0).path("eventId").asText();
      }
      return "/v1/webhook-endpoints/" + shared[0];
    };
    scenarios.put("POST /v1/webhook-endpoints", new ScopeWorld.Scenario(nothing, (target, allowed) ->
        new ScopeWorld.Call("POST", "/v1/webhook-endpoints", body(), null)));
    scenarios.put("GET /v1/webhook-endpoints", new ScopeWorld.Scenario(nothing, (target, allowed) ->
        new ScopeWorld.Call("GET", "/v1/webhook-endpoints", null, null)));
    scenarios.put("GET /v1/webhook-endpoints/{id}", new ScopeWorld.Scenario(nothing, (target, allowed) ->
        new ScopeWorld.Call("GET", endpoint.get(), null, null)));
    scenarios.put("DELETE /v1/webhook-endpoints/{id}", new ScopeWorld.Scenario(nothing, (target, allowed) ->
        new ScopeWorld.Call("DELETE", "/v1/webhook-endpoints/" + (allowed ? create(operator) : "whe_0"), null, null)));
    scenarios.put("POST /v1/webhook-endpoints/{id}/rotate-secret", new ScopeWorld.Scenario(nothing, (target, allowed) ->
        new ScopeWorld.Call("POST", endpoint.get() + "/rotate-secret", null, null)));
    scenarios.put("POST /v1/webhook-endpoints/{id}/enable", new ScopeWorld.Scenario(nothing, (target, allowed) ->
        new ScopeWorld.Call("POST", endpoint.get() + "/enable", null, null)));
    scenarios.put("GET /v1/webhook-endpoints/{id}/deliveries", new ScopeWorld.Scenario(nothing, (target, allowed) ->
        new ScopeWorld.Call("GET", endpoint.get() + "/deliveries", null, null)));
    scenarios.put("POST /v1/webhook-endpoints/{id}/events/{eventId}/resend", new ScopeWorld.Scenario(nothing, (target, allowed) ->
        new ScopeWorld.Call("POST", endpoint.get() + "/events/" + shared[1] + "/resend", null, null)));
    scenarios.put("POST /v1/webhook-endpoints/{id}/replay", new ScopeWorld.Scenario(nothing, (target, allowed) ->
        new ScopeWorld.Call("POST", endpoint.get() + "/replay", Map.of("since", "2020-01-01T00:00:00Z"), null)));
    scenarios.put("GET /v1/webhook-releases", new ScopeWorld.Scenario(nothing, (target, allowed) ->
        new ScopeWorld.Call("GET", "/v1/webhook-releases", null, null)));
  }

  private static Map<String, Object> body() {
    return Map.of("url", NOWHERE, "events", List.of("resource.activated"));
  }

  private static String create(HttpApi operator) {
    HttpApi.Answer created = operator.post("/v1/webhook-endpoints", body());
    assertThat(created.status()).as("create a webhook endpoint: %s", created).isEqualTo(201);
    return created.get("id");
  }
}
