package io.tenure.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * A metering agent: batches of usage events for a pay-as-you-go resource of an account of its own (outside the money
 * model: the hourly settlement bills it, {@link SettlementAudit} checks the bills), mixing new events, resends of earlier ones (some within the batch), and bad ones
 * (an unknown meter, a negative quantity, a time too old or too far ahead). The model is the set of (event id, UTC day)
 * accepted so far; each answer must reject exactly the bad events, and count every valid one as accepted or duplicate,
 * no more accepted than are new (a lost reply resent turns new ones into duplicates); at each checkpoint the stored
 * events of the retained days must be exactly the model's. The account starts with nothing in its wallet and is topped up
 * now and then by small amounts, so that its settlements take it into arrears (GRACE, FROZEN, perhaps a release) and
 * the top-ups restore it; a released resource is replaced by a new purchase.
 */
final class UsageWorkload {
  private static final List<String> METERS = List.of("vcpu_hours", "storage_gb_hours", "egress_gb");
  /** Days whose partitions Tenure keeps (io.tenure.usage.UsagePartitions.RETENTION_DAYS). */
  private static final int RETENTION_DAYS = 37;

  private record Sent(String id, Instant time, String meter, String quantity) {}

  private final Model model;
  private final Calls calls;
  private final Auditor auditor;
  private final Random random;
  private final Jdbi jdbi;
  final String account;
  private String resource;
  private final Set<String> accepted = new HashSet<>();
  /** The accepted quantity per resource, meter and UTC hour ({@link SettlementAudit#key}). */
  final Map<String, java.math.BigDecimal> quantities = new java.util.TreeMap<>();
  private final List<Sent> sent = new ArrayList<>();
  private long next;

  UsageWorkload(Model model, Calls calls, Auditor auditor, Random random, Jdbi jdbi) {
    this.model = model;
    this.calls = calls;
    this.auditor = auditor;
    this.random = random;
    this.jdbi = jdbi;
    Http.Reply account = calls.send(null, "POST", "/v1/accounts", Map.of("name", "sim-metered", "tier", model.catalog().tiers().getFirst(),
        "contacts", List.of(Map.of("name", "Mia Meter", "role", "OWNER", "email", "meter@sim.example"))), null);
    auditor.reply(null, "create the metered account", Expected.success(201, null), account);
    this.account = account.body().path("id").asText();
    resource = buy();
  }

  private String buy() {
    Http.Reply bought = calls.send(null, "POST", "/v1/resources", Map.of("accountId", account,
        "plan", "ecs-general", "billing", Map.of("mode", "PAYG")), "sim-metered-resource-" + next++);
    auditor.reply(null, "buy the metered resource", Expected.success(201, null), bought);
    return bought.body().path("id").asText();
  }

  /**
   * Now and then a small top-up of the metered account (which may end its arrears and restore its resource), and a
   * new resource when the current one was released; then one batch of events.
   */
  void step() {
    if (random.nextInt(3) == 0) {
      Http.Reply topUp = calls.send(null, "POST", "/v1/accounts/" + account + "/top-ups", Map.of("amount", (1 + random.nextInt(30)) + ".00"),
          "sim-metered-top-up-" + next++);
      auditor.reply(null, "top up the metered account", Expected.success(201, null), topUp);
    }
    if (calls.get(null, "/v1/resources/" + resource).body().path("phase").asText().equals("RELEASED")) {
      resource = buy();
      sent.clear();
    }
    send();
  }

