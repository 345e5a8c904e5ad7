package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The operator's side of deliveries: listing them with random filters ({@code GET /v1/messages?status=&channel=
 * &accountId=}), each page checked against its filters and its order, and resending a delivered e-mail or SMS
 * ({@code POST /v1/messages/{id}/resend}), which must then arrive once more. Every account has four contacts, one per
 * role, so that notices go out by e-mail and SMS; {@link DeliveryAudit} checks at the end what the receivers got.
 * Draws from a random source of its own: which deliveries exist at a moment depends on the dispatcher's real-time
 * progress, and must not change the rest of the seed's calls.
 */
final class DeliveryWorkload {
  private static final List<String> STATUSES = List.of("pending", "delivered", "failed");
  private static final List<String> CHANNELS = List.of("EMAIL", "SMS", "IN_APP");

  private final Model model;
  private final Calls calls;
  private final Auditor auditor;
  private final Random random;
  final ModelSubscriptions subscriptions;
  /** How often each delivery key was resent by the operator and accepted as pending again. */
  final Map<String, Long> resends = new HashMap<>();

  DeliveryWorkload(Model model, Calls calls, Auditor auditor, ModelSubscriptions subscriptions, long seed) {
    this.model = model;
    this.calls = calls;
    this.auditor = auditor;
    this.subscriptions = subscriptions;
    this.random = new Random(seed * 31 + 11);
  }

  /**
   * The contacts of account {@code number}: an owner and a resource collaborator with both addresses, a finance
   * collaborator with e-mail only and a collaborator with a phone only (skipped on the channel it lacks).
   */
  static List<Map<String, Object>> contacts(int number) {
    return List.of(
        Map.of("name", "Owner " + number, "role", "OWNER", "email", "owner" + number + "@example.com", "phone", phone(number, 1)),
        Map.of("name", "Ops " + number, "role", "RESOURCE_COLLABORATOR", "email", "ops" + number + "@example.com", "phone", phone(number, 2)),
        Map.of("name", "Finance " + number, "role", "FINANCE_COLLABORATOR", "email", "finance" + number + "@example.com"),
        Map.of("name", "Team " + number, "role", "COLLABORATOR", "phone", phone(number, 4)));
  }

  private static String phone(int number, int role) {
    return "+86139" + String.format("%08d", number * 10 + role);
  }

  /** One operator action: a filtered listing, or a resend of a delivered message. */
  void operatorAction() {
    if (random.nextBoolean()) {
      list();
    } else {
      resend();
    }
  }

  private ModelAccount randomAccount() {
    List<ModelAccount> accounts = new ArrayList<>(model.accounts.values());
    return accounts.get(random.nextInt(accounts.size()));
  }

  private void list() {
    Map<String, String> filters = new LinkedHashMap<>();
    if (random.nextBoolean()) {
      filters.put("status", STATUSES.get(random.nextInt(STATUSES.size())));
    }
    if (random.nextBoolean()) {
      filters.put("channel", CHANNELS.get(random.nextInt(CHANNELS.size())));
    }
    ModelAccount account = random.nextBoolean() ? randomAccount() : null;
    if (account != null) {
      filters.put("accountId", account.id);
    }
    StringBuilder query = new StringBuilder("/v1/messages?limit=" + (1 + random.nextInt(20)));
    filters.forEach((name, value) -> query.append('&').append(name).append('=').append(value));
    long last = 0;
    String after = null;
    for (int page = 0; page < 2; page++) {
      Http.Reply reply = calls.get(account == null ? null : account.id, query + (after == null ? "" : "&after=" + after));
      auditor.reply(account, "list deliveries " + filters, Expected.success(200, null), reply);
      for (JsonNode delivery : reply.body().path("items")) {
        auditor.checks++;
        long id = Long.parseLong(delivery.path("id").asText().substring(4));
        boolean matches = id > last && filters.entrySet().stream().allMatch(filter -> delivery.path(filter.getKey()).asText().equals(filter.getValue()));
        if (!matches) {
          throw new Violation(account == null ? null : account.id, "GET " + query + " listed " + delivery + " after dlv_" + last
              + ": not oldest first, or not matching " + filters);
        }
        last = id;
      }
      JsonNode next = reply.body().path("next");
      if (next.isNull() || next.isMissingNode()) {
        return;
      }
      after = next.asText();
    }
  }

  private void resend() {
    ModelAccount account = randomAccount();
    String channel = random.nextBoolean() ? "EMAIL" : "SMS";
    JsonNode page = calls.get(account.id, "/v1/messages?status=delivered&channel=" + channel + "&accountId=" + account.id
        + "&limit=100").body();
    List<JsonNode> delivered = new ArrayList<>();
    page.path("items").forEach(delivered::add);
    if (delivered.isEmpty()) {
      return;
    }
    JsonNode chosen = delivered.get(random.nextInt(delivered.size()));
    String id = chosen.path("id").asText();
    // Safe to send again: a delivery that is pending already stays as it is.
    Http.Reply reply = calls.send(account.id, "POST", "/v1/messages/" + id + "/resend", null, null);
    auditor.reply(account, "resend " + id, Expected.success(200, null), reply);
    auditor.checks++;
    if (!reply.body().path("status").asText().equals("pending") || reply.body().path("attempts").asInt(-1) != 0) {
      throw new Violation(account.id, reply.node(), "resend " + id + ": expected it pending with no attempts, got " + reply.content());
    }
    resends.merge(key(account.id, chosen), 1L, Long::sum);
  }

  /** A delivery's deduplication key as Tenure makes it: {@code <account>|<message number>|<channel>|<address>}. */
  static String key(String account, JsonNode delivery) {
    return account + "|" + delivery.path("messageId").asText().substring(4) + "|" + delivery.path("channel").asText() + "|"
        + delivery.path("address").asText();
  }
}
