package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deliveries at the end of a run, against what the receivers got and what the subscriptions allow
 * (docs/reliability.md, "Deliveries"). Waits, up to a bound, for the dispatchers to finish; what is still wrong then is
 * a {@link Violation}.
 */
final class DeliveryAudit {
  private static final Duration SETTLE = Duration.ofSeconds(90);
  /** How long a choice may still apply after the change that replaced it was sent, or before a fan-out's stamp. */
  private static final Duration CHANGE_SLACK = Duration.ofSeconds(60);
  /** The deliveries a dispatcher claims at once (the default batch): what a killed node may leave leased. */
  private static final int CLAIM_BATCH = 50;
  private static final int PROBLEMS_SHOWN = 8;

  private final Model model;
  private final Calls calls;
  private final Auditor auditor;
  private final DeliveryWorkload workload;
  private final DeliveryReceivers receivers;
  /** Accounts outside the model (the metering agent's): their deliveries are known, their fan-out is not judged. */
  private final List<String> unmodelled;

  DeliveryAudit(Model model, Calls calls, Auditor auditor, DeliveryWorkload workload, DeliveryReceivers receivers,
      List<String> unmodelled) {
    this.unmodelled = unmodelled;
    this.model = model;
    this.calls = calls;
    this.auditor = auditor;
    this.workload = workload;
    this.receivers = receivers;
  }

  /** What one pass found. */
  private static final class Findings {
    final List<String> problems = new ArrayList<>();
    String account;
    long deliveries;
    long sent;
    long surplus;
    long leased;

    void problem(String account, String text) {
      this.account = this.account == null ? account : this.account;
      problems.add(text);
    }
  }

