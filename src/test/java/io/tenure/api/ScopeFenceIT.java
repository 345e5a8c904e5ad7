package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every key reaches exactly what docs/scopes.md says: for every operation of /openapi.yaml, the operator, two
 * partners, an account under each and one without a partner, a revoked key and no key try it on objects
 * inside and outside their scope. Each answer must have the table's status, be documented by the
 * description, carry no id outside the key's scope, and a refusal must change nothing and look exactly like
 * the answer for an id that does not exist.
 */
class ScopeFenceIT {
  private static final Pattern ID = Pattern.compile("\\b(acc|res|bil|txn|ptn|key|msg)_[A-Za-z0-9]+\\b");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private static TestServer server;
  private static ScopeWorld world;
  private static DescribedApi described;
  private static Footprint footprint;
  private static Map<String, Footprint.Owner> owners;
  /** The database's digest after the last refusal, while no allowed call has run since; null otherwise. */
  private static Map<String, String> unchanged;

  @BeforeAll
  static void start() {
    server = TestServer.simulatedAt("2026-01-01T00:00:00+08:00");
    described = new DescribedApi(server.anonymous().get("/openapi.yaml").text());
    world = ScopeWorld.build(server);
    footprint = new Footprint(server.databaseUrl());
    owners = footprint.owners();
  }

  @AfterAll
  static void stop() throws Exception {
    footprint.close();
    server.close();
  }

  @Test
  void everyOperationIsInTheScopeTableAndEveryRowIsAnOperation() {
    ScopeTable table = ScopeTable.read(Path.of("docs", "scopes.md"));
    assertThat(table.operations()).as("the rows of docs/scopes.md against /openapi.yaml")
        .containsExactlyInAnyOrderElementsOf(describedOperations());
    assertThat(world.scenarios().keySet()).as("the operations this test knows how to call")
        .containsExactlyInAnyOrderElementsOf(describedOperations());
    world.scenarios().forEach((operation, scenario) -> {
      if (scenario.targets().equals(List.of(ScopeWorld.NOTHING))) {
        // A call that names nothing has no "other" side: its two cells per kind of key must agree.
        assertThat(table.outcome(operation, ScopeTable.PARTNER_OTHER)).as(operation).isEqualTo(table.outcome(operation, ScopeTable.PARTNER_OWN));
        assertThat(table.outcome(operation, ScopeTable.ACCOUNT_OTHER)).as(operation).isEqualTo(table.outcome(operation, ScopeTable.ACCOUNT_ITSELF));
      }
    });
  }

  @Test
  void everyKeyReachesExactlyWhatTheScopeTableSays() {
    ScopeTable table = ScopeTable.read(Path.of("docs", "scopes.md"));
    List<String> problems = new ArrayList<>();
    Set<String> cells = new TreeSet<>();
    int requests = 0;
    for (String operation : new TreeSet<>(describedOperations())) {
      ScopeWorld.Scenario scenario = world.scenarios().get(operation);
      assertThat(scenario).as("no way to call %s", operation).isNotNull();
      for (ScopeWorld.Actor actor : world.actors()) {
        for (ScopeWorld.Target target : scenario.targets()) {
          String column = ScopeWorld.column(actor, target);
          cells.add(operation + " / " + column);
          requests += attempt(operation, scenario, actor, target, table.outcome(operation, column), problems);
        }
      }
    }
    System.out.printf("scope fence: %d operations, %d (operation, scope) cells, %d requests, %d problems%n",
        describedOperations().size(), cells.size(), requests, problems.size());
    assertThat(problems).as("answers that break the fence").isEmpty();
  }

  @Test
  void groupsAreNamedWithinAnAccountSoAnotherAccountsGroupNeitherLeaksNorReaches() {
    assertThat(world.groupPurchase().status()).as("A1 buys into group 'team', which A2 uses too: %s", world.groupPurchase())
        .isEqualTo(201);
    assertThat(Fixtures.phase(server.operator(), world.groupPurchase().get("id")))
        .as("A2's expired group member must not end A1's 'team' member").isEqualTo("ACTIVE");
  }

  @Test
  void anAccountKeyKeepsOrLowersTheCreditItWasGrantedButCannotRaiseIt() {
    HttpApi account = world.accountKey("A1");
    String path = "/v1/accounts/" + world.accountId("A1") + "/settings";
    assertThat(account.put(path, Map.of("creditLimit", "50.00")).status()).isEqualTo(200);
    HttpApi.Answer raised = account.put(path, Map.of("creditLimit", "50.01"));
    assertThat(raised.status()).isEqualTo(403);
    assertThat(raised.errorCode()).isEqualTo("FORBIDDEN");
    assertThat(account.put(path, Map.of("creditLimit", "20.00")).status()).isEqualTo(200);
    assertThat(server.operator().get("/v1/accounts/" + world.accountId("A1")).json().path("settings").path("creditLimit").asText())
        .isEqualTo("20.00");
    assertThat(server.operator().put(path, Map.of("creditLimit", "50.00")).status()).as("the credit the fence test expects").isEqualTo(200);
  }

