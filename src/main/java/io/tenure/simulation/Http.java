package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The simulator's HTTP client: one keep-alive {@link HttpClient} for every node, JSON in and out. A call whose
 * reply never came (the node was killed, the connection dropped) throws {@link NoReply}, so that the caller can
 * resolve it. Thread-safe.
 */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final Cluster cluster;
  private final HttpClient client;

  Http(Cluster cluster) {
    this.cluster = cluster;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * A reply: its status, its JSON body (missing when empty), whether it replays an earlier answer, and the node
   * that sent it (whose log a failure report shows).
   */
  record Reply(int status, JsonNode body, boolean replayed, int node) {
    String code() {
      return body.path("error").path("code").asText("");
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The reply without the replay mark, to compare a replay with the first answer. */
    String content() {
      return status + " " + body;
    }
  }

  /** A call that got no reply at all: the caller cannot know whether it was applied. */
  static final class NoReply extends RuntimeException {
    NoReply(String call, Throwable cause) {
      super("no reply to " + call + ": " + cause, cause);
    }
  }

  Reply send(int node, String method, String path, Object body, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.node(node) + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + cluster.operatorKey());
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(text(body)));
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = parsed(response.body());
      boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
      return new Reply(response.statusCode(), json, replayed, node);
    } catch (IOException failure) {
      throw new NoReply(method + " " + path + " on node " + node, failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, interrupted);
    }
  }

  /**
   * The reply's body: JSON, missing when empty, or the text as it came when it is not JSON (Tenure never answers
   * so: the auditor reports it; it is not a lost reply to send again).
   */
  private static JsonNode parsed(String body) {
    if (body.isEmpty()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return TextNode.valueOf(body);
    }
  }

  static String text(Object body) {
    try {
      return body instanceof String string ? string : JSON.writeValueAsString(body);
    } catch (IOException failure) {
      throw new IllegalStateException("cannot write a request body", failure);
    }
  }
}
