package io.tenure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * {@code bench ingest}: C clients post their pre-built batches to a running Tenure, each over one keep-alive
 * connection, and the same new rows are then COPYed straight into a plain table of the same database from C
 * connections: the ceiling no ingestion can pass. Checks that every new event was stored once and every resend
 * counted as a duplicate.
 */
final class IngestBenchmark {

  /** What was measured and whether the counts agree. */
  record Result(long accepted, long duplicates, double acceptedPerSecond, double copyPerSecond, boolean passed) {
    String summary() {
      return "ingest: %.0f events/s accepted, %d duplicates detected, copy ceiling %.0f rows/s".formatted(acceptedPerSecond,
          duplicates, copyPerSecond);
    }
  }

  private final String baseUrl;
  private final String operatorKey;
  private final String jdbcUrl;
  private final PrintWriter out;

  IngestBenchmark(String baseUrl, String operatorKey, String jdbcUrl, PrintWriter out) {
    this.baseUrl = baseUrl;
    this.operatorKey = operatorKey;
    this.jdbcUrl = jdbcUrl;
    this.out = out;
  }

  Result run(int clients, int batchesPerClient, double resendShare, int accounts, int resources) throws Exception {
    HttpClient setup = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String> world = world(setup, accounts, resources);
    Instant now = Instant.now();
    List<IngestBatches> batches = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      batches.add(new IngestBatches(client, batchesPerClient, 1_000, resendShare, world, now));
    }
    long expectedNew = batches.stream().mapToLong(b -> b.newEvents).sum();
    long expectedResent = batches.stream().mapToLong(b -> b.resent).sum();
    out.printf("bench ingest - %d clients x %d batches of 1000 events (%d new, %d resent) on %d resources; load average %s%n",
        clients, batchesPerClient, expectedNew, expectedResent, world.size(), loadAverage());
    out.flush();
    AtomicLong accepted = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    long started = System.nanoTime();
    everyClient(clients, client -> post(batches.get(client), accepted, duplicates));
    double seconds = (System.nanoTime() - started) / 1e9;
    long stored = count("SELECT count(*) FROM usage_events");
    out.printf("bench ingest - %d accepted, %d duplicates in %.2f s (%.0f events/s sent, duplicates included); "
        + "%d rows stored; load average %s%n", accepted.get(), duplicates.get(), seconds,
        (accepted.get() + duplicates.get()) / seconds, stored, loadAverage());
    double copyRate = copyCeiling(batches);
    out.printf("bench ingest - copy ceiling: the same %d rows by COPY from %d connections into a plain table; load average %s%n",
        expectedNew, clients, loadAverage());
    boolean passed = accepted.get() == expectedNew && duplicates.get() == expectedResent && stored == expectedNew;
    if (!passed) {
      out.printf("bench ingest - FAILED: expected %d accepted and %d duplicates with %d rows stored%n", expectedNew,
          expectedResent, expectedNew);
    }
    return new Result(accepted.get(), duplicates.get(), accepted.get() / seconds, copyRate, passed);
  }

  /** Accounts with pay-as-you-go ecs-general resources, made through the API; returns the resources' ids. */
  private List<String> world(HttpClient http, int accounts, int resources) throws IOException, InterruptedException {
    List<String> accountIds = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      accountIds.add(send(http, "/v1/accounts", Map.of("name", "Ingest " + i, "tier", "V1", "contacts",
          List.of(Map.of("name", "Olivia Owner", "role", "OWNER", "email", "owner@ingest.example")))).path("id").asText());
    }
    List<String> resourceIds = new ArrayList<>();
    for (int i = 0; i < resources; i++) {
      resourceIds.add(send(http, "/v1/resources", Map.of("accountId", accountIds.get(i % accounts), "plan", "ecs-general",
          "billing", Map.of("mode", "PAYG"))).path("id").asText());
    }
    return resourceIds;
  }

  private JsonNode send(HttpClient http, String path, Object body) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(request(path, Json.write(body).getBytes()), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException("bench ingest - setting up the world: " + path + " answered " + answer.statusCode()
          + " " + answer.body());
    }
    return Json.MAPPER.readTree(answer.body());
  }

  private HttpRequest request(String path, byte[] body) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + operatorKey).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  /** One client: its batches in order on one keep-alive connection; a batch resends the previous, committed one. */
  private Void post(IngestBatches batches, AtomicLong accepted, AtomicLong duplicates) throws IOException {
    // The benches' plain-socket client: java.net.http's own CPU would be counted against the server on two cores.
    try (KeepAliveConnection http = new KeepAliveConnection(baseUrl)) {
      for (byte[] body : batches.bodies) {
        KeepAliveConnection.Answer answer = http.send("POST", "/v1/usage", body, "Authorization: Bearer " + operatorKey,
            "Content-Type: application/json");
        JsonNode result = answer.status() == 200 ? Json.MAPPER.readTree(answer.body()) : null;
        if (result == null || !result.path("rejected").isEmpty()) {
          String text = answer.text();
          throw new IllegalStateException("bench ingest - POST /v1/usage answered " + answer.status() + " "
              + text.substring(0, Math.min(300, text.length())));
        }
        accepted.addAndGet(result.path("accepted").asLong());
        duplicates.addAndGet(result.path("duplicates").asLong());
      }
    }
    return null;
  }

  /** The COPY rate of the same new rows into a plain logged table without indexes, one transaction per batch. */
  private double copyCeiling(List<IngestBatches> batches) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS bench_copy_ceiling");
      statement.execute("CREATE TABLE bench_copy_ceiling (resource_id text COLLATE \"C\", event_id text COLLATE \"C\", "
          + "day date, meter text COLLATE \"C\", quantity numeric(30, 12), time timestamptz, received_at timestamptz)");
    }
    long started = System.nanoTime();
    everyClient(batches.size(), client -> {
      try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (String rows : batches.get(client).copyRows) {
          copy.copyIn("COPY bench_copy_ceiling FROM STDIN", new StringReader(rows));
        }
      }
      return null;
    });
    double seconds = (System.nanoTime() - started) / 1e9;
    long rows = count("SELECT count(*) FROM bench_copy_ceiling");
    try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE bench_copy_ceiling");
    }
    return rows / seconds;
  }

  /** A unit of work of one client. */
  @FunctionalInterface
  private interface ClientWork {
    Void run(int client) throws Exception;
  }

  private static void everyClient(int clients, ClientWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        int each = client;
        running.add(pool.submit((Callable<Void>) () -> work.run(each)));
      }
      for (Future<Void> one : running) {
        one.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The machine's 1, 5 and 15-minute load averages, or "unknown" where /proc is not there. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException unavailable) {
      return "unknown";
    }
  }
}
