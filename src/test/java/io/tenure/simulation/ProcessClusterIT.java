package io.tenure.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real {@code tenure serve} processes on one database, the clock moved through node 0, against an
 * uninterrupted twin (one in-process Tenure on its own database) that gets the very same calls without faults.
 * The clocks of both move in step, so each test compares what it built at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessClusterIT {
  private static final OffsetDateTime START = OffsetDateTime.parse("2023-03-08T15:50:04+08:00");

  private static ProcessCluster cluster;
  private static TestServer twin;
  /** Where both clocks stand; each test moves them on from here. */
  private static OffsetDateTime now = START;

  @BeforeAll
  static void startBoth() {
    long started = System.nanoTime();
    cluster = ProcessCluster.start(3, Optional.empty(), START.toInstant(), false);
    report("3 nodes started in %d ms", (System.nanoTime() - started) / 1_000_000);
    twin = TestServer.simulatedAt(START.toString());
  }

  @AfterAll
  static void stopBoth() {
    if (cluster != null) {
      cluster.close();
    }
    if (twin != null) {
      twin.close();
    }
  }

  /** A figure for the test's output (the figures of the reliability notes come from here). */
  private static void report(String format, Object... values) {
    System.out.printf("process cluster - " + format + "%n", values);
  }

  private static HttpApi node(int index) {
    return HttpApi.at(cluster.node(index).toString(), cluster.operatorKey());
  }

  @Test
  @Order(1)
  void aPurchaseThroughOneNodeAndAnAdvanceThroughAnotherAreSeenAlikeByAllThree() {
    String account = Fixtures.account(node(1), "V1");
    Fixtures.topUp(node(1), account, "5000.00");
    String resource = Fixtures.bought(node(1), account, "koodrive-basic", 1);
    now = now.plusDays(40);
    Fixtures.advanceTo(node(0), now.toString());

    String clock = node(0).get("/v1/clock").get("now");
    for (int index = 0; index < 3; index++) {
      assertThat(node(index).get("/v1/clock").get("now")).as("node %d's clock", index).isEqualTo(clock);
      assertThat(Fixtures.phase(node(index), resource)).as("node %d's phase", index).isNotEqualTo("ACTIVE")
          .isEqualTo(Fixtures.phase(node(0), resource));
    }
    HttpApi.Answer bought = Fixtures.buyMonths(node(2), account, "koodrive-basic", 1);
    assertThat(bought.status()).isEqualTo(201);
    assertThat(OffsetDateTime.parse(bought.json().path("createdAt").asText()).toInstant())
        .as("stamped with the advanced instant").isEqualTo(now.toInstant());
    Fixtures.advanceTo(twin.operator(), now.toString());
  }

  @Test
  @Order(2)
  void aCatalogVersionLoadedThroughOneNodePricesTheNextPurchaseThroughAnother() {
    String account = Fixtures.account(node(1), "V1");
    Fixtures.topUp(node(1), account, "500.00");
    ObjectNode catalog = (ObjectNode) node(1).get("/v1/catalog").json();
    for (JsonNode plan : catalog.withArray("plans")) {
      if (plan.path("code").asText().equals("koodrive-basic")) {
        ((ObjectNode) plan.path("prices")).put("MONTH", "190.00");
      }
    }
    assertThat(node(2).put("/v1/catalog", catalog.toString()).status()).isEqualTo(201);
    assertThat(twin.operator().put("/v1/catalog", catalog.toString()).status()).isEqualTo(201);

    // At once, through the node that read the catalog a moment ago.
    HttpApi.Answer bought = Fixtures.buyMonths(node(1), account, "koodrive-basic", 1);

    assertThat(bought.json().path("bill").path("total").asText()).as("priced by the version node 2 loaded").isEqualTo("190.00");
  }

  @Test
  @Order(3)
  void killingEachNodeInTurnDuringAnAdvanceLeavesEveryResourceAsTheUninterruptedTwin() throws Exception {
    Estate onCluster = Estate.build(node(0), position -> node(position % 3), now, 20, 10, Duration.ofHours(7));
    Estate onTwin = Estate.build(twin.operator(), position -> twin.operator(), now, 20, 10, Duration.ofHours(7));
    OffsetDateTime from = now.plusHours(7 * 19);
    now = from.plusDays(60);
    Fixtures.advanceTo(twin.operator(), now.toString());

    Random random = new Random(9);
    int killedMidAdvance = 0;
    List<Integer> victims = List.of(1, 2, 0);
    for (int turn = 0; turn < victims.size(); turn++) {
      String target = from.plusDays(20L * (turn + 1)).toString();
      CompletableFuture<HttpApi.Answer> advance =
          CompletableFuture.supplyAsync(() -> node(0).post("/v1/clock/advance", Map.of("to", target)));
      Thread.sleep(30 + random.nextInt(200));
      killedMidAdvance += advance.isDone() ? 0 : 1;
      long killed = System.nanoTime();
      cluster.killAndRestart(victims.get(turn));
      report("node %d killed and serving again in %d ms", victims.get(turn), (System.nanoTime() - killed) / 1_000_000);
      finish(advance, target);
    }
    report("%d of 3 kills landed during an advance", killedMidAdvance);

    List<String> expected = onTwin.observe(twin.databaseUrl(), twin.operator());
    assertThat(onCluster.observe(cluster.databaseUrl(), node(2))).containsExactlyElementsOf(expected);
    assertThat(Estate.events(expected)).as("the advance did work").isGreaterThan(400);
  }

  @Test
  @Order(4)
  void connectionsTerminatedDuringAnAdvanceLoseAndRepeatNoTransition() throws Exception {
    Estate onCluster = Estate.build(node(0), position -> node((position + 1) % 3), now, 10, 10, Duration.ofHours(5));
    Estate onTwin = Estate.build(twin.operator(), position -> twin.operator(), now, 10, 10, Duration.ofHours(5));
    now = now.plusHours(5 * 9).plusDays(60);
    Fixtures.advanceTo(twin.operator(), now.toString());

    String target = now.toString();
    CompletableFuture<HttpApi.Answer> advance =
        CompletableFuture.supplyAsync(() -> node(0).post("/v1/clock/advance", Map.of("to", target)));
    Random random = new Random(17);
    int terminated = 0;
    while (!advance.isDone()) {
      terminated += cluster.terminateConnection(random) ? 1 : 0;
      Thread.sleep(20 + random.nextInt(60));
    }
    report("%d connections terminated during the advance", terminated);
    assertThat(advance.get().status()).as("the advance retries what a terminated connection rolled back: %s", advance.get())
        .isEqualTo(200);

    List<String> expected = onTwin.observe(twin.databaseUrl(), twin.operator());
    List<String> observed = onCluster.observe(cluster.databaseUrl(), node(1));
    assertThat(Estate.events(observed)).as("transitions recorded").isEqualTo(Estate.events(expected));
    assertThat(observed).containsExactlyElementsOf(expected);
    assertThat(terminated).as("connections ended mid-advance").isPositive();
  }

  /**
   * Waits for an advance sent before a fault; when it got no answer (its node was killed) or lost its database
   * connection, sends it again: an advance {@code to} an instant may be repeated.
   */
  private static void finish(CompletableFuture<HttpApi.Answer> advance, String target) throws Exception {
    HttpApi.Answer answer;
    try {
      answer = advance.get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException noAnswer) {
      answer = null;
    }
    if (answer == null || answer.status() != 200) {
      report("the advance to %s ended with %s; sending it again", target, answer);
      Fixtures.advanceTo(node(0), target);
    }
    assertThat(node(0).get("/v1/clock").get("now")).isEqualTo(target);
  }

  @Test
  @Order(5)
  void killAndRestartInALoopWithCallsInFlightLosesAndRepeatsNothing() throws Exception {
    int cycles = Integer.getInteger("tenure.killLoop.cycles", 5);
    String account = Fixtures.account(node(0), "V1");
    MoneyCallsInFlight calls = new MoneyCallsInFlight(cluster, account);
    Thread caller = Thread.ofPlatform().name("calls-in-flight").start(calls);
    long started = System.nanoTime();
    Random random = new Random(23);
    for (int cycle = 0; cycle < cycles; cycle++) {
      Thread.sleep(random.nextInt(150));
      cluster.killAndRestart(cycle % cluster.size());
    }
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    calls.stop();
    caller.join(120_000);
    report("%d kill/restart cycles on 3 nodes in %d ms (%d ms each), %d top-ups and %d purchases acknowledged, %d resent",
        cycles, elapsed, elapsed / cycles, calls.topUps(), calls.purchases(), calls.resent());

    assertThat(calls.failure()).isNull();
    assertThat(node(1).get("/v1/accounts/" + account).get("balance")).as("every acknowledged top-up once, minus purchases")
        .isEqualTo(calls.expectedBalance());
    assertThat(node(2).get("/v1/accounts/" + account + "/resources?limit=1000").json().path("items").size())
        .isEqualTo(calls.purchases());
    io.tenure.ledger.Audit.Report audit = io.tenure.ledger.Audit.run(org.jdbi.v3.core.Jdbi.create(cluster.databaseUrl()));
    assertThat(audit.problems()).isEmpty();
  }
}
