package io.tenure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Json;
import io.tenure.hold.EntitlementStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The two loads of {@code bench entitlements}: the route over HTTP from keep-alive clients, and its statement as a
 * bare JDBC loop (the ceiling). Each runs a warm-up of a third of the measured time first.
 */
final class EntitlementLoad {
  /** Latencies kept per client (the last slot holds the count): a hundred thousand reads of one client is plenty. */
  private static final int LATENCIES_PER_CLIENT_MAX = 100_000;

  private EntitlementLoad() {}

  /** Reads per second, the latency percentiles of the measured reads, and the answers that were not 200. */
  record Result(double perSecond, double p50Millis, double p99Millis, long failures, String cpu) {}

  /** One reader: reads until the deadline, recording the latencies (in nanoseconds) of those after {@code measureFrom}. */
  @FunctionalInterface
  private interface Reader {
    boolean read(String resourceId) throws Exception;
  }

  /** The operator's calls that set the benchmark up, each with a new Idempotency-Key; a refusal stops it. */
  record Operator(String baseUrl, String key) {
    JsonNode post(String path, Object body) {
      try {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
          throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.MAPPER.readTree(answer.body());
      } catch (IOException failure) {
        throw new IllegalStateException("POST " + path + " failed: " + failure.getMessage(), failure);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", interrupted);
      }
    }
  }

  static Result overHttp(String baseUrl, String key, List<String> ids, int clients, double seconds) throws InterruptedException {
    List<Reader> readers = new ArrayList<>();
    List<KeepAliveConnection> connections = new ArrayList<>();
    String authorization = "Authorization: Bearer " + key;
    for (int client = 0; client < clients; client++) {
      KeepAliveConnection http = new KeepAliveConnection(baseUrl);
      connections.add(http);
      readers.add(id -> http.send("GET", "/v1/resources/" + id + "/entitlements", null, authorization).status() == 200);
    }
    try {
      return run(readers, ids, seconds);
    } finally {
      connections.forEach(KeepAliveConnection::close);
    }
  }

  static Result bareSql(String jdbcUrl, List<String> ids, int clients, double seconds) throws InterruptedException, SQLException {
    List<Connection> connections = new ArrayList<>();
    List<Reader> readers = new ArrayList<>();
    try {
      for (int client = 0; client < clients; client++) {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        connections.add(connection);
        PreparedStatement statement = connection.prepareStatement(EntitlementStore.READ.replace(":id", "?"));
        readers.add(id -> {
          statement.setString(1, id);
          try (ResultSet rows = statement.executeQuery()) {
            boolean found = false;
            while (rows.next()) {
              found = true;
            }
            return found;
          }
        });
      }
      return run(readers, ids, seconds);
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  private static Result run(List<Reader> readers, List<String> ids, double seconds) throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + (long) (seconds / 3 * 1e9);
    long deadline = measureFrom + (long) (seconds * 1e9);
    AtomicLong failures = new AtomicLong();
    CpuShares cpu = new CpuShares();
    LongAdder clientsCpu = new LongAdder();
    LongAdder reads = new LongAdder();
    List<long[]> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (Reader reader : readers) {
      long[] own = new long[LATENCIES_PER_CLIENT_MAX + 1];
      int[] count = new int[1];
      latencies.add(own);
      threads.add(Thread.ofPlatform().name("bench-client-" + threads.size()).start(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
          try {
            boolean ok = reader.read(ids.get(random.nextInt(ids.size())));
            long took = System.nanoTime() - now;
            reads.increment();
            if (now >= measureFrom && count[0] < LATENCIES_PER_CLIENT_MAX) {
              own[count[0]++] = took;
              failures.addAndGet(ok ? 0 : 1);
            }
          } catch (Exception failure) {
            failures.incrementAndGet();
          }
        }
        own[LATENCIES_PER_CLIENT_MAX] = count[0];
        clientsCpu.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    // The CPU is of the warm-up's reads too, so it is divided by every read.
    return summary(latencies, seconds, failures.get(), cpu.perCall(reads.sum(), clientsCpu.sum()));
  }

  private static Result summary(List<long[]> latencies, double seconds, long failures, String cpu) {
    long total = latencies.stream().mapToLong(own -> own[own.length - 1]).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (long[] own : latencies) {
      int count = (int) own[own.length - 1];
      System.arraycopy(own, 0, all, at, count);
      at += count;
    }
    Arrays.sort(all);
    double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
    double p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6;
    return new Result(total / seconds, p50, p99, failures, cpu);
  }
}
