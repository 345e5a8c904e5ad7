package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Message subscription changes: mostly valid ones (a random choice above the floor), now and then one below the
 * floor, which must be refused with {@code SUBSCRIPTION_BELOW_FLOOR} and change nothing. After each, the account's
 * answer must equal the model's.
 */
final class SubscriptionWorkload {
  final ModelSubscriptions model = new ModelSubscriptions();
  private final Calls calls;
  private final Auditor auditor;
  private final Random random;
  private final Workload workload;
  private final Simulation.Sabotage sabotage;

  SubscriptionWorkload(Calls calls, Auditor auditor, Random random, Workload workload, Simulation.Sabotage sabotage) {
    this.sabotage = sabotage;
    this.calls = calls;
    this.auditor = auditor;
    this.random = random;
    this.workload = workload;
  }

  void change() {
    ModelAccount account = workload.randomAccount();
    List<String> types = new ArrayList<>(ModelSubscriptions.TYPES.keySet());
    String type = types.get(random.nextInt(types.size()));
    ModelSubscriptions.Routing floor = ModelSubscriptions.TYPES.get(type).floor();
    boolean belowFloor = !floor.roles().isEmpty() && random.nextInt(5) == 0;
    ModelSubscriptions.Routing choice = belowFloor ? below(floor) : above(floor);
    Map<String, Object> body = Map.of("subscriptions", List.of(Map.of("type", type,
        "roles", ordered(ModelSubscriptions.ROLES, choice.roles()), "channels", ordered(ModelSubscriptions.CHANNELS, choice.channels()))));
    String path = "/v1/accounts/" + account.id + "/message-subscriptions";
    Expected expected = model.change(account, type, choice);
    // Replacing a choice is safe to send again: the same body leaves the same state.
    Http.Reply reply = calls.send(account.id, "PUT", path, body, null);
    auditor.reply(account, "message subscriptions of " + type + " to " + choice.text(), expected, reply);
    auditor.subscriptions(account, model.expected(account), corrupt(calls.get(account.id, path).body()));
  }

  /** The answer as the auditor is shown it: without its first type's last channel when the run must prove it can fail. */
  private JsonNode corrupt(JsonNode answer) {
    if (sabotage != Simulation.Sabotage.REPLY_SUBSCRIPTIONS) {
      return answer;
    }
    JsonNode copy = answer.deepCopy();
    com.fasterxml.jackson.databind.node.ArrayNode channels = (com.fasterxml.jackson.databind.node.ArrayNode) copy.path("subscriptions")
        .path(0).path("channels");
    channels.remove(channels.size() - 1);
    return copy;
  }

  /** A random choice that keeps every role and channel of the floor. */
  private ModelSubscriptions.Routing above(ModelSubscriptions.Routing floor) {
    return new ModelSubscriptions.Routing(some(ModelSubscriptions.ROLES, floor.roles()), some(ModelSubscriptions.CHANNELS, floor.channels()));
  }

  /** A choice that drops one role or one channel of the floor. */
  private ModelSubscriptions.Routing below(ModelSubscriptions.Routing floor) {
    Set<String> roles = some(ModelSubscriptions.ROLES, floor.roles());
    Set<String> channels = some(ModelSubscriptions.CHANNELS, floor.channels());
    // Drawn from the names in a fixed order: a set's own order may differ between runs of the same seed.
    if (random.nextBoolean()) {
      roles.remove(ordered(ModelSubscriptions.ROLES, floor.roles()).get(random.nextInt(floor.roles().size())));
    } else {
      channels.remove(ordered(ModelSubscriptions.CHANNELS, floor.channels()).get(random.nextInt(floor.channels().size())));
    }
    return new ModelSubscriptions.Routing(roles, channels);
  }

  private static List<String> ordered(List<String> names, Set<String> chosen) {
    return names.stream().filter(chosen::contains).toList();
  }

  /** {@code kept} and a random part of the rest of {@code names}. */
  private Set<String> some(List<String> names, Set<String> kept) {
    Set<String> chosen = new HashSet<>(kept);
    names.stream().filter(name -> random.nextBoolean()).forEach(chosen::add);
    return chosen;
  }

  /** The answer's lines in the model's words. */
  static List<String> lines(JsonNode answer) {
    List<String> lines = new ArrayList<>();
    for (JsonNode entry : answer.path("subscriptions")) {
      lines.add(ModelSubscriptions.line(entry.path("type").asText(), texts(entry.path("roles")) + " by " + texts(entry.path("channels")),
          texts(entry.path("contacts")).toString(), texts(entry.path("floor").path("roles")) + " by "
              + texts(entry.path("floor").path("channels")), entry.path("source").asText()));
    }
    return lines;
  }

  private static List<String> texts(JsonNode list) {
    List<String> texts = new ArrayList<>();
    list.forEach(element -> texts.add(element.asText()));
    return texts;
  }
}
