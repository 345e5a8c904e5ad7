package io.tenure.simulation;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the workload's calls to random nodes and resolves a reply that never came: a call with an
 * Idempotency-Key is sent again, with the same key, to another node; the first reply that comes is the answer.
 * Counts the calls sent and the replies lost. The workload's thread draws the nodes; the threads that send one
 * call several times at once only send.
 */
final class Calls {
  /** With a pause growing to {@link #PAUSE_MILLIS_MAX}, long enough for a killed node to restart (5 to 20 s). */
  private static final int ATTEMPTS_MAX = 40;
  private static final long PAUSE_MILLIS_MAX = 3_000;

  final Http http;
  private final Cluster cluster;
  private final Random random;
  private final Journal journal;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();

  Calls(Cluster cluster, Random random, Journal journal) {
    this.cluster = cluster;
    this.http = new Http(cluster);
    this.random = random;
    this.journal = journal;
  }

  int randomNode() {
    return random.nextInt(cluster.size());
  }

  /** A call that is safe to send again as it is (a read, a keyed money call, setting a flag). */
  Http.Reply send(String account, String method, String path, Object body, String key) {
    return send(randomNode(), false, account, method, path, body, key);
  }

  /** One of several calls sent at once: to {@code node}, with the Idempotency-Key {@code key}. */
  record Call(String method, String path, Object body, int node, String key) {}

  /** The calls sent from as many of {@code threads} at once, each resolved as {@link #send}; the replies in their order. */
  List<Http.Reply> atOnce(String account, List<Call> calls, ExecutorService threads) {
    List<CompletableFuture<Http.Reply>> replies = calls.stream().map(call -> CompletableFuture.supplyAsync(
        () -> send(call.node(), false, account, call.method(), call.path(), call.body(), call.key()), threads)).toList();
    return replies.stream().map(CompletableFuture::join).toList();
  }

  /**
   * {@link #send} to {@code first}; with {@code stay}, lost replies are resolved on that node again (the clock's).
   * A reply that never came, and a reply that asks for the call again ({@link #sendAgain}), are sent again with
   * the same key after a pause, to the next node.
   */
  Http.Reply send(int first, boolean stay, String account, String method, String path, Object body, String key) {
    int node = first;
    for (int attempt = 1; ; attempt++) {
      String call = "node " + node + ": " + method + " " + path;
      try {
        Http.Reply reply = http.send(node, method, path, body, key);
        sent.incrementAndGet();
        journal.add(account, call + (body == null ? "" : " " + shorter(Http.text(body)))
            + (key == null ? "" : " [Idempotency-Key " + key + "]") + " -> " + shorter(reply.content()));
        if (!sendAgain(reply)) {
          return reply;
        }
      } catch (Http.NoReply noReply) {
        lost.incrementAndGet();
        journal.add(account, call + " -> no reply; sent again");
        if (attempt == ATTEMPTS_MAX) {
          throw new Violation(account, method + " " + path + " got no reply in " + ATTEMPTS_MAX + " attempts: " + noReply.getMessage());
        }
      }
      if (attempt == ATTEMPTS_MAX) {
        throw new Violation(account, node, method + " " + path + " answered " + ATTEMPTS_MAX + " times to be sent again");
      }
      pause(attempt);
      node = stay ? node : (node + 1) % cluster.size();
    }
  }

  /**
   * A reply that asks for the call again: 503 (the database connection was lost: nothing was committed) and 409
   * {@code IDEMPOTENCY_KEY_IN_FLIGHT} (the first request with the key has not finished).
   */
  private static boolean sendAgain(Http.Reply reply) {
    return reply.status() == 503 || reply.status() == 409 && reply.code().equals("IDEMPOTENCY_KEY_IN_FLIGHT");
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(PAUSE_MILLIS_MAX, 100L * attempt));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resending a call", interrupted);
    }
  }

  long sent() {
    return sent.get();
  }

  long lost() {
    return lost.get();
  }

  /**
   * A call that must not be sent twice blindly: a lost reply is the caller's to resolve. A 503 committed nothing
   * and is sent again.
   */
  Http.Reply once(String account, String method, String path, Object body) {
    for (int attempt = 1; ; attempt++) {
      int node = randomNode();
      try {
        Http.Reply reply = http.send(node, method, path, body, null);
        sent.incrementAndGet();
        journal.add(account, "node " + node + ": " + method + " " + path + " " + shorter(Http.text(body)) + " -> "
            + shorter(reply.content()));
        if (reply.status() != 503 || attempt == ATTEMPTS_MAX) {
          return reply;
        }
      } catch (Http.NoReply noReply) {
        lost.incrementAndGet();
        journal.add(account, "node " + node + ": " + method + " " + path + " -> no reply; resolved by reading");
        throw noReply;
      }
      pause(attempt);
    }
  }

  /** A line of the journal stays readable: a catalog or a long page is cut. */
  private static String shorter(String text) {
    return text.length() <= 400 ? text : text.substring(0, 400) + "…";
  }

  /** A read or a global call, not tied to one account. */
  Http.Reply get(String account, String path) {
    return send(account, "GET", path, null, null);
  }
}
