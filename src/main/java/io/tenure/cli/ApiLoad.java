package io.tenure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The load of {@code bench api}: C clients, each on its own keep-alive HTTP/1.1 connection, repeating one round
 * of the money-moving calls (create an account, top it up, buy a month, renew it, change its add-ons) until the
 * time or the call budget runs out. It remembers every acknowledged amount per account, so that the balances can
 * be checked afterwards. Without a rate each client sends its next call as soon as the last one is answered (the
 * server's saturated rate); with a rate the clients together send on a fixed schedule of that many calls a second,
 * and each call's latency runs from the instant it was due to be sent, so a call the server made late counts its
 * lateness too (docs/performance.md, "bench api").
 */
final class ApiLoad {
  /** The calls of one round, in their order. */
  enum Call { CREATE_ACCOUNT, TOP_UP, BUY_MONTH, RENEW, CHANGE_ADD_ONS }

  static final String TOP_UP = "1000.00";
  /** How long a paced load runs on its restarted schedule before it is measured: the warm-up's queue drains first. */
  private static final Duration SCHEDULE_LEAD = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Object> NEW_ACCOUNT = Map.of("name", "Bench", "tier", "V1", "contacts",
      List.of(Map.of("name", "Olivia Owner", "role", "OWNER", "email", "owner@bench.example")));

  private final String baseUrl;
  private final String operatorKey;
  private final double rate;

  /** A load at {@code rate} calls a second from all clients together, or without pauses when it is 0. */
  ApiLoad(String baseUrl, String operatorKey, double rate) {
    this.baseUrl = baseUrl;
    this.operatorKey = operatorKey;
    this.rate = rate;
  }

  /** What the clients saw: latencies (ns) per call measured after the warm-up, failures, and money per account. */
  record Result(Map<Call, long[]> latencies, long measuredNanos, Map<Call, Long> failures, List<String> failureSamples,
      Map<String, BigDecimal> expectedBalances, String cpu, long calls, double warmUpSeconds,
      Optional<LoadWindow.Measured> measured) {}

  /**
   * Runs {@code clients} clients for the warm-up (see {@link LoadWindow}) then {@code seconds}, or until {@code calls}
   * calls, whichever first; {@code postgresCpu} reads PostgreSQL's CPU so far, for the part after the warm-up.
   */
  Result run(int clients, double warmUpSeconds, Duration jitSettle, double seconds, long calls,
      Supplier<OptionalLong> postgresCpu) throws InterruptedException {
    CpuShares cpu = new CpuShares();
    AtomicLong sent = new AtomicLong();
    LoadWindow window = new LoadWindow(warmUpSeconds, jitSettle, seconds, rate > 0 ? SCHEDULE_LEAD : Duration.ZERO, sent,
        postgresCpu);
    AtomicLong budget = new AtomicLong(calls);
    Map<String, BigDecimal> expected = new ConcurrentHashMap<>();
    LongAdder clientsCpu = new LongAdder();
    List<Client> running = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      Client client = new Client(window, budget, expected, sent, Schedule.of(rate, clients, i, start));
      running.add(client);
      threads.add(Thread.ofPlatform().name("bench-client-" + i).start(() -> {
        client.run();
        clientsCpu.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long end = System.nanoTime();
    Optional<LoadWindow.Measured> measured = window.end(sent.get(), clientsCpu.sum());
    return collect(running, window.measuredNanos(end), expected, cpu.perCall(sent.get(), clientsCpu.sum()), sent.get(),
        window.warmUpSeconds(end), measured);
  }

  private static Result collect(List<Client> clients, long measuredNanos, Map<String, BigDecimal> expected, String cpu,
      long calls, double warmUpSeconds, Optional<LoadWindow.Measured> measured) {
    Map<Call, long[]> latencies = new EnumMap<>(Call.class);
    Map<Call, Long> failures = new EnumMap<>(Call.class);
    List<String> samples = new ArrayList<>();
    for (Call call : Call.values()) {
      latencies.put(call, clients.stream().flatMapToLong(client -> client.samples.get(call).stream().mapToLong(Long::longValue)).sorted().toArray());
      failures.put(call, clients.stream().mapToLong(client -> client.failures.getOrDefault(call, 0L)).sum());
    }
    clients.forEach(client -> samples.addAll(client.failureSamples));
    return new Result(latencies, measuredNanos, failures, samples.stream().limit(5).toList(), expected, cpu, calls, warmUpSeconds, measured);
  }

  /** One client: its own HTTP client, so its own connection, kept alive across calls. */
  private final class Client implements Runnable {
    private final KeepAliveConnection http = new KeepAliveConnection(baseUrl);
    private final String authorization = "Authorization: Bearer " + operatorKey;
    private final LoadWindow window;
    private final AtomicLong budget;
    private final Map<String, BigDecimal> expected;
    private final AtomicLong sent;
    private final Schedule schedule;
    final Map<Call, List<Long>> samples = new EnumMap<>(Call.class);
    final Map<Call, Long> failures = new EnumMap<>(Call.class);
    final List<String> failureSamples = new ArrayList<>();

    Client(LoadWindow window, AtomicLong budget, Map<String, BigDecimal> expected, AtomicLong sent, Schedule schedule) {
      this.sent = sent;
      this.schedule = schedule;
      this.window = window;
      this.budget = budget;
      this.expected = expected;
      for (Call call : Call.values()) {
        samples.put(call, new ArrayList<>());
      }
    }

    @Override
    public void run() {
      try (http) {
        rounds();
      }
    }

    private void rounds() {
      while (window.open(System.nanoTime()) && budget.addAndGet(-Call.values().length) >= 0) {
        try {
          round();
        } catch (IOException failure) {
          failureSamples.add("connection: " + failure);
          return;
        }
      }
    }

    /** One round; a refused step ends the round, since the next ones need what it would have made. */
    private void round() throws IOException {
      JsonNode account = call(Call.CREATE_ACCOUNT, "POST", "/v1/accounts", NEW_ACCOUNT, false);
      if (account == null) {
        return;
      }
      String accountId = account.path("id").asText();
      expected.put(accountId, BigDecimal.ZERO.setScale(2));
      if (call(Call.TOP_UP, "POST", "/v1/accounts/" + accountId + "/top-ups", Map.of("amount", TOP_UP), true) == null) {
        return;
      }
      expected.merge(accountId, new BigDecimal(TOP_UP), BigDecimal::add);
      JsonNode bought = call(Call.BUY_MONTH, "POST", "/v1/resources", Map.of("accountId", accountId, "plan", "koodrive-basic",
          "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1)), true);
      if (bought == null) {
        return;
      }
      charge(accountId, bought);
      String resource = "/v1/resources/" + bought.path("id").asText();
      JsonNode renewed = call(Call.RENEW, "POST", resource + "/renewals", Map.of("periods", 1), true);
      if (renewed == null) {
        return;
      }
      charge(accountId, renewed);
      JsonNode changed = call(Call.CHANGE_ADD_ONS, "PUT", resource + "/add-ons",
          List.of(Map.of("code", "koodrive-users", "quantity", 3)), true);
      if (changed != null) {
        charge(accountId, changed);
      }
    }

    private void charge(String accountId, JsonNode resource) {
      JsonNode total = resource.path("bill").path("total");
      if (total.isTextual()) {
        expected.merge(accountId, new BigDecimal(total.asText()).negate(), BigDecimal::add);
      }
    }

    /** The answer's body when it is a 2xx; else null, counted as a failure of {@code call}. */
    private JsonNode call(Call call, String method, String path, Object body, boolean idempotent) throws IOException {
      byte[] bytes = JSON.writeValueAsBytes(body);
      String[] headers = idempotent
          ? new String[] {"Content-Type: application/json", authorization, "Idempotency-Key: " + UUID.randomUUID()}
          : new String[] {"Content-Type: application/json", authorization};
      long at = schedule.next(window.restartAt());
      KeepAliveConnection.Answer answer = http.send(method, path, bytes, headers);
      long answered = System.nanoTime();
      sent.incrementAndGet();
      if (window.measures(at)) {
        samples.get(call).add(answered - at);
      }
      if (answer.status() / 100 != 2) {
        failures.merge(call, 1L, Long::sum);
        if (failureSamples.size() < 5) {
          failureSamples.add(call + " " + answer.status() + " " + answer.text());
        }
        return null;
      }
      return JSON.readTree(answer.body());
    }
  }

  /**
   * When one client sends its calls: at once, or every {@code clients / rate} seconds, the clients' slots spread
   * evenly over that interval. A client the server made late sends its overdue calls at once and keeps their slots;
   * a backlog left by the warm-up is dropped when the schedule restarts ({@link LoadWindow#restartAt}), so that the
   * measured part measures the rate, not the warm-up's slower code.
   */
  static final class Schedule {
    private final long interval;
    private final long offset;
    private long slot;
    private long from;

    private Schedule(long interval, long offset, long start) {
      this.interval = interval;
      this.offset = offset;
      this.from = start;
      this.slot = start + offset - interval;
    }

    static Schedule of(double rate, int clients, int client, long start) {
      long interval = rate <= 0 ? 0 : Math.round(clients * 1e9 / rate);
      return new Schedule(interval, interval * client / clients, start);
    }

    /** The instant (nanoTime) the next call is due, once it has come; the schedule restarts at {@code restartAt} once passed. */
    long next(long restartAt) {
      if (interval == 0) {
        return System.nanoTime();
      }
      if (restartAt > from && restartAt <= System.nanoTime()) {
        from = restartAt;
        slot = Math.max(slot, restartAt + offset - interval);
      }
      slot += interval;
      for (long wait = slot - System.nanoTime(); wait > 0; wait = slot - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      return slot;
    }
  }
}
