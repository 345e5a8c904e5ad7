package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.ledger.Audit;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes every operation of the description served at /openapi.yaml with bad input derived from it
 * ({@link BadRequests}), over a raw socket, with the operator's key and the ids of existing objects so that the
 * bad input reaches the checks behind the 404. Every answer must be a proper refusal ({@link RefusalCheck}),
 * and nothing may change: the stored state ({@link StoredState}) is compared after each operation and, with the
 * ledger audit, after the whole run. Seeded: {@code -Dsim.seed=<n>} replays a run; {@code -Dfuzz.each=true}
 * compares the state after every request, to find which one changed something.
 */
class FuzzEveryRouteIT {
  private static final long SEED = Long.getLong("sim.seed", new SecureRandom().nextLong());
  private static final boolean CHECK_EACH = Boolean.getBoolean("fuzz.each");
  private static TestServer server;
  private static Jdbi jdbi;
  private static String description;
  private static Map<String, String> existingIds;
  private static Map<String, String> validBodies;

  @BeforeAll
  static void start() {
    System.out.println("FuzzEveryRouteIT seed=" + SEED + " (replay with -Dsim.seed=" + SEED + ")");
    server = TestServer.simulatedAt("2026-03-08T15:50:04+08:00");
    jdbi = Jdbi.create(server.databaseUrl());
    description = server.anonymous().get("/openapi.yaml").text();
    HttpApi operator = server.operator();
    String partner = operator.post("/v1/partners", Map.of("name", "Fuzz Reseller")).get("id");
    String account = Fixtures.account(operator, "V3", Map.of("partnerId", partner));
    Fixtures.topUp(operator, account, "100000.00");
    // An endpoint nobody listens on, for activations only (so that releases still complete at once).
    String endpoint = operator.post("/v1/webhook-endpoints", Map.of("url", "http://127.0.0.1:9/hooks",
        "events", List.of("resource.activated"))).get("id");
    String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
    String key = operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", account)).get("id");
    // The resource's expiry warning: a message for the account to read, and for the dispatcher (in the background)
    // a delivery to list and resend.
    Fixtures.advanceTo(operator, "2026-04-02T00:00:00+08:00");
    String message = Fixtures.messages(operator, account).getFirst().path("id").asText();
    Map<String, Object> hold = Map.of("scope", "RESOURCE", "targetId", resource, "reason", "ADMIN", "note", "Fuzz hold.");
    String holdId = operator.post("/v1/holds", hold).get("id");
    String[] delivery = new String[1];
    // Both notices (the warning, the hold's) fanned out and tried, so that the dispatcher changes nothing during the fuzz.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
      JsonNode items = operator.get("/v1/messages?limit=1000").json().path("items");
      java.util.Set<String> messages = new java.util.HashSet<>();
      items.forEach(item -> messages.add(item.path("messageId").asText()));
      delivery[0] = items.path(0).path("id").asText(null);
      return messages.size() >= 2 && operator.get("/v1/messages?status=pending").json().path("items").isEmpty();
    });
    String[] event = new String[1];
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> (event[0] = operator.get(
        "/v1/webhook-endpoints/" + endpoint + "/deliveries").json().path("items").path(0).path("eventId").asText(null)) != null);
    existingIds = Map.ofEntries(Map.entry("accounts", account), Map.entry("partners", partner), Map.entry("resources", resource),
        Map.entry("api-keys", key), Map.entry("accountId", account), Map.entry("partnerId", partner),
        Map.entry("messages", delivery[0]), Map.entry("{messageId}", message), Map.entry("holds", holdId),
        Map.entry("webhook-endpoints", endpoint), Map.entry("{eventId}", event[0]));
    // Where the schema alone does not make a valid body (a choice between fields, a whole catalog).
    validBodies = Map.of(
        "issueApiKey", Json.write(Map.of("scope", "PARTNER", "partnerId", partner, "name", "fuzz")),
        "advanceClock", "{\"hours\":1}",
        "loadCatalog", operator.get("/v1/catalog").text(),
        "applyHold", Json.write(hold),
        "buyResource", Json.write(Map.of("accountId", account, "plan", "koodrive-basic",
            "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1, "autoRenew", false),
            "addOns", List.of(Map.of("code", "koodrive-users", "quantity", 1)))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyOperationRefusesEveryBadRequestAndChangesNothing() {
    List<DescribedOperation> operations = DescribedOperation.all(description);
    StoredState start = StoredState.read(jdbi);
    Audit.Report auditBefore = StoredState.audit(jdbi);
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    Map<String, Integer> casesPerOperation = new TreeMap<>();
    long remembered = 0;
    long begun = System.nanoTime();
    for (DescribedOperation operation : operations) {
      StoredState before = StoredState.read(jdbi);
      List<FuzzRequest> requests = requests(operation, random);
      long rememberedHere = 0;
      for (FuzzRequest request : requests) {
        rememberedHere += send(operation, request, failures);
        if (CHECK_EACH) {
          StoredState.read(jdbi).changedSince(before, rememberedHere)
              .forEach(change -> failures.add(operation + " changed " + change + " after " + request.shown()));
        }
      }
      remembered += rememberedHere;
      StoredState.read(jdbi).changedSince(before, rememberedHere)
          .forEach(change -> failures.add(operation + " changed: " + change + " (find the request with -Dfuzz.each=true)"));
      casesPerOperation.put(operation.name(), requests.size());
    }
    long millis = (System.nanoTime() - begun) / 1_000_000;
    int total = casesPerOperation.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("FuzzEveryRouteIT seed=%d: %d operations, %d requests in %d ms; per operation %s%n",
        SEED, operations.size(), total, millis, casesPerOperation);

    assertThat(failures).as("seed %d (replay with -Dsim.seed=%d): %d failures", SEED, SEED, failures.size()).isEmpty();
    assertThat(StoredState.read(jdbi).changedSince(start, remembered)).as("seed %d: the whole run", SEED).isEmpty();
    Audit.Report auditAfter = StoredState.audit(jdbi);
    assertThat(auditAfter.problems()).isEmpty();
    assertThat(auditAfter.transactions()).isEqualTo(auditBefore.transactions());
    assertThat(casesPerOperation.keySet()).as("every described operation was fuzzed")
        .containsExactlyInAnyOrderElementsOf(operations.stream().map(DescribedOperation::name).toList());
    assertThat(casesPerOperation.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(30));
  }

  @Test
  void everyServedRouteIsInTheDescriptionSoItIsFuzzed() {
    Set<String> described = new TreeSet<>();
    DescribedOperation.all(description).forEach(operation -> described.add(operation.name()));
    Set<String> served = new TreeSet<>();
    server.tenure().routes().all().forEach(route -> served.add(route.method() + " " + route.path()));
    assertThat(described).containsAll(served);
  }

  private static List<FuzzRequest> requests(DescribedOperation operation, Random random) {
    String validBody = null;
    if (operation.takesBody()) {
      validBody = validBodies.get(operation.operationId());
      if (validBody == null) {
        SchemaFacts facts = new SchemaFacts(operation.description());
        JsonNode body = new ValidBodies(facts, existingIds).of(operation.bodySchema());
        validBody = BadBodies.write(body);
      }
    }
    return new BadRequests(operation, existingIds, validBody, () -> "fuzz-" + Long.toHexString(random.nextLong()), random,
        maxRequestBytes()).all();
  }

  /** Sends {@code request}, adds what is wrong with its answers to {@code failures}; returns the refusals remembered. */
  private static long send(DescribedOperation operation, FuzzRequest request, List<String> failures) {
    List<RawHttp.Answer> answers;
    try {
      answers = RawHttp.sendAll(server.tenure().port(), request.bytes());
    } catch (RuntimeException failure) {
      failures.add(operation + " gave no proper answer to " + request.shown() + ": " + failure.getMessage());
      return 0;
    }
    long remembered = 0;
    for (RawHttp.Answer answer : answers) {
      List<String> problems = RefusalCheck.problems(answer);
      if (!problems.isEmpty()) {
        failures.add(operation + " answered " + problems + " to " + request.shown() + ":\n" + cut(answer.toString()));
      }
      if (request.keyed() && Set.of(404, 409, 422).contains(answer.status())) {
        remembered++;
      }
    }
    return remembered;
  }

  private static long maxRequestBytes() {
    return TestServer.settings("jdbc:postgresql://unused/unused", true, java.time.Instant.EPOCH).maxRequestBytes();
  }

  private static String cut(String text) {
    return text.length() > 700 ? text.substring(0, 700) + "…" : text;
  }
}
