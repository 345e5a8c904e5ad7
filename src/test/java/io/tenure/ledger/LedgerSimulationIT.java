package io.tenure.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Commands;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded random workload of top-ups, purchases, add-on changes, renewals, unsubscriptions and clock moves
 * over HTTP. An auditor keeps each account's expected balance (top-ups less bill totals) and checks it after
 * every step; at the end `tenure audit` must pass. Replay a failure with -Dsim.seed=.
 */
class LedgerSimulationIT {
  private static final List<String> PLANS = List.of("koodrive-basic", "tencent-drive-enterprise", "wedata-execution-package");

  @Test
  void randomPurchasesChangesRenewalsAndRefundsKeepEveryCentAccountedFor() {
    long seed = Long.getLong("sim.seed", System.nanoTime());
    System.out.println("LedgerSimulationIT seed=" + seed + " (replay with -Dsim.seed=" + seed + ")");
    Random random = new Random(seed);
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      Map<String, BigDecimal> expected = new HashMap<>();
      List<String> accounts = new ArrayList<>();
      Map<String, String> owners = new HashMap<>();
      for (int i = 0; i < 4; i++) {
        String account = Fixtures.account(operator, random.nextBoolean() ? "V3" : "standard");
        accounts.add(account);
        expected.put(account, BigDecimal.ZERO.setScale(2));
      }
      List<String> resources = new ArrayList<>();
      for (int step = 0; step < 150; step++) {
        String account = accounts.get(random.nextInt(accounts.size()));
        HttpApi.Answer answer = act(operator, random, account, resources, owners, step);
        String context = "seed " + seed + ", step " + step + ": " + answer;
        assertThat(answer.status()).as(context).isLessThan(500);
        if (answer.json() != null && answer.json().has("bill") && answer.status() < 300) {
          String owner = answer.get("accountId");
          expected.merge(owner, new BigDecimal(answer.json().path("bill").path("total").asText()).negate(), BigDecimal::add);
        }
        if (answer.json() != null && answer.json().has("transactionId")) {
          expected.put(account, new BigDecimal(answer.get("balance")));
        }
        for (String each : accounts) {
          assertThat(operator.get("/v1/accounts/" + each).get("balance")).as(context).isEqualTo(expected.get(each).toPlainString());
        }
      }
      Commands.Run audit = Commands.audit(server.databaseUrl());
      assertThat(audit.exitCode()).as("seed %d: %s", seed, audit.output()).isZero();
      assertThat(audit.lastLine()).endsWith("OK");
    }
  }

  private static HttpApi.Answer act(HttpApi operator, Random random, String account, List<String> resources,
      Map<String, String> owners, int step) {
    int choice = random.nextInt(10);
    if (choice < 2 || resources.isEmpty()) {
      String amount = new BigDecimal(random.nextInt(200_000)).movePointLeft(2).add(BigDecimal.ONE).toPlainString();
      return operator.post("/v1/accounts/" + account + "/top-ups", Map.of("amount", amount), "top-up-" + step);
    }
    if (choice < 4) {
      String plan = PLANS.get(random.nextInt(PLANS.size()));
      HttpApi.Answer bought = plan.equals("koodrive-basic") && random.nextBoolean()
          ? Fixtures.buyMonths(operator, account, plan, 1 + random.nextInt(3), "koodrive-users", 1 + random.nextInt(50))
          : Fixtures.buyMonths(operator, account, plan, 1 + random.nextInt(3));
      if (bought.status() == 201) {
        resources.add(bought.get("id"));
        owners.put(bought.get("id"), account);
      }
      return bought;
    }
    String resource = resources.get(random.nextInt(resources.size()));
    return switch (choice) {
      case 4 -> operator.post("/v1/resources/" + resource + "/renewals", Map.of("periods", 1 + random.nextInt(2)), "renew-" + step);
      case 5 -> operator.put("/v1/resources/" + resource + "/add-ons", List.of(Map.of("code", "koodrive-users", "quantity", random.nextInt(30))));
      case 6 -> operator.post("/v1/resources/" + resource + "/unsubscribe", Map.of());
      default -> operator.post("/v1/clock/advance", Map.of("hours", 1 + random.nextInt(24 * 12)));
    };
  }

}