  /** Checks until clean or {@link #SETTLE} has passed; answers a line of figures for the run's report. */
  String check(long faults) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (true) {
      auditor.checks++;
      Findings found = pass(faults);
      if (found.problems.isEmpty()) {
        return "simulate: deliveries: " + found.deliveries + " (" + found.sent + " e-mails and SMS, " + resent()
            + " resent by the operator), " + found.surplus + " received once more after a fault, " + found.leased
            + " still leased by a killed node";
      }
      if (System.nanoTime() > deadline) {
        throw new Violation(found.account, "deliveries after " + SETTLE.toSeconds() + " s: " + found.problems.size() + " problems: "
            + String.join("; ", found.problems.subList(0, Math.min(PROBLEMS_SHOWN, found.problems.size()))));
      }
      pause();
    }
  }

  private long resent() {
    return workload.resends.values().stream().mapToLong(Long::longValue).sum();
  }

  private Findings pass(long faults) {
    Findings found = new Findings();
    Set<String> keys = new HashSet<>();
    for (ModelAccount account : model.accounts.values()) {
      List<JsonNode> deliveries = pages(account, "/v1/messages?limit=1000&accountId=" + account.id, "after");
      Map<String, String> messages = new LinkedHashMap<>();
      pages(account, "/v1/accounts/" + account.id + "/messages?limit=1000", "before")
          .forEach(message -> messages.put(message.path("id").asText(), message.path("type").asText()));
      fannedOut(found, account, messages, deliveries);
      for (JsonNode delivery : deliveries) {
        found.deliveries++;
        if (!messages.containsKey(delivery.path("messageId").asText())) {
          found.problem(account.id, "delivery " + delivery.path("id").asText() + " is of no message of the inbox");
        }
        keys.add(DeliveryWorkload.key(account.id, delivery));
        received(found, account, delivery);
      }
    }
    for (String account : unmodelled) {
      pages(account, "/v1/messages?limit=1000&accountId=" + account, "after")
          .forEach(delivery -> keys.add(DeliveryWorkload.key(account, delivery)));
    }
    Set<String> strangers = new TreeSet<>(receivers.keys());
    strangers.removeAll(keys);
    // The recharge workload's accounts are outside the model; their mail goes to an address of their own.
    strangers.removeIf(key -> key.endsWith("|" + RechargeWorkload.ADDRESS));
    if (!strangers.isEmpty()) {
      found.problem(null, "received messages of no delivery: " + strangers);
    }
    if (found.surplus > faults) {
      found.problem(null, found.surplus + " messages were received more often than delivered and resent, with " + faults
          + " faults (a fault may repeat one send)");
    }
    if (found.leased > faults * CLAIM_BATCH) {
      found.problem(null, found.leased + " deliveries are still pending under a lease, with " + faults + " faults");
    }
    return found;
  }

  /** Every message of the inbox went to exactly the recipients one of the choices in force about then allows. */
  private void fannedOut(Findings found, ModelAccount account, Map<String, String> messages, List<JsonNode> deliveries) {
    Map<String, List<JsonNode>> byMessage = new LinkedHashMap<>();
    deliveries.forEach(delivery -> byMessage.computeIfAbsent(delivery.path("messageId").asText(), id -> new ArrayList<>()).add(delivery));
    messages.forEach((message, type) -> {
      List<JsonNode> made = byMessage.getOrDefault(message, List.of());
      Set<String> actual = new TreeSet<>();
      made.forEach(delivery -> actual.add(delivery.path("channel").asText() + " " + delivery.path("address").asText()));
      Instant fanOut = made.stream().map(delivery -> OffsetDateTime.parse(delivery.path("createdAt").asText()).toInstant())
          .min(Instant::compareTo).orElse(null);
      List<Set<String>> allowed = candidates(account, type, fanOut).stream().map(routing -> recipients(account, type, routing)).toList();
      if (actual.size() != made.size() || !allowed.contains(actual)) {
        found.problem(account.id, "message " + message + " (" + type + ") of " + account.name + " went to " + actual
            + " in " + made.size() + " deliveries; its subscriptions then allow one of " + allowed);
      }
    });
  }

  /** How often the receivers got the delivery's message, against its status and the operator's resends. */
  private void received(Findings found, ModelAccount account, JsonNode delivery) {
    String status = delivery.path("status").asText();
    String shown = delivery.path("id").asText() + " (" + delivery.path("channel").asText() + " " + delivery.path("type").asText()
        + " to " + delivery.path("address").asText() + ", " + status + ", attempts " + delivery.path("attempts").asInt() + ")";
    if (delivery.path("channel").asText().equals("IN_APP")) {
      if (!status.equals("delivered")) {
        found.problem(account.id, "in-app delivery " + shown + " is not delivered");
      }
      return;
    }
    String key = DeliveryWorkload.key(account.id, delivery);
    long expected = 1 + workload.resends.getOrDefault(key, 0L);
    long received = receivers.received(key);
    found.sent += Math.min(received, expected);
    found.surplus += Math.max(0, received - expected);
    switch (status) {
      case "delivered" -> {
        if (received < expected) {
          found.problem(account.id, "delivery " + shown + " was received " + received + " times, expected " + expected);
        }
      }
      case "pending" -> {
        Instant next = OffsetDateTime.parse(delivery.path("nextAttemptAt").asText()).toInstant();
        if (!next.isAfter(Instant.now())) {
          found.problem(account.id, "delivery " + shown + " is due and not sent yet");
        } else if (!delivery.path("lastError").isNull() && !delivery.path("lastError").isMissingNode()) {
          found.problem(account.id, "delivery " + shown + " waits after an error: " + delivery.path("lastError").asText());
        } else {
          found.leased++;
          if (received < expected - 1) {
            found.problem(account.id, "delivery " + shown + " was received " + received + " times, expected " + (expected - 1) + " or more");
          }
        }
      }
      default -> found.problem(account.id, "delivery " + shown + " failed: " + delivery.path("lastError").asText());
    }
  }

  /**
   * The choices of {@code type} that may have applied to a fan-out stamped {@code fanOut} (every choice ever made when
   * there was no fan-out): each from the instant its change was sent until {@link #CHANGE_SLACK} after the next one was.
   */
  private List<ModelSubscriptions.Routing> candidates(ModelAccount account, String type, Instant fanOut) {
    List<ModelSubscriptions.Routing> candidates = new ArrayList<>();
    ModelSubscriptions.Routing current = ModelSubscriptions.TYPES.get(type).defaults();
    Instant from = Instant.MIN;
    for (ModelSubscriptions.Change change : workload.subscriptions.history) {
      if (!change.account().equals(account.id) || !change.type().equals(type)) {
        continue;
      }
      if (fanOut == null || !from.isAfter(fanOut) && !change.sentAt().plus(CHANGE_SLACK).isBefore(fanOut.minus(CHANGE_SLACK))) {
        candidates.add(current);
      }
      current = change.routing();
      from = change.sentAt();
    }
    if (fanOut == null || !from.isAfter(fanOut)) {
      candidates.add(current);
    }
    return candidates;
  }

  /** The recipients of {@code type} under {@code routing} and the type's floor, as docs/notices.md resolves them. */
  private static Set<String> recipients(ModelAccount account, String type, ModelSubscriptions.Routing routing) {
    ModelSubscriptions.Routing floor = ModelSubscriptions.TYPES.get(type).floor();
    int number = Integer.parseInt(account.name.substring(account.name.lastIndexOf('-') + 1));
    Set<String> recipients = new TreeSet<>();
    for (Map<String, Object> contact : DeliveryWorkload.contacts(number)) {
      Object role = contact.get("role");
      for (String channel : List.of("EMAIL", "SMS")) {
        Object address = contact.get(channel.equals("EMAIL") ? "email" : "phone");
        boolean reached = routing.channels().contains(channel) && routing.roles().contains(role)
            || floor.channels().contains(channel) && floor.roles().contains(role);
        if (reached && address != null) {
          recipients.add(channel + " " + address);
        }
      }
    }
    boolean inbox = routing.channels().contains("IN_APP") && !routing.roles().isEmpty()
        || !floor.roles().isEmpty() && floor.channels().contains("IN_APP");
    if (inbox) {
      recipients.add("IN_APP " + account.id);
    }
    return recipients;
  }

  /** Every item of a listing, page after page ({@code cursor} is the parameter that takes the answer's next). */
  private List<JsonNode> pages(ModelAccount account, String path, String cursor) {
    return pages(account.id, path, cursor);
  }

  private List<JsonNode> pages(String account, String path, String cursor) {
    List<JsonNode> items = new ArrayList<>();
    String next = null;
    do {
      JsonNode page = calls.get(account, path + (next == null ? "" : "&" + cursor + "=" + next)).body();
      page.path("items").forEach(items::add);
      next = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asText();
    } while (next != null);
    return items;
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the deliveries", interrupted);
    }
  }
}
