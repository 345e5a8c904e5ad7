package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenure.api.DescribedApi.Client;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every route answers what openapi.yaml says: each operation is driven over HTTP to a success and to a
 * refusal, and each answer's status and body are validated against the description served at /openapi.yaml.
 * The last test fails when a route is served that these tests do not drive, so a new route must be added here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiAnswersIT {
  private static TestServer server;
  private static DescribedApi described;
  private static Client operator;
  private static Client anonymous;

  @BeforeAll
  static void start() {
    server = TestServer.simulatedAt("2026-01-01T00:00:00+08:00");
    HttpApi.Answer served = server.anonymous().get("/openapi.yaml");
    assertThat(served.status()).isEqualTo(200);
    described = new DescribedApi(served.text());
    operator = described.client(server.operator());
    anonymous = described.client(server.anonymous());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @Order(1)
  void systemAndClockRoutesAnswerAsDescribed() {
    assertThat(anonymous.get("/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/openapi.yaml").status()).isEqualTo(200);
    assertThat(anonymous.get("/v1/clock").status()).isEqualTo(401);
    assertThat(operator.get("/v1/clock").status()).isEqualTo(200);
    assertThat(operator.post("/v1/clock/advance", Map.of("hours", 1)).status()).isEqualTo(200);
    assertThat(operator.post("/v1/clock/advance", Map.of("hours", 1, "days", 1)).status()).isEqualTo(400);

    String account = operator.post("/v1/accounts", newAccount("V1", null)).get("id");
    HttpApi.Answer key = operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", account, "name", "portal"));
    assertThat(key.status()).isEqualTo(201);
    assertThat(operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", "no-such-account")).status()).isEqualTo(404);
    assertThat(operator.delete("/v1/api-keys/" + key.get("id")).status()).isEqualTo(204);
    assertThat(operator.delete("/v1/api-keys/" + key.get("id")).status()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void accountAndPartnerRoutesAnswerAsDescribed() {
    HttpApi.Answer partner = operator.post("/v1/partners", Map.of("name", "Changzhou Reseller",
        "contacts", List.of(Map.of("name", "Rita Reseller", "role", "OWNER", "phone", "+8613900000000"))));
    assertThat(partner.status()).isEqualTo(201);
    assertThat(operator.post("/v1/partners", Map.of("contacts", List.of())).status()).isEqualTo(400);

    HttpApi.Answer created = operator.post("/v1/accounts", newAccount("V2", partner.get("id")));
    assertThat(created.status()).isEqualTo(201);
    String account = "/v1/accounts/" + created.get("id");
    assertThat(operator.post("/v1/accounts", Map.of("name", "No tier", "contacts", List.of())).status()).isEqualTo(400);
    assertThat(operator.get("/v1/accounts?limit=1").status()).isEqualTo(200);
    assertThat(operator.get("/v1/accounts?limit=0").status()).isEqualTo(400);
    assertThat(operator.get("/v1/accounts?q=acme&filter=in-arrears").status()).isEqualTo(200);
    assertThat(operator.get("/v1/accounts?filter=rich").status()).isEqualTo(400);
    assertThat(operator.get(account).status()).isEqualTo(200);
    assertThat(operator.get("/v1/accounts/no-such-account").status()).isEqualTo(404);
    assertThat(operator.get("/v1/partners/" + partner.get("id") + "/accounts").status()).isEqualTo(200);
    assertThat(operator.get("/v1/partners/no-such-partner/accounts").status()).isEqualTo(404);

    List<Map<String, String>> contacts = List.of(Map.of("name", "Olivia Owner", "role", "OWNER", "email", "owner@acme.example"),
        Map.of("name", "Colin Collaborator", "role", "COLLABORATOR", "phone", "+8613800000001"));
    assertThat(operator.put(account + "/contacts", contacts).status()).isEqualTo(200);
    assertThat(operator.put(account + "/contacts", List.of(Map.of("name", "Nobody", "role", "OWNER"))).status()).isEqualTo(400);
    assertThat(operator.put(account + "/settings", Map.of("creditLimit", "10.00")).status()).isEqualTo(200);
    assertThat(operator.put(account + "/settings", Map.of("lowBalanceThreshold", "50.00",
        "autoRecharge", Map.of("threshold", "20.00", "amount", "100.00"))).status()).isEqualTo(200);
    assertThat(operator.put(account + "/settings", Map.of("creditLimit", "-1.00")).status()).isEqualTo(400);
    assertThat(operator.put(account + "/locale", Map.of("locale", "zh-CN")).status()).isEqualTo(200);
    assertThat(operator.put(account + "/locale", Map.of("locale", "fr")).status()).isEqualTo(400);
    assertThat(operator.get(account + "/message-subscriptions").status()).isEqualTo(200);
    assertThat(operator.get("/v1/accounts/no-such-account/message-subscriptions").status()).isEqualTo(404);
    assertThat(operator.put(account + "/message-subscriptions", Map.of("subscriptions", List.of(Map.of("type", "EXPIRY_WARNING",
        "roles", List.of("OWNER"), "contacts", List.of("owner@acme.example"), "channels", List.of("EMAIL", "IN_APP"))))).status())
        .isEqualTo(200);
    assertThat(operator.put(account + "/message-subscriptions", Map.of("subscriptions", List.of(Map.of("type", "RELEASED",
        "roles", List.of("OWNER"), "channels", List.of("EMAIL"))))).status()).isEqualTo(409);
  }

  @Test
  @Order(3)
  void walletRoutesAnswerAsDescribed() {
    String account = "/v1/accounts/" + operator.post("/v1/accounts", newAccount("V1", null)).get("id");
    assertThat(operator.post(account + "/top-ups", Map.of("amount", "500.00", "description", "Bank transfer"), key()).status())
        .isEqualTo(201);
    assertThat(operator.post(account + "/top-ups", Map.of("amount", "500.00")).status()).isEqualTo(400);
    assertThat(operator.post(account + "/adjustments", Map.of("amount", "-1.00", "reason", "Goodwill reversal"), key()).status())
        .isEqualTo(201);
    assertThat(operator.post(account + "/adjustments", Map.of("amount", "1.00"), key()).status()).isEqualTo(400);
    assertThat(operator.get(account + "/ledger?limit=1").status()).isEqualTo(200);
    assertThat(operator.get("/v1/accounts/no-such-account/ledger").status()).isEqualTo(404);
    assertThat(operator.get(account + "/bills").status()).isEqualTo(200);
    assertThat(operator.get(account + "/bills?before=soon").status()).isEqualTo(400);
  }

  @Test
  @Order(4)
  void catalogRoutesAnswerAsDescribed() {
    assertThat(operator.get("/v1/catalog").status()).isEqualTo(200);
    assertThat(anonymous.get("/v1/catalog").status()).isEqualTo(401);
    // What GET answers goes back unchanged as the next version; an older version number is refused.
    ObjectNode file = (ObjectNode) operator.get("/v1/catalog").json();
    assertThat(operator.send("PUT", "/v1/catalog", file.toString(), null).status()).isEqualTo(201);
    file.put("version", 1);
    assertThat(operator.send("PUT", "/v1/catalog", file.toString(), null).status()).isEqualTo(409);
  }

  @Test
  @Order(5)
  void resourceRoutesAnswerAsDescribed() {
    String accountId = operator.post("/v1/accounts", newAccount("V1", null)).get("id");
    operator.post("/v1/accounts/" + accountId + "/top-ups", Map.of("amount", "5000.00"), key());
    String resource = "/v1/resources/" + buy(accountId, "koodrive-basic", 1).get("id");
    HttpApi.Answer payg = operator.post("/v1/resources", Map.of("accountId", accountId, "plan", "ecs-general",
        "billing", Map.of("mode", "PAYG")));
    assertThat(payg.status()).isEqualTo(201);
    assertThat(buy(accountId, "no-such-plan", 1).status()).isEqualTo(404);
    assertThat(operator.get(resource).status()).isEqualTo(200);
    assertThat(operator.get("/v1/resources/no-such-resource").status()).isEqualTo(404);
    assertThat(operator.get(resource + "/timeline").status()).isEqualTo(200);
    assertThat(operator.get("/v1/resources/no-such-resource/timeline").status()).isEqualTo(404);
    assertThat(operator.get("/v1/accounts/" + accountId + "/resources?phase=ACTIVE").status()).isEqualTo(200);
    assertThat(operator.get("/v1/accounts/" + accountId + "/resources?phase=SLEEPING").status()).isEqualTo(400);
    assertThat(operator.get("/v1/resource-outlook?days=7").status()).isEqualTo(200);
    assertThat(operator.get("/v1/resource-outlook?days=32").status()).isEqualTo(400);

    assertThat(operator.post(resource + "/renewals", Map.of("periods", 1), key()).status()).isEqualTo(201);
    assertThat(operator.post(resource + "/renewals", Map.of("periods", 1)).status()).isEqualTo(400);
    assertThat(operator.put(resource + "/add-ons", List.of(Map.of("code", "koodrive-users", "quantity", 2))).status())
        .isEqualTo(200);
    assertThat(operator.put(resource + "/add-ons", List.of(Map.of("code", "koodrive-users", "quantity", -1))).status())
        .isEqualTo(400);
    assertThat(operator.put(resource + "/auto-renew", Map.of("enabled", true, "periods", 2)).status()).isEqualTo(200);
    assertThat(operator.put(resource + "/auto-renew", Map.of("periods", 2)).status()).isEqualTo(400);
    assertThat(operator.post(resource + "/unsubscribe", null).status()).isEqualTo(200);
    assertThat(operator.post(resource + "/unsubscribe", null).status()).isEqualTo(409);
  }

  @Test
  @Order(6)
  void releasedResourcesAndTheInboxAnswerAsDescribed() {
    String accountId = operator.post("/v1/accounts", newAccount("V1", null)).get("id");
    operator.post("/v1/accounts/" + accountId + "/top-ups", Map.of("amount", "500.00"), key());
    String released = "/v1/resources/" + buy(accountId, "koodrive-basic", 1).get("id");
    String active = "/v1/resources/" + buy(accountId, "koodrive-basic", 1).get("id");
    operator.post("/v1/accounts/" + accountId + "/top-ups", Map.of("amount", "5000.00"), key());
    operator.put(active + "/auto-renew", Map.of("enabled", true, "periods", 12));
    assertThat(operator.post("/v1/clock/advance", Map.of("days", 200)).status()).isEqualTo(200);

    assertThat(operator.get(released).get("phase")).isEqualTo("RELEASED");
    assertThat(operator.post(released + "/release-confirmation", null).status()).isEqualTo(200);
    assertThat(operator.post(active + "/release-confirmation", null).status()).isEqualTo(409);
    assertThat(operator.get("/v1/accounts/" + accountId + "/messages?limit=1000").status()).isEqualTo(200);
    assertThat(operator.get("/v1/accounts/no-such-account/messages").status()).isEqualTo(404);
    assertThat(operator.get("/v1/accounts/" + accountId + "/messages?unread=maybe").status()).isEqualTo(400);
    String message = operator.get("/v1/accounts/" + accountId + "/messages?unread=true&limit=1").json().path("items").path(0).path("id").asText();
    assertThat(operator.post("/v1/accounts/" + accountId + "/messages/" + message + "/read", null).status()).isEqualTo(200);
    assertThat(operator.post("/v1/accounts/" + accountId + "/messages/msg_0/read", null).status()).isEqualTo(404);
    assertThat(operator.get("/v1/accounts/" + accountId + "/messages/unread-count").status()).isEqualTo(200);
    assertThat(operator.get("/v1/accounts/no-such-account/messages/unread-count").status()).isEqualTo(404);
    assertThat(operator.get(released + "/timeline").status()).isEqualTo(200);
    assertThat(operator.get("/v1/accounts/" + accountId + "/bills?limit=2").status()).isEqualTo(200);
    assertThat(operator.get("/v1/accounts/" + accountId + "/ledger").status()).isEqualTo(200);

    // The dispatcher fans the notices out in the background and fails their e-mail (no channel) a moment later.
    String failed = "/v1/messages?accountId=" + accountId + "&status=failed&limit=1";
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> operator.get(failed).json().path("items").size() > 0);
    String delivery = operator.get(failed).json().path("items").path(0).path("id").asText();
    assertThat(operator.post("/v1/messages/" + delivery + "/resend", null).status()).isEqualTo(200);
    assertThat(operator.post("/v1/messages/dlv_0/resend", null).status()).isEqualTo(404);
    assertThat(operator.get("/v1/messages?status=sent").status()).isEqualTo(400);
  }

  @Test
  @Order(6)
  void holdsAndEntitlementsAnswerAsDescribed() {
    String accountId = operator.post("/v1/accounts", newAccount("V1", null)).get("id");
    operator.post("/v1/accounts/" + accountId + "/top-ups", Map.of("amount", "5000.00"), key());
    String resource = buy(accountId, "koodrive-basic", 1).get("id");
    HttpApi.Answer held = operator.post("/v1/holds", Map.of("scope", "FEATURE", "targetId", resource, "feature", "public-links",
        "reason", "VIOLATION", "note", "Shared prohibited content."), key());
    assertThat(held.status()).isEqualTo(201);
    assertThat(operator.post("/v1/holds", Map.of("scope", "FEATURE", "targetId", resource, "reason", "VIOLATION", "note", "n")).status())
        .isEqualTo(400);
    String ban = operator.post("/v1/holds", Map.of("scope", "ACCOUNT", "targetId", accountId, "reason", "VIOLATION",
        "permanent", true, "note", "Serious violation.")).get("id");
    assertThat(buy(accountId, "koodrive-basic", 1).status()).isEqualTo(409);
    assertThat(operator.get("/v1/resources/" + resource + "/entitlements").status()).isEqualTo(200);
    assertThat(operator.get("/v1/resources/no-such-resource/entitlements").status()).isEqualTo(404);
    assertThat(operator.get("/v1/resources/" + resource + "/webhook-deliveries").status()).isEqualTo(200);
    assertThat(operator.get("/v1/resources/no-such-resource/webhook-deliveries").status()).isEqualTo(404);
    assertThat(operator.get("/v1/holds?accountId=" + accountId).status()).isEqualTo(200);
    assertThat(operator.get("/v1/holds").status()).isEqualTo(400);
    assertThat(operator.delete("/v1/holds/" + ban).status()).isEqualTo(200);
    assertThat(operator.delete("/v1/holds/hold_0").status()).isEqualTo(404);
  }

  @Test
  @Order(6)
  void usageAnswersAsDescribed() {
    String accountId = operator.post("/v1/accounts", newAccount("V1", null)).get("id");
    String resource = operator.post("/v1/resources", Map.of("accountId", accountId, "plan", "ecs-general",
        "billing", Map.of("mode", "PAYG"))).get("id");
    String now = operator.get("/v1/clock").get("now");
    HttpApi.Answer answer = operator.post("/v1/usage", Map.of("events", List.of(
        Map.of("id", "u1", "resourceId", resource, "meter", "vcpu_hours", "quantity", 1.5, "time", now),
        Map.of("id", "u2", "resourceId", resource, "meter", "gpu_hours", "quantity", "1", "time", now))));
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    assertThat(answer.json().path("accepted").asLong()).isEqualTo(1);
    assertThat(operator.post("/v1/usage", Map.of("events", "none")).status()).isEqualTo(400);
    HttpApi.Answer usage = operator.get("/v1/resources/" + resource + "/usage?to="
        + java.net.URLEncoder.encode(java.time.OffsetDateTime.parse(now).plusHours(1).toString(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(usage.status()).as("%s", usage).isEqualTo(200);
    assertThat(usage.json().path("items").get(0).path("billed").asBoolean()).isFalse();
    assertThat(operator.get("/v1/accounts/" + accountId + "/usage").status()).isEqualTo(200);
    assertThat(operator.get("/v1/resources/" + resource + "/usage?from=yesterday").status()).isEqualTo(400);
    assertThat(operator.get("/v1/resources/res_0/usage").status()).isEqualTo(404);
    assertThat(operator.get("/v1/accounts/acc_0/usage").status()).isEqualTo(404);
  }

  @Test
  @Order(7)
  void everyKeyedRouteRefusesACallWithoutAKeyAsDescribed() {
    for (Routes.Route route : server.tenure().routes().all()) {
      if (route.access() != Routes.Access.PUBLIC) {
        String path = route.path().replaceAll("\\{[^/]+}", "some-id");
        HttpApi.Answer answer = server.anonymous().send(route.method(), path, route.method().equals("GET") ? null : "{}", null);
        assertThat(described.check(route.method(), path, answer).status()).as("%s %s", route.method(), path).isEqualTo(401);
      }
    }
  }

  @Test
  @Order(8)
  void webhookRoutesAnswerAsDescribed() {
    HttpApi.Answer created = operator.post("/v1/webhook-endpoints",
        Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("resource.activated")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(operator.post("/v1/webhook-endpoints", Map.of("url", "ftp://x")).status()).isEqualTo(400);
    String endpoint = "/v1/webhook-endpoints/" + created.get("id");
    assertThat(operator.get("/v1/webhook-endpoints").status()).isEqualTo(200);
    assertThat(operator.get(endpoint).status()).isEqualTo(200);
    assertThat(operator.get("/v1/webhook-endpoints/whe_none").status()).isEqualTo(404);
    assertThat(operator.post(endpoint + "/rotate-secret", null).status()).isEqualTo(200);
    assertThat(operator.post(endpoint + "/enable", null).status()).isEqualTo(200);
    String account = operator.post("/v1/accounts", newAccount("V1", null)).get("id");
    operator.post("/v1/accounts/" + account + "/top-ups", Map.of("amount", "500.00"), key());
    buy(account, "koodrive-basic", 1);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> server.operator().get(endpoint + "/deliveries").json().path("items").size() > 0);
    HttpApi.Answer attempts = operator.get(endpoint + "/deliveries");
    assertThat(attempts.status()).isEqualTo(200);
    assertThat(operator.get(endpoint + "/deliveries?after=x").status()).isEqualTo(400);
    String eventId = attempts.json().path("items").path(0).path("eventId").asText();
    assertThat(operator.post(endpoint + "/events/" + eventId + "/resend", null).status()).isEqualTo(202);
    assertThat(operator.post(endpoint + "/events/evt_999999/resend", null).status()).isEqualTo(404);
    assertThat(operator.post(endpoint + "/replay", Map.of("since", "2020-01-01T00:00:00Z")).status()).isEqualTo(202);
    assertThat(operator.post(endpoint + "/replay", Map.of()).status()).isEqualTo(400);
    assertThat(operator.get("/v1/webhook-releases?unconfirmed=true").status()).isEqualTo(200);
    assertThat(operator.get("/v1/webhook-releases?limit=0").status()).isEqualTo(400);
    assertThat(operator.delete(endpoint).status()).isEqualTo(204);
    assertThat(operator.delete(endpoint).status()).isEqualTo(404);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyServedRouteWasDrivenToASuccessAndToARefusal() {
    Set<String> required = new TreeSet<>();
    for (Routes.Route route : server.tenure().routes().all()) {
      required.add(route.method() + " " + route.path() + " 2xx");
      if (route.access() != Routes.Access.PUBLIC) {
        // The public routes take no input; only the HTTP layer refuses them.
        required.add(route.method() + " " + route.path() + " 4xx");
      }
    }
    assertThat(described.exercised()).containsAll(required);
  }

  private static HttpApi.Answer buy(String accountId, String plan, int months) {
    return operator.post("/v1/resources", Map.of("accountId", accountId, "plan", plan,
        "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", months),
        "addOns", List.of(Map.of("code", "koodrive-users", "quantity", 1))), key());
  }

  private static Map<String, Object> newAccount(String tier, String partnerId) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Acme " + tier, "tier", tier, "contacts",
        List.of(Map.of("name", "Olivia Owner", "role", "OWNER", "email", "owner@acme.example"),
            Map.of("name", "Fiona Finance", "role", "FINANCE_COLLABORATOR", "phone", "+8613800000000"))));
    if (partnerId != null) {
      body.put("partnerId", partnerId);
    }
    return body;
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }
}
