package io.tenure.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksIT {
  private static final String START = "2023-03-08T10:00:00+08:00";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private TestServer server;
  private HttpApi operator;
  private WebhookReceiver receiver;

  @BeforeEach
  void start() {
    WebhookSettings quick = WebhookSettings.DEFAULT.withPauses(Duration.ofMillis(50),
        List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
            Duration.ofMillis(1600), Duration.ofMillis(3200)), Duration.ofSeconds(2));
    server = TestServer.start(TestServer.settings(TestDatabases.fresh(), true, Instant.parse("2023-03-08T02:00:00Z"))
        .withWebhooks(quick));
    operator = server.operator();
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
    server.close();
  }

  private String endpoint(Map<String, Object> body) {
    HttpApi.Answer created = operator.post("/v1/webhook-endpoints", body);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.get("secret")).startsWith("whsec_");
    receiver.secret(created.get("secret"));
    return created.get("id");
  }

  private String accountWithMoney() {
    String account = Fixtures.account(operator, "V0");
    Fixtures.topUp(operator, account, "5000.00");
    return account;
  }

  @Test
  void everyDeliveryVerifiesWithTheStandardWebhooksLibraryAndForgeriesDoNot() throws Exception {
    String endpoint = endpoint(Map.of("url", receiver.url()));
    String resource = Fixtures.bought(operator, accountWithMoney(), "tencent-drive-enterprise", 1);
    await().atMost(WAIT).until(() -> !receiver.accepted().isEmpty());
    WebhookReceiver.Received activated = receiver.accepted().getFirst();
    assertThat(activated.type()).isEqualTo("resource.activated");
    assertThat(activated.event().path("data").path("resource").asText()).isEqualTo(resource);
    assertThat(activated.id()).isEqualTo(activated.event().path("data").path("eventId").asText());
    assertThat(activated.event().path("timestamp").asText()).isEqualTo("2023-03-08T10:00:00+08:00");
    assertThat(Math.abs(Long.parseLong(activated.timestamp()) - Instant.now().getEpochSecond())).isLessThan(60);
    assertThat(receiver.rejected()).isEmpty();

    String secret = server.operator().get("/v1/webhook-endpoints/" + endpoint).get("secret");
    assertThat(secret).as("the secret is shown only once").isNull();
    Map<String, List<String>> headers = Map.of("webhook-id", List.of(activated.id()), "webhook-timestamp",
        List.of(activated.timestamp()), "webhook-signature", List.of(activated.signature()));
    Webhook other = new Webhook("whsec_" + java.util.Base64.getEncoder().encodeToString("another secret 0123456789".getBytes()));
    assertThatThrownBy(() -> other.verify(activated.body(), headers)).isInstanceOf(WebhookVerificationException.class);
    String forged = activated.body().replace("tencent-drive-enterprise", "tencent-drive-forged!!");
    assertThatThrownBy(() -> verifier().verify(forged, headers)).isInstanceOf(WebhookVerificationException.class);
    long old = Instant.now().minusSeconds(600).getEpochSecond();
    Map<String, List<String>> stale = Map.of("webhook-id", List.of(activated.id()), "webhook-timestamp", List.of(Long.toString(old)),
        "webhook-signature", List.of(verifier().sign(activated.id(), old, activated.body())));
    assertThatThrownBy(() -> verifier().verify(activated.body(), stale)).isInstanceOf(WebhookVerificationException.class);
  }

  private Webhook verifier() throws Exception {
    java.lang.reflect.Field field = WebhookReceiver.class.getDeclaredField("secret");
    field.setAccessible(true);
    return new Webhook((String) field.get(receiver));
  }

  @Test
  void anEndpointThatFailsTwiceThenAnswersReceivesEachEventOnceAsDelivered() {
    AtomicInteger calls = new AtomicInteger();
    receiver.answer(event -> calls.incrementAndGet() <= 2 ? 500 : 200);
    String endpoint = endpoint(Map.of("url", receiver.url()));
    String resource = Fixtures.bought(operator, accountWithMoney(), "tencent-drive-enterprise", 1);

    await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
    assertThat(receiver.seen()).extracting(WebhookReceiver.Received::answered).containsExactly(500, 500, 200);
    assertThat(receiver.seen()).extracting(WebhookReceiver.Received::id).containsOnly(receiver.accepted().getFirst().id());
    await().atMost(WAIT).until(() -> operator.get("/v1/webhook-endpoints/" + endpoint + "/deliveries").json().path("items").size() == 3);
    HttpApi.Answer attempts = operator.get("/v1/webhook-endpoints/" + endpoint + "/deliveries");
    assertThat(attempts.json().path("items").findValuesAsText("outcome")).containsExactly("failed", "failed", "delivered");
    assertThat(attempts.json().path("items").findValuesAsText("deliveryStatus")).containsOnly("delivered");
    HttpApi.Answer ofResource = operator.get("/v1/resources/" + resource + "/webhook-deliveries");
    assertThat(ofResource.json().path("items")).hasSize(1);
    assertThat(ofResource.json().path("items").get(0).path("endpointId").asText()).isEqualTo(endpoint);
    assertThat(ofResource.json().path("items").get(0).path("status").asText()).isEqualTo("delivered");
    assertThat(ofResource.json().path("items").get(0).path("attempts").asInt()).isEqualTo(3);
    assertThat(ofResource.json().path("items").get(0).path("eventId").asText()).isEqualTo(receiver.accepted().getFirst().id());
    assertThat(operator.get("/v1/resources/res_none/webhook-deliveries").status()).isEqualTo(404);
  }

  @Test
  void whileFrozenIsFailingARenewalsRestoredWaitsBehindItAndTheReceiverEndsRestored() {
    AtomicBoolean providerFixed = new AtomicBoolean();
    receiver.answer(event -> event.path("type").asText().equals("resource.frozen") && !providerFixed.get() ? 503 : 200);
    endpoint(Map.of("url", receiver.url()));
    String account = accountWithMoney();
    String resource = Fixtures.bought(operator, account, "tencent-drive-enterprise", 1);
    Fixtures.advanceTo(operator, "2023-04-20T10:00:00+08:00");
    assertThat(Fixtures.phase(operator, resource)).isEqualTo("FROZEN");
    assertThat(operator.post("/v1/resources/" + resource + "/renewals", Map.of("periods", 1), "renew-1").status()).isEqualTo(201);

    await().atMost(WAIT).until(() -> receiver.seen().stream().filter(event -> event.type().equals("resource.frozen")).count() >= 3);
    assertThat(receiver.seen()).extracting(WebhookReceiver.Received::type).doesNotContain("resource.restored");
    providerFixed.set(true);

    await().atMost(WAIT).until(() -> receiver.accepted().size() == 3);
    assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::type)
        .containsExactly("resource.activated", "resource.frozen", "resource.restored");
    assertThat(receiver.seen()).extracting(WebhookReceiver.Received::type).endsWith("resource.frozen", "resource.restored");
    assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::sequence).isSorted();
  }

  @Test
  void aProductWithAnEndpointStaysReleasePendingUntilTheProviderConfirms() {
    endpoint(Map.of("url", receiver.url(), "products", List.of("tencent-drive")));
    String account = accountWithMoney();
    String resource = Fixtures.bought(operator, account, "tencent-drive-enterprise", 1);
    String other = Fixtures.bought(operator, account, "koodrive-basic", 1);
    Fixtures.advanceTo(operator, "2023-06-20T10:00:00+08:00");

    assertThat(Fixtures.phase(operator, resource)).isEqualTo("RELEASE_PENDING");
    assertThat(Fixtures.phase(operator, other)).as("a product without an endpoint completes at once").isEqualTo("RELEASED");
    await().atMost(WAIT).until(() -> receiver.accepted().stream().anyMatch(event -> event.type().equals("resource.release_requested")));
    String eventId = receiver.accepted().stream().filter(event -> event.type().equals("resource.release_requested"))
        .findFirst().orElseThrow().id();

    HttpApi.Answer confirmed = operator.post("/v1/resources/" + resource + "/release-confirmation", Map.of("eventId", eventId));
    assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
    assertThat(confirmed.get("phase")).isEqualTo("RELEASED");
    assertThat(operator.post("/v1/resources/" + resource + "/release-confirmation", Map.of("eventId", eventId)).status()).isEqualTo(200);
    assertThat(operator.post("/v1/resources/" + resource + "/release-confirmation", null).status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> receiver.accepted().stream().anyMatch(event -> event.type().equals("resource.released")));
    HttpApi.Answer audit = operator.get("/v1/webhook-releases?resourceId=" + resource);
    assertThat(audit.json().path("items").path(0).path("confirmedAt").isTextual()).as("%s", audit).isTrue();
    assertThat(audit.json().path("items").path(0).path("eventId").asText()).isEqualTo(eventId);
  }

  @Test
  void anUnconfirmedReleaseAlertsTheOperatorAndIsSentAgain() {
    endpoint(Map.of("url", receiver.url()));
    String resource = Fixtures.bought(operator, accountWithMoney(), "tencent-drive-enterprise", 1);
    Fixtures.advanceTo(operator, "2023-06-20T10:00:00+08:00");

    await().atMost(WAIT).until(() -> receiver.accepted().stream().filter(event -> event.type().equals("resource.release_requested")).count() == 2);
    assertThat(Fixtures.phase(operator, resource)).isEqualTo("RELEASE_PENDING");
    HttpApi.Answer audit = operator.get("/v1/webhook-releases?resourceId=" + resource);
    assertThat(audit.json().path("items").path(0).path("alertedAt").isTextual()).as("%s", audit).isTrue();
    assertThat(audit.json().path("items").path(0).path("confirmedAt").isNull()).isTrue();
  }

  @Test
  void afterARotationBothTheOldAndTheNewSecretVerifyEachWebhook() throws Exception {
    String endpoint = endpoint(Map.of("url", receiver.url()));
    String newSecret = operator.post("/v1/webhook-endpoints/" + endpoint + "/rotate-secret", null).get("secret");
    assertThat(newSecret).startsWith("whsec_");
    HttpApi.Answer listed = operator.get("/v1/webhook-endpoints/" + endpoint);
    assertThat(listed.json().path("secretOverlapUntil").isTextual()).isTrue();
    // The receiver still has the first secret: it verifies the webhooks signed during the overlap.
    Fixtures.bought(operator, accountWithMoney(), "tencent-drive-enterprise", 1);

    await().atMost(WAIT).until(() -> !receiver.accepted().isEmpty());
    WebhookReceiver.Received received = receiver.accepted().getFirst();
    Map<String, List<String>> headers = Map.of("webhook-id", List.of(received.id()), "webhook-timestamp",
        List.of(received.timestamp()), "webhook-signature", List.of(received.signature()));
    new Webhook(newSecret).verify(received.body(), headers);
    assertThat(received.signature().split(" ")).hasSize(2);
    assertThat(receiver.rejected()).isEmpty();
  }

  @Test
  void anUnsubscriptionTellsTheProviderToStopTheResourceAndRequestsNoRelease() {
    endpoint(Map.of("url", receiver.url()));
    String account = accountWithMoney();
    String resource = Fixtures.bought(operator, account, "tencent-drive-enterprise", 1);
    HttpApi.Answer unsubscribed = operator.post("/v1/resources/" + resource + "/unsubscribe", null, "unsubscribe-1");
    assertThat(unsubscribed.status()).as("%s", unsubscribed).isEqualTo(200);

    await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
    assertThat(receiver.accepted()).extracting(WebhookReceiver.Received::type)
        .containsExactly("resource.activated", "resource.unsubscribed");
    WebhookReceiver.Received ended = receiver.accepted().getLast();
    assertThat(ended.event().path("data").path("phase").asText()).isEqualTo("UNSUBSCRIBED");
    assertThat(ended.event().path("data").path("serviceLevel").asText()).isEqualTo("NONE");
    assertThat(ended.sequence()).isGreaterThan(receiver.accepted().getFirst().sequence());

    Fixtures.advanceTo(operator, "2023-06-20T10:00:00+08:00");
    assertThat(Fixtures.phase(operator, resource)).as("no release is ever requested").isEqualTo("UNSUBSCRIBED");
    assertThat(operator.get("/v1/webhook-releases?resourceId=" + resource).json().path("items").size()).isZero();
    HttpApi.Answer hold = operator.post("/v1/holds", Map.of("scope", "RESOURCE", "targetId", resource, "reason", "ADMIN",
        "note", "After the end."));
    assertThat(hold.status()).as("%s", hold).isEqualTo(201);
    assertThat(operator.get("/v1/resources/" + resource + "/entitlements").json().path("sequence").asLong())
        .as("an unsubscribed resource is told nothing more").isEqualTo(ended.sequence());
  }

  @Test
  void anEndpointAnswering410GoneIsDisabled() {
    receiver.answer(event -> 410);
    String endpoint = endpoint(Map.of("url", receiver.url()));
    Fixtures.bought(operator, accountWithMoney(), "tencent-drive-enterprise", 1);

    await().atMost(WAIT).until(() -> operator.get("/v1/webhook-endpoints/" + endpoint).get("status").equals("disabled"));
    assertThat(operator.get("/v1/webhook-endpoints/" + endpoint).get("disabledReason")).contains("410");
    assertThat(receiver.seen()).hasSize(1);
    assertThat(operator.post("/v1/webhook-endpoints/" + endpoint + "/enable", null).get("status")).isEqualTo("enabled");
  }
}
