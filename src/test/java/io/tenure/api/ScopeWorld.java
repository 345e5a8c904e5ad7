package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The keys and objects the scope fence test works on: partners P1 and P2; accounts A1 and A1b under P1, A2
 * under P2 and A0 under none, each with money, bills, messages, a standing and a released resource and a
 * spare key; the keys of the operator, P1, P2, A0, A1 and A2, a revoked key and no key. It also knows, for
 * every operation, how to make a valid call of it on a target.
 */
final class ScopeWorld {
  enum Kind { OPERATOR, PARTNER, ACCOUNT, REVOKED, NONE }

  /** A caller: its key and what the key is for. */
  record Actor(String name, Kind kind, HttpApi api, String partnerId, String accountId) {}

  /** What a call names: an account (with its partner), a partner alone, or nothing. */
  record Target(String name, String accountId, String partnerId) {}

  /** One request; {@code body} is sent as is when it is a String, otherwise as JSON. */
  record Call(String method, String path, Object body, String idempotencyKey) {
    String text() {
      return path + (body == null ? "" : body instanceof String raw ? raw : Json.write(body));
    }
  }

  /** Makes a valid call on a target; an allowed call gets fresh objects to change, a refused one the standing ones. */
  @FunctionalInterface
  interface CallMaker {
    Call make(Target target, boolean allowed);
  }

  record Scenario(List<Target> targets, CallMaker maker) {
    Call call(Target target, boolean allowed) {
      return maker.make(target, allowed);
    }
  }

  static final Target NOTHING = new Target("nothing", null, null);

  private final HttpApi operator;
  private final Map<String, String> partners = new LinkedHashMap<>();
  private final Map<String, Target> accounts = new LinkedHashMap<>();
  private final Map<String, HttpApi> keys = new HashMap<>();
  private final Map<String, String> standing = new HashMap<>();
  private final Map<String, String> released = new HashMap<>();
  private final Map<String, String> spareKeys = new HashMap<>();
  private final Map<String, String> standingHolds = new HashMap<>();
  private List<Actor> actors;
  private HttpApi.Answer groupPurchase;
  private String catalog;

  private ScopeWorld(HttpApi operator) {
    this.operator = operator;
  }

  static ScopeWorld build(TestServer server) {
    ScopeWorld world = new ScopeWorld(server.operator());
    world.createPartnersAndAccounts();
    world.createResources();
    world.createKeys(server);
    world.catalog = server.operator().get("/v1/catalog").text();
    return world;
  }

  private void createPartnersAndAccounts() {
    for (String name : List.of("P1", "P2")) {
      partners.put(name, operator.post("/v1/partners", Map.of("name", "Reseller " + name)).get("id"));
    }
    addAccount("A0", null);
    addAccount("A1", "P1");
    addAccount("A1b", "P1");
    addAccount("A2", "P2");
    for (Target account : accounts.values()) {
      Fixtures.topUp(operator, account.accountId(), "100000.00");
    }
  }

  private void addAccount(String name, String partner) {
    String partnerId = partner == null ? null : partners.get(partner);
    Map<String, Object> extra = partnerId == null ? Map.of() : Map.of("partnerId", partnerId);
    accounts.put(name, new Target(name, Fixtures.account(operator, "V1", extra), partnerId));
  }

  /**
   * A released resource per account (a month, then 200 days on), a standing one bought after that, and a
   * credit limit granted by the operator. A2 and A1 each use a resource group named "team".
   */
  private void createResources() {
    String a1 = accountId("A1");
    String a2 = accountId("A2");
    assertThat(groupBuy(a2, 1).status()).as("A2 buys into its group 'team'").isEqualTo(201);
    assertThat(groupBuy(a2, 12).status()).isEqualTo(201);
    groupPurchase = groupBuy(a1, 12);
    for (Target account : accounts.values()) {
      released.put(account.accountId(), Fixtures.bought(operator, account.accountId(), "koodrive-basic", 1));
    }
    assertThat(operator.post("/v1/clock/advance", Map.of("days", 200)).status()).isEqualTo(200);
    for (Target account : accounts.values()) {
      standing.put(account.accountId(), Fixtures.bought(operator, account.accountId(), "koodrive-basic", 12));
      HttpApi.Answer granted = operator.put("/v1/accounts/" + account.accountId() + "/settings", Map.of("creditLimit", "50.00"));
      assertThat(granted.status()).as("grant credit: %s", granted).isEqualTo(200);
      spareKeys.put(account.accountId(), issueKey(account.accountId()));
      standingHolds.put(account.accountId(), partnerHold(standing.get(account.accountId())));
    }
  }

