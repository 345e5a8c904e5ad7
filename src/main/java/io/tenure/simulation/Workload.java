package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The money side of the workload: accounts of every tier in several zones, top-ups, purchases of every prepaid
 * plan, manual renewals, add-on changes, auto-renewal, unsubscriptions; each reply checked against the model.
 */
final class Workload {
  static final List<String> ZONES = List.of("Asia/Shanghai", "UTC", "America/New_York", "Pacific/Kiritimati",
      "Europe/Berlin", "America/Santiago", "Asia/Kolkata");

  private final Model model;
  private final Calls calls;
  private final Auditor auditor;
  private final Random random;
  private final Simulation.Sabotage sabotage;
  private int keys;

  Workload(Model model, Calls calls, Auditor auditor, Random random, Simulation.Sabotage sabotage) {
    this.model = model;
    this.calls = calls;
    this.auditor = auditor;
    this.random = random;
    this.sabotage = sabotage;
  }

  String newKey() {
    return "sim-" + Long.toHexString(random.nextLong()) + "-" + (++keys);
  }

  ModelAccount randomAccount() {
    List<ModelAccount> accounts = new ArrayList<>(model.accounts.values());
    return accounts.get(random.nextInt(accounts.size()));
  }

  /** A random resource of a random account, or null when it has none. */
  ModelResource randomResource() {
    ModelAccount account = randomAccount();
    if (account.resources.isEmpty()) {
      return null;
    }
    List<ModelResource> resources = new ArrayList<>(account.resources.values());
    return resources.get(random.nextInt(resources.size()));
  }

  void createAccount(int number) {
    List<String> tiers = model.catalog().tiers();
    String tier = tiers.get(number % tiers.size());
    ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
    String name = "sim-account-" + number;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("tier", tier);
    body.put("timeZone", zone.getId());
    // Both languages of notices, alternately: by number, so that the random draws (and so each seed's run) stay as they were.
    body.put("locale", number % 2 == 0 ? "en" : "zh-CN");
    body.put("contacts", DeliveryWorkload.contacts(number));
    Http.Reply reply = createOrFind(name, body);
    auditor.reply(null, "create account " + name, Expected.success(201, null), reply);
    String id = reply.body().path("id").asText();
    model.accounts.put(id, new ModelAccount(id, name, tier, zone, model.zero()));
  }

  /** Account creation takes no key: a lost reply is resolved by looking the account up by its unique name. */
  private Http.Reply createOrFind(String name, Object body) {
    while (true) {
      try {
        return calls.once(null, "POST", "/v1/accounts", body);
      } catch (Http.NoReply noReply) {
        Http.Reply found = findByName(name);
        if (found != null) {
          return found;
        }
      }
    }
  }

  private Http.Reply findByName(String name) {
    String after = null;
    do {
      Http.Reply page = calls.get(null, "/v1/accounts?limit=1000" + (after == null ? "" : "&after=" + after));
      for (JsonNode account : page.body().path("items")) {
        if (account.path("name").asText().equals(name)) {
          return new Http.Reply(201, account, false, page.node());
        }
      }
      after = page.body().path("next").isNull() ? null : page.body().path("next").asText();
    } while (after != null);
    return null;
  }

  BigDecimal randomAmount() {
    int cents = switch (random.nextInt(4)) {
      case 0 -> 1 + random.nextInt(10_000);
      case 1 -> 100_000 + random.nextInt(600_000);
      default -> 10_000 + random.nextInt(200_000);
    };
    return BigDecimal.valueOf(cents, 2);
  }

  void topUp() {
    ModelAccount account = randomAccount();
    BigDecimal amount = randomAmount();
    Map<String, Object> body = Map.of("amount", amount.toPlainString());
    String path = "/v1/accounts/" + account.id + "/top-ups";
    Expected expected = model.topUp(account, sabotage == Simulation.Sabotage.MODEL_TOP_UP ? amount.add(new BigDecimal("0.01")) : amount);
    Http.Reply reply = calls.send(account.id, "POST", path, body, newKey());
    auditor.reply(account, "top-up of " + amount, expected, reply);
    auditor.balance(account, "top-up of " + amount, corrupt(reply.body()));
  }

  /** A reply as the auditor is shown it: corrupted on purpose when the run must prove the auditor can fail. */
  private JsonNode corrupt(JsonNode reply) {
    if (sabotage == Simulation.Sabotage.REPLY_BALANCE && reply.has("balance")) {
      var copy = reply.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) copy).put("balance",
          new BigDecimal(reply.path("balance").asText()).add(BigDecimal.ONE).toPlainString());
      return copy;
    }
    return reply;
  }
}
