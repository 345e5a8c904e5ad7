package io.tenure.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * The resource side of the workload: purchases of every prepaid plan with add-ons and groups (some sent at once with
 * a top-up or with another purchase), renewals (some sent at once with an add-on change of the same account or with a
 * top-up, {@link ChangesAtOnce}), add-on changes (some sent twice at once with two keys), auto-renewal on and off,
 * unsubscriptions (some sent at once with an add-on change of the resource), and money calls sent several times at
 * once with one key.
 */
final class ResourceWorkload {
  private final Model model;
  private final Calls calls;
  private final Auditor auditor;
  private final Random random;
  private final Workload accounts;
  private final ExecutorService threads;
  private final ChangesAtOnce atOnce;

  ResourceWorkload(Model model, Calls calls, Auditor auditor, Random random, Workload accounts, ExecutorService threads,
      boolean changesAtOnce) {
    this.model = model;
    this.calls = calls;
    this.auditor = auditor;
    this.random = random;
    this.accounts = accounts;
    this.threads = threads;
    this.atOnce = changesAtOnce ? new ChangesAtOnce(model, calls, auditor, random, accounts, threads, this) : null;
  }

  /** One call, predicted by {@code expected}, sent once or as concurrent duplicates with one key. */
  private Http.Reply moneyCall(ModelAccount account, String what, String method, String path, Object body, Expected expected) {
    String key = accounts.newKey();
    Http.Reply reply = random.nextInt(6) == 0 ? duplicates(account, what, method, path, body, key)
        : calls.send(account.id, method, path, body, key);
    auditor.reply(account, what, expected, reply);
    if (body != null && random.nextInt(8) == 0) {
      reuse(account, what, method, path, body, key, reply);
    }
    return reply;
  }