  /** Sends one batch and checks its answer against the model. */
  private void send() {
    List<Map<String, Object>> events = new ArrayList<>();
    Map<Integer, String> bad = new LinkedHashMap<>();
    Set<String> keys = new HashSet<>();
    long fresh = 0;
    long valid = 0;
    for (int index = 0; index < 20; index++) {
      int kind = random.nextInt(10);
      if (kind < 2) {
        bad.put(index, badEvent(events, index));
        continue;
      }
      Sent event = kind < 5 && !recent().isEmpty() ? recent().get(random.nextInt(recent().size()))
          : new Sent("u-" + next++, model.now.minus(Duration.ofMinutes(random.nextInt(120))), METERS.get(random.nextInt(3)),
              random.nextInt(1000) + ".25");
      // A resend is the same event: same meter and quantity (the stored one is what is billed).
      events.add(event(event.id(), event.meter(), event.quantity(), event.time()));
      valid++;
      String key = key(event);
      if (!accepted.contains(key) && keys.add(key)) {
        fresh++;
        sent.add(event);
        quantities.merge(SettlementAudit.key(resource, event.meter(), event.time()), new java.math.BigDecimal(event.quantity()),
            java.math.BigDecimal::add);
      }
    }
    Http.Reply reply = calls.send(null, "POST", "/v1/usage", Map.of("events", events), null);
    auditor.reply(null, "post usage", Expected.success(200, null), reply);
    List<String> rejected = new ArrayList<>();
    reply.body().path("rejected").forEach(r -> rejected.add(r.path("index").asInt() + " " + r.path("code").asText()));
    List<String> expectedRejected = bad.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    long acceptedNow = reply.body().path("accepted").asLong();
    long duplicates = reply.body().path("duplicates").asLong();
    auditor.usage("post usage: rejected " + rejected + ", accepted " + acceptedNow + ", duplicates " + duplicates,
        rejected.equals(expectedRejected) && acceptedNow + duplicates == valid && acceptedNow <= fresh,
        "rejected " + expectedRejected + ", accepted at most " + fresh + " of " + valid + " valid");
    accepted.addAll(keys);
  }

  /** Checks that the stored events of the retained days are exactly the accepted ones: none lost, none twice. */
  void checkpoint() {
    LocalDate oldest = LocalDate.ofInstant(model.now, ZoneOffset.UTC).minusDays(RETENTION_DAYS);
    long expected = accepted.stream().filter(key -> !LocalDate.parse(key.substring(0, 10)).isBefore(oldest)).count();
    long stored = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM usage_events WHERE resource_id IN "
        + "(SELECT id FROM resources WHERE account_id = :account) AND day >= :oldest").bind("account", account).bind("oldest", oldest)
        .mapTo(Long.class).one());
    auditor.usage("stored usage events: " + stored, stored == expected, expected + " accepted events of the retained days");
  }

  /** The start of the oldest day whose usage Tenure must still keep now. */
  Instant oldestKept() {
    return LocalDate.ofInstant(model.now, ZoneOffset.UTC).minusDays(RETENTION_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The accepted quantities of the hours from {@link #oldestKept} on ({@link SettlementAudit#key}). */
  Map<String, java.math.BigDecimal> retainedQuantities() {
    Instant oldest = oldestKept();
    Map<String, java.math.BigDecimal> retained = new java.util.TreeMap<>(quantities);
    retained.keySet().removeIf(key -> Instant.parse(key.substring(key.lastIndexOf(' ') + 1)).isBefore(oldest));
    return retained;
  }

  /** Events sent within the last 34 days, which may be resent and still be inside the window. */
  private List<Sent> recent() {
    Instant oldest = model.now.minus(Duration.ofDays(34));
    sent.removeIf(event -> event.time().isBefore(oldest));
    return sent;
  }

  private String badEvent(List<Map<String, Object>> events, int index) {
    String id = "bad-" + next++;
    return switch (random.nextInt(4)) {
      case 0 -> add(events, event(id, "gpu_hours", "1", model.now), "UNKNOWN_METER");
      case 1 -> add(events, event(id, "vcpu_hours", "-1", model.now), "INVALID_QUANTITY");
      case 2 -> add(events, event(id, "vcpu_hours", "1", model.now.minus(Duration.ofDays(36))), "TIME_OUT_OF_RANGE");
      default -> add(events, event(id, "vcpu_hours", "1", model.now.plus(Duration.ofHours(1))), "TIME_OUT_OF_RANGE");
    };
  }

  private static String add(List<Map<String, Object>> events, Map<String, Object> event, String code) {
    events.add(event);
    return code;
  }

  private Map<String, Object> event(String id, String meter, String quantity, Instant time) {
    return Map.of("id", id, "resourceId", resource, "meter", meter, "quantity", quantity, "time", time.toString());
  }

  private static String key(Sent event) {
    return LocalDate.ofInstant(event.time(), ZoneOffset.UTC) + " " + event.id();
  }
}
