package io.tenure.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The resource side of the workload: purchases of every prepaid plan with add-ons and groups, renewals (some sent at
 * once with an add-on change of the same account), add-on changes (some sent twice at once with two keys), auto-renewal
 * on and off, unsubscriptions, and money calls sent several times at once with one key.
 */
final class ResourceWorkload {
  private final Model model;
  private final Calls calls;
  private final Auditor auditor;
  private final Random random;
  private final Workload accounts;
  private final ExecutorService threads;

  ResourceWorkload(Model model, Calls calls, Auditor auditor, Random random, Workload accounts, ExecutorService threads) {
    this.model = model;
    this.calls = calls;
    this.auditor = auditor;
    this.random = random;
    this.accounts = accounts;
    this.threads = threads;
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
    List<Call> sent = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      sent.add(new Call(method, path, body, calls.randomNode(), key));
    }
    List<Http.Reply> answers = atOnce(account, sent);
    for (Http.Reply answer : answers) {
      // A replayed refusal says in its message that it is a replay; its status and code are the first answer's.
      if (!same(answer, answers.getFirst())) {
        throw new Violation(account.id, answer.node(), what + " sent " + copies + " times at once with key " + key
            + " answered differently: " + answers.stream().map(reply -> reply.content() + " from node " + reply.node()).toList());
      }
    }
    return answers.getFirst();
  }

  /** One call of several sent at once: to {@code node}, with idempotency key {@code key}. */
  private record Call(String method, String path, Object body, int node, String key) {}

  /** The calls sent from as many threads at once; the replies in their order. */
  private List<Http.Reply> atOnce(ModelAccount account, List<Call> sent) {
    List<CompletableFuture<Http.Reply>> replies = sent.stream().map(call -> CompletableFuture.supplyAsync(
        () -> calls.send(call.node(), false, account.id, call.method(), call.path(), call.body(), call.key()), threads)).toList();
    return replies.stream().map(CompletableFuture::join).toList();
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

  void purchase() {
    ModelAccount account = accounts.randomAccount();
    List<ModelCatalog.Plan> plans = model.catalog().plans().values().stream().filter(ModelCatalog.Plan::prepaid).toList();
    ModelCatalog.Plan plan = plans.get(random.nextInt(plans.size()));
    String period = random.nextInt(5) == 0 ? "YEAR" : "MONTH";
    int periods = 1 + random.nextInt(period.equals("YEAR") ? 2 : 4);
    Map<String, Long> addOns = randomAddOns(plan);
    String groupId = plan.groupable() && random.nextBoolean() ? "group-" + account.name + "-" + random.nextInt(2) : null;
    boolean autoRenew = random.nextInt(3) == 0;
    Map<String, Object> billing = new LinkedHashMap<>(Map.of("mode", "PREPAID", "period", period, "periods", periods));
    billing.put("autoRenew", autoRenew);
    Map<String, Object> body = new LinkedHashMap<>(Map.of("accountId", account.id, "plan", plan.code(), "billing", billing));
    if (!addOns.isEmpty()) {
      body.put("addOns", addOns.entrySet().stream().map(addOn -> Map.of("code", addOn.getKey(), "quantity", addOn.getValue())).toList());
    }
    if (groupId != null) {
      body.put("groupId", groupId);
    }
    ModelResource[] bought = new ModelResource[1];
    Expected expected = model.purchase(account, plan.code(), period, periods, addOns, groupId, autoRenew, bought);
    Http.Reply reply = moneyCall(account, "purchase of " + plan.code(), "POST", "/v1/resources", body, expected);
    if (expected.ok()) {
      ModelResource resource = bought[0].withId(reply.body().path("id").asText());
      account.resources.put(resource.id, resource);
      auditor.resource(model, resource, reply.body());
    }
  }

  private Map<String, Long> randomAddOns(ModelCatalog.Plan plan) {
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
    if (random.nextInt(4) == 0 && renewWithAddOnChangeAtOnce(resource, periods)) {
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
    Map<String, Long> target = randomAddOns(plan);
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
    List<Http.Reply> replies = atOnce(resource.account,
        List.of(new Call("PUT", path, body, nodes[0], accounts.newKey()), new Call("PUT", path, body, nodes[1], accounts.newKey())));
    // The one that ran first is the one with a bill (when the change moved money; else either).
    int earlier = replies.get(0).ok() && replies.get(0).body().path("bill").isObject() ? 0 : 1;
    auditor.reply(resource.account, what + ", the first of two at once", first, replies.get(earlier));
    auditor.reply(resource.account, what + ", the second of two at once", second, replies.get(1 - earlier));
    return replies.get(1 - earlier);
  }

  /**
   * A renewal and an add-on change of one account sent at once, of the renewed resource or of another: the account's
   * lock runs one after the other, and the later prices from what the earlier left (the add-on change from the
   * renewed term, the renewal from the changed add-ons). Sent only when the wallet holds both whichever runs first,
   * and, for one resource, when it is active (a renewal that restores it would change what the other may do); the
   * order is read from the replies. False when not sent.
   */
  private boolean renewWithAddOnChangeAtOnce(ModelResource renewed, int periods) {
    List<ModelResource> others = renewed.account.resources.values().stream().filter(other -> other != renewed).toList();
    ModelResource changed = others.isEmpty() || random.nextBoolean() ? renewed : others.get(random.nextInt(others.size()));
    ModelCatalog.Plan plan = model.catalog().plans().get(changed.plan);
    Map<String, Long> target = randomAddOns(plan);
    BigDecimal most = model.quote(renewed.plan, renewed.period, periods, ModelLifecycle.quantities(renewed)).total()
        .add(model.quote(changed.plan, changed.period, changed.termPeriods + periods, target).total());
    if ((changed == renewed && !renewed.phase.equals("ACTIVE")) || renewed.account.balance.compareTo(most) < 0) {
      return false;
    }
    String renewal = "renewal of " + renewed.id + " by " + periods + " at once with a change of its account's add-ons";
    String change = "add-ons of " + changed.id + " to " + target + " at once with a renewal of " + renewed.id;
    List<Http.Reply> replies = atOnce(renewed.account, List.of(
        new Call("POST", "/v1/resources/" + renewed.id + "/renewals", Map.of("periods", periods), calls.randomNode(), accounts.newKey()),
        new Call("PUT", "/v1/resources/" + changed.id + "/add-ons", addOnsBody(target), calls.randomNode(), accounts.newKey())));
    Http.Reply renewalReply = replies.get(0);
    Http.Reply changeReply = replies.get(1);
    // Of one resource, the change that ran second shows the renewed term end; of two, the order changes nothing.
    boolean renewalFirst = changed != renewed || !renewalReply.ok() || !changeReply.ok()
        || termEnd(changeReply).equals(termEnd(renewalReply));
    Expected renewalExpected = renewalFirst ? model.renew(renewed, periods, false) : null;
    Expected changeExpected = model.lifecycle.changeAddOns(changed, target);
    if (!renewalFirst) {
      renewalExpected = model.renew(renewed, periods, false);
    }
    auditor.reply(renewed.account, renewal, renewalExpected, renewalReply);
    auditor.reply(changed.account, change, changeExpected, changeReply);
    if (changed == renewed) {
      // The reply that shows the resource as both left it: the later one, or the only one that changed it.
      Http.Reply last = !changeReply.ok() || (renewalReply.ok() && !renewalFirst) ? renewalReply : changeReply;
      if (last.ok()) {
        auditor.resource(model, renewed, last.body());
      }
      return true;
    }
    if (renewalExpected.ok()) {
      auditor.resource(model, renewed, renewalReply.body());
    }
    if (changeExpected.ok()) {
      auditor.resource(model, changed, changeReply.body());
    }
    return true;
  }

  private static List<Map<String, Object>> addOnsBody(Map<String, Long> target) {
    return target.entrySet().stream().map(addOn -> Map.<String, Object>of("code", addOn.getKey(), "quantity", addOn.getValue())).toList();
  }

  private static Instant termEnd(Http.Reply reply) {
    return OffsetDateTime.parse(reply.body().path("term").path("end").asText()).toInstant();
  }

  void unsubscribe() {
    ModelResource resource = accounts.randomResource();
    if (resource == null) {
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