  /** A hold a partner may lift (non-permanent, reason PARTNER) on {@code resourceId}, applied by the operator. */
  private String partnerHold(String resourceId) {
    HttpApi.Answer applied = operator.post("/v1/holds", holdOn(resourceId));
    assertThat(applied.status()).as("apply a hold: %s", applied).isEqualTo(201);
    return applied.get("id");
  }

  private static Map<String, Object> holdOn(String resourceId) {
    return Map.of("scope", "RESOURCE", "targetId", resourceId, "reason", "PARTNER", "note", "Scope test");
  }

  private HttpApi.Answer groupBuy(String accountId, int months) {
    return operator.post("/v1/resources", Map.of("accountId", accountId, "plan", "wedata-execution-package",
        "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", months), "groupId", "team"));
  }

  private void createKeys(TestServer server) {
    for (String partner : List.of("P1", "P2")) {
      keys.put(partner, server.client(operator.post("/v1/api-keys", Map.of("scope", "PARTNER", "partnerId", partners.get(partner))).get("key")));
    }
    for (String account : List.of("A0", "A1", "A2")) {
      keys.put(account, server.client(operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", accountId(account))).get("key")));
    }
    HttpApi.Answer revoked = operator.post("/v1/api-keys", Map.of("scope", "PARTNER", "partnerId", partners.get("P1")));
    assertThat(operator.delete("/v1/api-keys/" + revoked.get("id")).status()).isEqualTo(204);
    actors = List.of(
        new Actor("the operator", Kind.OPERATOR, operator, null, null),
        new Actor("P1", Kind.PARTNER, keys.get("P1"), partners.get("P1"), null),
        new Actor("P2", Kind.PARTNER, keys.get("P2"), partners.get("P2"), null),
        new Actor("A0", Kind.ACCOUNT, keys.get("A0"), null, accountId("A0")),
        new Actor("A1", Kind.ACCOUNT, keys.get("A1"), partners.get("P1"), accountId("A1")),
        new Actor("A2", Kind.ACCOUNT, keys.get("A2"), partners.get("P2"), accountId("A2")),
        new Actor("a revoked P1 key", Kind.REVOKED, server.client(revoked.get("key")), null, null),
        new Actor("no key", Kind.NONE, server.anonymous(), null, null));
  }

  List<Actor> actors() {
    return actors;
  }

  String accountId(String name) {
    return accounts.get(name).accountId();
  }

  HttpApi accountKey(String name) {
    return keys.get(name);
  }

  HttpApi.Answer groupPurchase() {
    return groupPurchase;
  }

  /** The column of docs/scopes.md that applies to {@code actor} calling on {@code target}. */
  static String column(Actor actor, Target target) {
    return switch (actor.kind()) {
      case OPERATOR -> ScopeTable.OPERATOR;
      case PARTNER -> within(actor, target) ? ScopeTable.PARTNER_OWN : ScopeTable.PARTNER_OTHER;
      case ACCOUNT -> within(actor, target) ? ScopeTable.ACCOUNT_ITSELF : ScopeTable.ACCOUNT_OTHER;
      case REVOKED -> ScopeTable.REVOKED;
      case NONE -> ScopeTable.NO_KEY;
    };
  }

  /** Whether the target is the key's own: its account, its partner's account, its (own) partner, or nothing. */
  private static boolean within(Actor actor, Target target) {
    if (target.accountId() != null) {
      return actor.kind() == Kind.PARTNER ? Objects.equals(actor.partnerId(), target.partnerId()) : target.accountId().equals(actor.accountId());
    }
    return target.partnerId() == null || target.partnerId().equals(actor.partnerId());
  }

  /** Whether an object of {@code owner} is outside the key's scope, so that no answer to this key may show it. */
  static boolean isForeign(Actor actor, Footprint.Owner owner) {
    return switch (actor.kind()) {
      case OPERATOR -> false;
      case PARTNER -> !Objects.equals(actor.partnerId(), owner.partnerId());
      case ACCOUNT -> owner.accountId() != null ? !owner.accountId().equals(actor.accountId())
          : owner.partnerId() == null || !owner.partnerId().equals(actor.partnerId());
      case REVOKED, NONE -> true;
    };
  }

  /** How to call each operation of the description: the targets to try and a valid request on each. */
  Map<String, Scenario> scenarios() {
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    List<Target> all = List.copyOf(accounts.values());
    List<Target> bothPartners = List.of(new Target("P1", null, partners.get("P1")), new Target("P2", null, partners.get("P2")));
    scenarios.put("GET /health", new Scenario(List.of(NOTHING), (target, allowed) -> call("GET", "/health", null)));
    scenarios.put("GET /openapi.yaml", new Scenario(List.of(NOTHING), (target, allowed) -> call("GET", "/openapi.yaml", null)));
    scenarios.put("GET /v1/clock", new Scenario(List.of(NOTHING), (target, allowed) -> call("GET", "/v1/clock", null)));
    scenarios.put("POST /v1/clock/advance", new Scenario(List.of(NOTHING), (target, allowed) -> call("POST", "/v1/clock/advance", Map.of("hours", 1))));
    scenarios.put("GET /v1/catalog", new Scenario(List.of(NOTHING), (target, allowed) -> call("GET", "/v1/catalog", null)));
    scenarios.put("PUT /v1/catalog", new Scenario(List.of(NOTHING), (target, allowed) -> call("PUT", "/v1/catalog", catalog)));
    scenarios.put("POST /v1/partners", new Scenario(List.of(NOTHING), (target, allowed) -> call("POST", "/v1/partners", Map.of("name", "Another Reseller"))));
    scenarios.put("POST /v1/api-keys", new Scenario(all, (target, allowed) ->
        call("POST", "/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", target.accountId()))));
    scenarios.put("DELETE /v1/api-keys/{id}", new Scenario(all, (target, allowed) ->
        call("DELETE", "/v1/api-keys/" + (allowed ? issueKey(target.accountId()) : spareKeys.get(target.accountId())), null)));
    scenarios.put("GET /v1/partners/{id}/accounts", new Scenario(bothPartners, (target, allowed) ->
        call("GET", "/v1/partners/" + target.partnerId() + "/accounts", null)));
    scenarios.put("POST /v1/accounts", new Scenario(bothPartners, (target, allowed) ->
        call("POST", "/v1/accounts", newAccount(target.partnerId()))));
    scenarios.put("GET /v1/accounts", new Scenario(List.of(bothPartners.get(0), bothPartners.get(1), NOTHING), (target, allowed) ->
        call("GET", target.partnerId() == null ? "/v1/accounts" : "/v1/accounts?partnerId=" + target.partnerId(), null)));
    addAccountScenarios(scenarios, all);
    addResourceScenarios(scenarios, all);
    return scenarios;
  }

  private void addAccountScenarios(Map<String, Scenario> scenarios, List<Target> all) {
    for (String read : List.of("", "/ledger", "/messages", "/messages/unread-count", "/resources", "/bills", "/message-subscriptions")) {
      scenarios.put("GET /v1/accounts/{id}" + read, new Scenario(all, (target, allowed) ->
          call("GET", "/v1/accounts/" + target.accountId() + read, null)));
    }
    scenarios.put("POST /v1/accounts/{id}/messages/{messageId}/read", new Scenario(all, (target, allowed) ->
        call("POST", "/v1/accounts/" + target.accountId() + "/messages/" + firstMessage(target.accountId()) + "/read", null)));
    scenarios.put("PUT /v1/accounts/{id}/contacts", new Scenario(all, (target, allowed) ->
        call("PUT", "/v1/accounts/" + target.accountId() + "/contacts", List.of(owner()))));
    scenarios.put("PUT /v1/accounts/{id}/settings", new Scenario(all, (target, allowed) ->
        call("PUT", "/v1/accounts/" + target.accountId() + "/settings", Map.of("lowBalanceThreshold", "10.00", "creditLimit", "50.00"))));
    scenarios.put("PUT /v1/accounts/{id}/locale", new Scenario(all, (target, allowed) ->
        call("PUT", "/v1/accounts/" + target.accountId() + "/locale", Map.of("locale", "zh-CN"))));
    scenarios.put("PUT /v1/accounts/{id}/message-subscriptions", new Scenario(all, (target, allowed) ->
        call("PUT", "/v1/accounts/" + target.accountId() + "/message-subscriptions", Map.of("subscriptions",
            List.of(Map.of("type", "RENEWED", "roles", List.of("OWNER"), "channels", List.of("EMAIL")))))));
    scenarios.put("POST /v1/accounts/{id}/top-ups", new Scenario(all, (target, allowed) ->
        keyed("POST", "/v1/accounts/" + target.accountId() + "/top-ups", Map.of("amount", "10.00"))));
    scenarios.put("POST /v1/accounts/{id}/adjustments", new Scenario(all, (target, allowed) ->
        keyed("POST", "/v1/accounts/" + target.accountId() + "/adjustments", Map.of("amount", "1.00", "reason", "Scope test"))));
  }

  private void addResourceScenarios(Map<String, Scenario> scenarios, List<Target> all) {
    scenarios.put("POST /v1/resources", new Scenario(all, (target, allowed) -> call("POST", "/v1/resources",
        Map.of("accountId", target.accountId(), "plan", "wedata-execution-package",
            "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1), "groupId", "team"))));
    scenarios.put("GET /v1/resources/{id}", new Scenario(all, (target, allowed) ->
        call("GET", "/v1/resources/" + standing.get(target.accountId()), null)));
    scenarios.put("GET /v1/resources/{id}/timeline", new Scenario(all, (target, allowed) ->
        call("GET", "/v1/resources/" + standing.get(target.accountId()) + "/timeline", null)));
    scenarios.put("GET /v1/resources/{id}/usage", new Scenario(all, (target, allowed) ->
        call("GET", "/v1/resources/" + standing.get(target.accountId()) + "/usage", null)));
    scenarios.put("GET /v1/accounts/{id}/usage", new Scenario(all, (target, allowed) ->
        call("GET", "/v1/accounts/" + target.accountId() + "/usage", null)));
    scenarios.put("POST /v1/resources/{id}/renewals", new Scenario(all, (target, allowed) ->
        keyed("POST", resource(target, allowed) + "/renewals", Map.of("periods", 1))));
    scenarios.put("PUT /v1/resources/{id}/add-ons", new Scenario(all, (target, allowed) ->
        call("PUT", resource(target, allowed) + "/add-ons", List.of(Map.of("code", "koodrive-users", "quantity", 2)))));
    scenarios.put("PUT /v1/resources/{id}/auto-renew", new Scenario(all, (target, allowed) ->
        call("PUT", resource(target, allowed) + "/auto-renew", Map.of("enabled", true, "periods", 1))));
    scenarios.put("POST /v1/resources/{id}/unsubscribe", new Scenario(all, (target, allowed) ->
        call("POST", resource(target, allowed) + "/unsubscribe", null)));
    scenarios.put("GET /v1/resources/{id}/entitlements", new Scenario(all, (target, allowed) ->
        call("GET", "/v1/resources/" + standing.get(target.accountId()) + "/entitlements", null)));
    scenarios.put("GET /v1/resources/{id}/webhook-deliveries", new Scenario(all, (target, allowed) ->
        call("GET", "/v1/resources/" + standing.get(target.accountId()) + "/webhook-deliveries", null)));
    scenarios.put("POST /v1/holds", new Scenario(all, (target, allowed) ->
        keyed("POST", "/v1/holds", holdOn(allowed ? Fixtures.bought(operator, target.accountId(), "koodrive-basic", 1)
            : standing.get(target.accountId())))));
    scenarios.put("DELETE /v1/holds/{id}", new Scenario(all, (target, allowed) -> call("DELETE", "/v1/holds/"
        + (allowed ? partnerHold(standing.get(target.accountId())) : standingHolds.get(target.accountId())), null)));
    scenarios.put("GET /v1/holds", new Scenario(all, (target, allowed) ->
        call("GET", "/v1/holds?accountId=" + target.accountId(), null)));
    scenarios.put("GET /v1/messages", new Scenario(List.of(NOTHING), (target, allowed) -> call("GET", "/v1/messages", null)));
    scenarios.put("GET /v1/resource-outlook", new Scenario(List.of(NOTHING), (target, allowed) -> call("GET", "/v1/resource-outlook", null)));
    scenarios.put("POST /v1/messages/{id}/resend", new Scenario(List.of(NOTHING), (target, allowed) ->
        call("POST", "/v1/messages/" + anyDelivery() + "/resend", null)));
    scenarios.put("POST /v1/resources/{id}/release-confirmation", new Scenario(all, (target, allowed) ->
        call("POST", "/v1/resources/" + released.get(target.accountId()) + "/release-confirmation", null)));
    // Each event names a resource; one outside the key's scope is rejected in the 200 answer as UNKNOWN_RESOURCE.
    scenarios.put("POST /v1/usage", new Scenario(List.of(NOTHING), (target, allowed) -> call("POST", "/v1/usage",
        Map.of("events", standing.values().stream().map(resource -> Map.of("id", "scope-usage", "resourceId", resource,
            "meter", "vcpu_hours", "quantity", "1", "time", "2026-01-01T00:00:00Z")).toList()))));
    WebhookScopes.add(scenarios, operator, standing.keySet().iterator()::next);
  }

  /** A fresh resource of the target's account for a call that will change it, else its standing one. */
  private String resource(Target target, boolean allowed) {
    String id = allowed ? Fixtures.bought(operator, target.accountId(), "koodrive-basic", 1) : standing.get(target.accountId());
    return "/v1/resources/" + id;
  }

  /** The id of the newest message of the account (every account of the world has some). */
  private String firstMessage(String accountId) {
    HttpApi.Answer inbox = operator.get("/v1/accounts/" + accountId + "/messages?limit=1");
    assertThat(inbox.json().path("items")).as("messages of %s: %s", accountId, inbox).isNotEmpty();
    return inbox.json().path("items").path(0).path("id").asText();
  }

  private String issueKey(String accountId) {
    HttpApi.Answer issued = operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", accountId, "name", "spare"));
    assertThat(issued.status()).as("issue a key: %s", issued).isEqualTo(201);
    return issued.get("id");
  }

  private static Map<String, Object> newAccount(String partnerId) {
    Map<String, Object> body = new HashMap<>(Map.of("name", "Scope Customer", "tier", "V1", "contacts", List.of(owner())));
    body.put("partnerId", partnerId);
    return body;
  }

  private static Map<String, String> owner() {
    return Map.of("name", "Olivia Owner", "role", "OWNER", "email", "owner@acme.example");
  }

  /** A delivery of the world's notices, once the dispatcher has fanned one out (it runs in the background). */
  private String anyDelivery() {
    String[] id = new String[1];
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
      var items = operator.get("/v1/messages?limit=1").json().path("items");
      id[0] = items.isEmpty() ? null : items.get(0).path("id").asText();
      return id[0] != null;
    });
    return id[0];
  }

  private static Call call(String method, String path, Object body) {
    return new Call(method, path, body, null);
  }

  private static Call keyed(String method, String path, Object body) {
    return new Call(method, path, body, UUID.randomUUID().toString());
  }
}
