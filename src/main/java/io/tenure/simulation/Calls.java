package io.tenure.simulation;

import java.util.Random;

/**
 * Sends the workload's calls to random nodes and resolves a reply that never came: a call with an
 * Idempotency-Key is sent again, with the same key, to another node; the first reply that comes is the answer.
 * Counts the calls sent and the replies lost. Used by one thread at a time, except {@link Http}, which is shared.
 */
final class Calls {
  private static final int ATTEMPTS_MAX = 8;

  final Http http;
  private final Cluster cluster;
  private final Random random;
  private final Journal journal;
  long sent;
  long lost;

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

  /** {@link #send} to {@code first}; with {@code stay}, lost replies are resolved on that node again (the clock's). */
  Http.Reply send(int first, boolean stay, String account, String method, String path, Object body, String key) {
    int node = first;
    for (int attempt = 1; ; attempt++) {
      try {
        Http.Reply reply = http.send(node, method, path, body, key);
        sent++;
        journal.add(account, "node " + node + ": " + method + " " + path + (body == null ? "" : " " + shorter(Http.text(body)))
            + (key == null ? "" : " [Idempotency-Key " + key + "]") + " -> " + shorter(reply.content()));
        return reply;
      } catch (Http.NoReply noReply) {
        lost++;
        journal.add(account, "node " + node + ": " + method + " " + path + " -> no reply; sent again");
        if (attempt == ATTEMPTS_MAX) {
          throw new Violation(account, method + " " + path + " got no reply in " + ATTEMPTS_MAX + " attempts: " + noReply.getMessage());
        }
        node = stay ? node : (node + 1) % cluster.size();
      }
    }
  }

  /** A call that must not be sent twice blindly: a lost reply is the caller's to resolve. */
  Http.Reply once(String account, String method, String path, Object body) {
    int node = randomNode();
    try {
      Http.Reply reply = http.send(node, method, path, body, null);
      sent++;
      journal.add(account, "node " + node + ": " + method + " " + path + " " + shorter(Http.text(body)) + " -> " + shorter(reply.content()));
      return reply;
    } catch (Http.NoReply noReply) {
      lost++;
      journal.add(account, "node " + node + ": " + method + " " + path + " -> no reply; resolved by reading");
      throw noReply;
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
