package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds and entitlements: resource and feature holds applied to random resources and lifted later, and now and then
 * a ban of a random account, a purchase it must refuse ({@code ACCOUNT_BANNED}) and the ban lifted again (at once, so
 * that the money workload's purchases stay as the model predicts). After each change the entitlements of the resources
 * it bears on are checked against the model: no service under a resource or account hold, else the phase's; every
 * feature locked without service, else exactly the held ones; the holds in force listed. Holds never change money or
 * phases, so the rest of the model does not know them. Each hold's notice in the inbox names the hold's reason.
 */
final class HoldWorkload {
  /** The words of each reason in the notices' languages (en, zh-CN): the hold's notice must name its reason. */
  private static final Map<String, List<String>> REASON_WORDS = Map.of(
      "VIOLATION", List.of("a violation of the terms of service", "违反服务条款"),
      "SECURITY", List.of("a security concern", "安全原因"));

  /** A hold the workload applied and has not lifted: its id, its account, the resource (null: the account) and feature it holds. */
  private record Applied(String id, ModelAccount account, ModelResource resource, String feature) {
    boolean bearsOn(ModelResource held) {
      return resource == null ? account.id.equals(held.account.id) : resource.id.equals(held.id);
    }
  }

  private final Model model;
  private final Calls calls;
  private final Auditor auditor;
  private final Random random;
  private final Workload workload;
  private final Map<String, Applied> inForce = new HashMap<>();

  HoldWorkload(Model model, Calls calls, Auditor auditor, Random random, Workload workload) {
    this.model = model;
    this.calls = calls;
    this.auditor = auditor;
    this.random = random;
    this.workload = workload;
  }

  void step() {
    switch (random.nextInt(3)) {
      case 0 -> applyOne();
      case 1 -> liftOne();
      default -> banAndBuy();
    }
  }

  private void applyOne() {
    ModelResource resource = workload.randomResource();
    if (resource == null) {
      return;
    }
    List<String> features = features(resource);
    String feature = features.isEmpty() || random.nextBoolean() ? null : features.get(random.nextInt(features.size()));
    String reason = random.nextBoolean() ? "VIOLATION" : "SECURITY";
    Map<String, Object> body = new HashMap<>(Map.of("scope", feature == null ? "RESOURCE" : "FEATURE", "targetId", resource.id,
        "reason", reason, "note", "Simulated hold."));
    if (feature != null) {
      body.put("feature", feature);
    }
    Http.Reply reply = calls.send(resource.account.id, "POST", "/v1/holds", body, workload.newKey());
    auditor.reply(resource.account, "hold on " + resource.id, Expected.success(201, null), reply);
    String id = reply.body().path("id").asText();
    inForce.put(id, new Applied(id, resource.account, resource, feature));
    check(resource);
    checkNotice(resource, reason);
  }

  /** The newest HOLD_APPLIED message about {@code resource} in its account's inbox names {@code reason}. */
  private void checkNotice(ModelResource resource, String reason) {
    JsonNode messages = calls.get(resource.account.id, "/v1/accounts/" + resource.account.id + "/messages?limit=20").body();
    String text = "";
    for (JsonNode message : messages.path("items")) {
      if (message.path("type").asText().equals("HOLD_APPLIED") && message.path("resourceId").asText().equals(resource.id)) {
        text = message.path("body").asText();
        break;
      }
    }
    String shown = text;
    boolean named = REASON_WORDS.get(reason).stream().anyMatch(shown::contains);
    auditor.unread(resource.account, "the hold notice about " + resource.id + " names its reason " + reason + " (1: yes)", 1,
        named ? 1 : 0);
  }

  private void liftOne() {
    if (inForce.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(new TreeSet<>(inForce.keySet()));
    Applied hold = inForce.remove(ids.get(random.nextInt(ids.size())));
    // Lifting is safe to send again: a lifted hold is answered as it is.
    Http.Reply reply = calls.send(hold.account().id, "DELETE", "/v1/holds/" + hold.id(), null, null);
    auditor.reply(hold.account(), "lift hold " + hold.id(), Expected.success(200, null), reply);
    check(hold.resource());
  }

  private void banAndBuy() {
    ModelAccount account = workload.randomAccount();
    Map<String, Object> ban = Map.of("scope", "ACCOUNT", "targetId", account.id, "reason", "VIOLATION", "permanent", true,
        "note", "Simulated ban.");
    Http.Reply banned = calls.send(account.id, "POST", "/v1/holds", ban, workload.newKey());
    auditor.reply(account, "ban of " + account.name, Expected.success(201, null), banned);
    String plan = model.catalog().plans().keySet().iterator().next();
    Map<String, Object> purchase = Map.of("accountId", account.id, "plan", plan,
        "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1));
    Http.Reply refused = calls.send(account.id, "POST", "/v1/resources", purchase, workload.newKey());
    auditor.reply(account, "purchase by banned " + account.name, Expected.refused(409, "ACCOUNT_BANNED"), refused);
    String banId = banned.body().path("id").asText();
    inForce.put(banId, new Applied(banId, account, null, null));
    account.resources.values().forEach(this::check);
    inForce.remove(banId);
    Http.Reply lifted = calls.send(account.id, "DELETE", "/v1/holds/" + banId, null, null);
    auditor.reply(account, "lift the ban of " + account.name, Expected.success(200, null), lifted);
    account.resources.values().forEach(this::check);
  }

  /** The resource's entitlements against the holds in force and the model's phase. */
  private void check(ModelResource resource) {
    List<Applied> bearing = inForce.values().stream().filter(hold -> hold.bearsOn(resource)).toList();
    boolean stopped = bearing.stream().anyMatch(hold -> hold.feature() == null);
    String level = stopped ? "NONE" : serviceLevel(resource);
    Set<String> locked = new TreeSet<>();
    features(resource).stream().filter(feature -> level.equals("NONE")
        || bearing.stream().anyMatch(hold -> feature.equals(hold.feature()))).forEach(locked::add);
    Set<String> holds = new TreeSet<>(bearing.stream().map(Applied::id).toList());

    JsonNode reply = calls.get(resource.account.id, "/v1/resources/" + resource.id + "/entitlements").body();
    Set<String> lockedShown = new TreeSet<>();
    reply.path("features").forEach(feature -> {
      if (feature.path("locked").asBoolean()) {
        lockedShown.add(feature.path("code").asText());
      }
    });
    Set<String> holdsShown = new TreeSet<>();
    reply.path("holds").forEach(hold -> holdsShown.add(hold.path("id").asText()));
    String what = "entitlements of " + resource.id + " (" + resource.plan + ", " + resource.phase + ")";
    auditor.entitlement(resource.account, what, level + " locked " + locked + " holds " + holds,
        reply.path("serviceLevel").asText() + " locked " + lockedShown + " holds " + holdsShown);
  }

  /** The service the model's phase gives: full while active, the policy's in grace and frozen, none once ended. */
  private static String serviceLevel(ModelResource resource) {
    return switch (resource.phase) {
      case "ACTIVE" -> "FULL";
      case "GRACE", "FROZEN" -> resource.policy.phases().get(resource.phaseIndex).service();
      default -> "NONE";
    };
  }

  private static List<String> features(ModelResource resource) {
    List<String> features = new ArrayList<>();
    for (JsonNode plan : resource.termCatalog.source().path("plans")) {
      if (plan.path("code").asText().equals(resource.plan)) {
        plan.path("features").forEach(feature -> features.add(feature.asText()));
      }
    }
    return features;
  }
}