  /** Sends one call and records every way its answer breaks the fence; returns the number of requests sent. */
  private static int attempt(String operation, ScopeWorld.Scenario scenario, ScopeWorld.Actor actor,
      ScopeWorld.Target target, String expected, List<String> problems) {
    boolean allowed = expected.equals("allowed");
    ScopeWorld.Call call = scenario.call(target, allowed);
    String where = operation + " by " + actor.name() + " on " + target.name() + " (" + call.method() + " " + call.path() + ")";
    Map<String, String> before = allowed ? Map.of() : unchanged != null ? unchanged : footprint.digest();
    HttpApi.Answer answer = send(actor.api(), call, where, problems);
    problems.addAll(foreignIds(actor, call, answer, where));
    if (allowed) {
      if (answer.status() / 100 != 2) {
        problems.add(where + ": expected allowed, answered " + brief(answer));
      }
      owners = footprint.owners();
      unchanged = null;
      return 1;
    }
    checkRefusal(expected, answer, where, problems);
    int requests = 1 + (expected.equals("404") ? compareWithNothing(actor, call, answer, where, problems) : 0);
    Map<String, String> after = footprint.digest();
    if (!after.equals(before)) {
      problems.add(where + ": a refused call changed the tables " + changedTables(before, after));
    }
    unchanged = after;
    return requests;
  }

  private static HttpApi.Answer send(HttpApi api, ScopeWorld.Call call, String where, List<String> problems) {
    HttpApi.Answer answer = api.send(call.method(), call.path(), call.body(), call.idempotencyKey());
    try {
      described.check(call.method(), call.path(), answer);
    } catch (AssertionError undocumented) {
      problems.add(where + ": " + undocumented.getMessage().lines().findFirst().orElse(""));
    }
    return answer;
  }

  private static void checkRefusal(String expected, HttpApi.Answer answer, String where, List<String> problems) {
    String code = answer.errorCode();
    boolean codeFits = switch (expected) {
      case "401" -> "UNAUTHENTICATED".equals(code);
      case "403" -> "FORBIDDEN".equals(code);
      default -> code != null && code.endsWith("_NOT_FOUND");
    };
    if (!String.valueOf(answer.status()).equals(expected) || !codeFits) {
      problems.add(where + ": expected " + expected + ", answered " + brief(answer));
    }
  }

  /**
   * The same call with each id outside the key's scope replaced by one that does not exist must get the same
   * answer (the id itself aside): otherwise the refusal tells that the object exists.
   */
  private static int compareWithNothing(ScopeWorld.Actor actor, ScopeWorld.Call call, HttpApi.Answer answer, String where,
      List<String> problems) {
    Map<String, String> ghosts = new HashMap<>();
    for (String id : idsIn(call.text())) {
      if (owners.containsKey(id) && ScopeWorld.isForeign(actor, owners.get(id))) {
        ghosts.put(id, id.substring(0, id.indexOf('_')) + "_000000000000000000000");
      }
    }
    if (ghosts.isEmpty()) {
      return 0;
    }
    String path = call.path();
    String body = call.body() == null ? null : call.text().substring(call.path().length());
    for (Map.Entry<String, String> ghost : ghosts.entrySet()) {
      path = path.replace(ghost.getKey(), ghost.getValue());
      body = body == null ? null : body.replace(ghost.getKey(), ghost.getValue());
    }
    ScopeWorld.Call nothing = new ScopeWorld.Call(call.method(), path, body, call.idempotencyKey() == null ? null : UUID.randomUUID().toString());
    HttpApi.Answer absent = send(actor.api(), nothing, where + " with a missing id", problems);
    String shown = absent.text();
    for (Map.Entry<String, String> ghost : ghosts.entrySet()) {
      shown = shown.replace(ghost.getValue(), ghost.getKey());
    }
    if (absent.status() != answer.status() || !shown.equals(answer.text())) {
      problems.add(where + ": answered " + brief(answer) + " but for an id that does not exist " + brief(absent));
    }
    return 1;
  }

  /** Ids in the answer outside the key's scope, other than those the caller sent itself. */
  private static List<String> foreignIds(ScopeWorld.Actor actor, ScopeWorld.Call call, HttpApi.Answer answer, String where) {
    Set<String> sent = idsIn(call.text());
    List<String> found = new ArrayList<>();
    for (String id : idsIn(answer.text())) {
      Footprint.Owner owner = owners.get(id);
      if (owner != null && !sent.contains(id) && ScopeWorld.isForeign(actor, owner)) {
        found.add(where + ": the answer shows " + id + ", outside the key's scope: " + brief(answer));
      }
    }
    return found;
  }

  private static Set<String> idsIn(String text) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher matcher = ID.matcher(text);
    while (matcher.find()) {
      ids.add(matcher.group());
    }
    return ids;
  }

  private static Set<String> describedOperations() {
    try {
      JsonNode description = new ObjectMapper(new YAMLFactory()).readTree(server.anonymous().get("/openapi.yaml").text());
      Set<String> operations = new TreeSet<>();
      description.path("paths").properties().forEach(path -> path.getValue().properties().stream()
          .filter(method -> METHODS.contains(method.getKey()))
          .forEach(method -> operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
      return operations;
    } catch (IOException failure) {
      throw new IllegalStateException("the description is not YAML", failure);
    }
  }

  private static String changedTables(Map<String, String> before, Map<String, String> after) {
    Map<String, String> changed = new TreeMap<>();
    after.forEach((table, digest) -> {
      if (!digest.equals(before.get(table))) {
        changed.put(table, before.get(table) + " -> " + digest);
      }
    });
    return changed.toString();
  }

  private static String brief(HttpApi.Answer answer) {
    String text = answer.text().length() > 300 ? answer.text().substring(0, 300) + "…" : answer.text();
    return answer.status() + " " + text;
  }
}