  /** The same call with the same key from several threads at once: one answer, applied once. */
  private Http.Reply duplicates(ModelAccount account, String what, String method, String path, Object body, String key) {
    int copies = 2 + random.nextInt(3);
    List<Calls.Call> sent = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      sent.add(new Calls.Call(method, path, body, calls.randomNode(), key));
    }
    List<Http.Reply> answers = calls.atOnce(account.id, sent, threads);
    for (Http.Reply answer : answers) {
      // A replayed refusal says in its message that it is a replay; its status and code are the first answer's.
      if (!same(answer, answers.getFirst())) {
        throw new Violation(account.id, answer.node(), what + " sent " + copies + " times at once with key " + key
            + " answered differently: " + answers.stream().map(reply -> reply.content() + " from node " + reply.node()).toList());
      }
    }
    return answers.getFirst();
  }

  private static boolean same(Http.Reply one, Http.Reply other) {
    return one.ok() ? one.content().equals(other.content()) : one.status() == other.status() && one.code().equals(other.code());
  }

  /** The key used again with another body: refused, nothing changes. */
  private void reuse(ModelAccount account, String what, String method, String path, Object body, String key, Http.Reply first) {
    Object other = otherBody(body);
    Http.Reply reply = calls.send(account.id, method, path, other, key);
    auditor.reply(account, what + " with its key and another body", Expected.refused(409, "IDEMPOTENCY_KEY_REUSED"), reply);
    Http.Reply again = calls.send(account.id, method, path, body, key);
    if (!again.replayed() || !same(again, first)) {
      throw new Violation(account.id, again.node(), what + " sent again with its key did not replay the first answer "
          + first.content() + ": got " + again.content() + " from node " + again.node());
    }
  }

  /** A well-formed request that differs from {@code body}: one more period, or another set of add-ons. */
  private static Object otherBody(Object body) {
    if (body instanceof List<?> list) {
      return list.isEmpty() ? List.of(Map.of("code", "koodrive-users", "quantity", 1)) : List.of();
    }
    var other = Http.JSON.valueToTree(body).deepCopy();
    var changed = other.has("billing") ? (com.fasterxml.jackson.databind.node.ObjectNode) other.get("billing")
        : (com.fasterxml.jackson.databind.node.ObjectNode) other;
    changed.put("periods", changed.path("periods").asInt() + 1);
    return other;
  }

  /** A purchase as the workload draws it. */
  record Purchase(ModelAccount account, ModelCatalog.Plan plan, String period, int periods, Map<String, Long> addOns,
      String groupId, boolean autoRenew) {
    String what() {
      return "purchase of " + plan.code();
    }

    Map<String, Object> body() {
      Map<String, Object> billing = new LinkedHashMap<>(Map.of("mode", "PREPAID", "period", period, "periods", periods));
      billing.put("autoRenew", autoRenew);
      Map<String, Object> body = new LinkedHashMap<>(Map.of("accountId", account.id, "plan", plan.code(), "billing", billing));
      if (!addOns.isEmpty()) {
        body.put("addOns", addOnsBody(addOns));
      }
      if (groupId != null) {
        body.put("groupId", groupId);
      }
      return body;
    }

    /** The model's outcome; on success the new resource (without its id yet) is in {@code bought[0]}. */
    Expected expect(Model model, ModelResource[] bought) {
      return model.purchase(account, plan.code(), period, periods, addOns, groupId, autoRenew, bought);
    }

    /** What the purchase costs at the catalog's prices, whatever the balance. */
    BigDecimal total(Model model) {
      return model.quote(plan.code(), period, periods, addOns).total();
    }
  }

  void purchase() {
    ModelAccount account = accounts.randomAccount();
    List<ModelCatalog.Plan> plans = model.catalog().plans().values().stream().filter(ModelCatalog.Plan::prepaid).toList();
    ModelCatalog.Plan plan = plans.get(random.nextInt(plans.size()));
    String period = random.nextInt(5) == 0 ? "YEAR" : "MONTH";
    int periods = 1 + random.nextInt(period.equals("YEAR") ? 2 : 4);
    Map<String, Long> addOns = randomAddOns(plan, random);
    String groupId = plan.groupable() && random.nextBoolean() ? "group-" + account.name + "-" + random.nextInt(2) : null;
    Purchase purchase = new Purchase(account, plan, period, periods, addOns, groupId, random.nextInt(3) == 0);
    if (random.nextInt(6) == 0 && atOnce != null && atOnce.purchaseWithTopUp(purchase)) {
      return;
    }
    if (random.nextInt(8) == 0 && atOnce != null) {
      ModelCatalog.Plan other = plans.get(random.nextInt(plans.size()));
      Purchase second = new Purchase(account, other, "MONTH", 1 + random.nextInt(3), randomAddOns(other, random), null,
          random.nextBoolean());
      if (atOnce.twoPurchases(purchase, second)) {
        return;
      }
    }
    ModelResource[] bought = new ModelResource[1];
    Expected expected = purchase.expect(model, bought);
    Http.Reply reply = moneyCall(account, purchase.what(), "POST", "/v1/resources", purchase.body(), expected);
    if (expected.ok()) {
      bought(bought[0], reply);
    }
  }

  /** The model's new resource, with the id Tenure gave it, checked against the reply. */
  void bought(ModelResource resource, Http.Reply reply) {
    ModelResource withId = resource.withId(reply.body().path("id").asText());
    withId.account.resources.put(withId.id, withId);
    auditor.resource(model, withId, reply.body());
  }

  static Map<String, Long> randomAddOns(ModelCatalog.Plan plan, Random random) {
    Map<String, Long> addOns = new LinkedHashMap<>();
    for (String code : plan.addOns()) {
      if (random.nextBoolean()) {
        addOns.put(code, random.nextInt(40) == 0 ? 30_000L : 1L + random.nextInt(20));
      }
    }
    return addOns;
  }

  void renew() {
    ModelResource resource = accounts.randomResource();
    if (resource == null) {
      return;
    }
    int periods = 1 + random.nextInt(3);
    if (random.nextInt(4) == 0 && atOnce != null && atOnce.renewWithAddOnChange(resource, periods)) {
      return;
    }
    if (random.nextInt(6) == 0 && atOnce != null && atOnce.renewWithTopUp(resource, periods)) {
      return;
    }
    Expected expected = model.renew(resource, periods, false);
    Http.Reply reply = moneyCall(resource.account, "renewal of " + resource.id + " by " + periods, "POST",
        "/v1/resources/" + resource.id + "/renewals", Map.of("periods", periods), expected);
    if (expected.ok()) {
      auditor.resource(model, resource, reply.body());
    }
  }

  void changeAddOns() {
    ModelResource resource = accounts.randomResource();
    if (resource == null) {
      return;
    }
    ModelCatalog.Plan plan = model.catalog().plans().get(resource.plan);
    Map<String, Long> target = randomAddOns(plan, random);
    Expected expected = model.lifecycle.changeAddOns(resource, target);
    List<Map<String, Object>> body = addOnsBody(target);
    String what = "add-ons of " + resource.id + " to " + target;
    String path = "/v1/resources/" + resource.id + "/add-ons";
    Http.Reply reply = random.nextInt(4) == 0 ? twiceAtOnce(resource, what, path, body, expected, target)
        : moneyCall(resource.account, what, "PUT", path, body, expected);
    if (expected.ok()) {
      auditor.resource(model, resource, reply.body());
    }
  }

  /**
   * The same add-on change sent twice at once with two keys (a double click): one changes the add-ons and pays, the
   * other, run after it, finds them as wanted and pays nothing. One that priced from the add-ons as they were before
   * the other's commit would pay again. Returns the later reply, which shows the resource as both left it.
   */
  private Http.Reply twiceAtOnce(ModelResource resource, String what, String path, Object body, Expected first,
      Map<String, Long> target) {
    Expected second = model.lifecycle.changeAddOns(resource, target);
    int[] nodes = {calls.randomNode(), calls.randomNode()};
    List<Http.Reply> replies = calls.atOnce(resource.account.id, List.of(new Calls.Call("PUT", path, body, nodes[0], accounts.newKey()),
        new Calls.Call("PUT", path, body, nodes[1], accounts.newKey())), threads);
    // The one that ran first is the one with a bill (when the change moved money; else either).
    int earlier = replies.get(0).ok() && replies.get(0).body().path("bill").isObject() ? 0 : 1;
    auditor.reply(resource.account, what + ", the first of two at once", first, replies.get(earlier));
    auditor.reply(resource.account, what + ", the second of two at once", second, replies.get(1 - earlier));
    return replies.get(1 - earlier);
  }

  static List<Map<String, Object>> addOnsBody(Map<String, Long> addOns) {
    return addOns.entrySet().stream().map(addOn -> Map.<String, Object>of("code", addOn.getKey(), "quantity", addOn.getValue())).toList();
  }

  void unsubscribe() {
    ModelResource resource = accounts.randomResource();
    if (resource == null) {
      return;
    }
    if (random.nextInt(4) == 0 && atOnce != null && atOnce.unsubscribeWithAddOnChange(resource)) {
      return;
    }
    Expected expected = model.lifecycle.unsubscribe(resource, model.now);
    Http.Reply reply = moneyCall(resource.account, "unsubscription of " + resource.id, "POST",
        "/v1/resources/" + resource.id + "/unsubscribe", null, expected);
    if (expected.ok()) {
      auditor.resource(model, resource, reply.body());
    }
  }

  void setAutoRenew() {
    ModelResource resource = accounts.randomResource();
    if (resource == null) {
      return;
    }
    boolean enabled = random.nextBoolean();
    int periods = 1 + random.nextInt(2);
    Expected expected = model.setAutoRenew(resource, enabled, periods);
    Http.Reply reply = calls.send(resource.account.id, "PUT", "/v1/resources/" + resource.id + "/auto-renew",
        Map.of("enabled", enabled, "periods", periods), null);
    auditor.reply(resource.account, "auto-renew of " + resource.id + " " + enabled, expected, reply);
    if (expected.ok()) {
      auditor.resource(model, resource, reply.body());
    }
  }
}
