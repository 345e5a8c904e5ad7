package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider for the simulation: an endpoint that takes every event but {@code resource.release_requested} (so that
 * releases complete at once, as the model expects), verifies each request with the Standard Webhooks library,
 * refuses one in seven with 503 to make Tenure retry, and records a problem when a resource's events arrive out of
 * order (a sequence lower than one it accepted before for the same resource) or when a resource it was told is
 * unsubscribed gets any later event (it is never served again). The auditor checks at each checkpoint that there is
 * none.
 */
final class WebhookWorkload implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> EVENTS = List.of("resource.activated", "resource.grace", "resource.frozen",
      "resource.released", "resource.restored", "resource.unsubscribed", "resource.entitlements_changed");
  private static final String UNSUBSCRIBED = "resource.unsubscribed";

  private final HttpServer server;
  private final Map<String, Long> lastSequence = new HashMap<>();
  /** The sequence of each resource's resource.unsubscribed: nothing may follow it. */
  private final Map<String, Long> unsubscribedAt = new HashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final AtomicLong requests = new AtomicLong();
  private volatile Webhook verifier;

  WebhookWorkload(Calls calls, Auditor auditor) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    server.createContext("/hooks", this::receive);
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    Http.Reply created = calls.send(null, "POST", "/v1/webhook-endpoints", Map.of("url", url, "events", EVENTS), null);
    auditor.reply(null, "create a webhook endpoint", Expected.success(201, null), created);
    try {
      verifier = new Webhook(created.body().path("secret").asText());
    } catch (Exception invalid) {
      throw new IllegalStateException("the webhook endpoint's secret is not a Standard Webhooks secret", invalid);
    }
  }

  /** Every event received out of order, or failing verification, so far. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  private void receive(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int status = 200;
    try {
      verifier.verify(body, exchange.getRequestHeaders());
      if (requests.incrementAndGet() % 7 == 0) {
        status = 503;
      } else {
        accept(JSON.readTree(body));
      }
    } catch (Exception refused) {
      problems.add("a webhook failed verification: " + refused.getMessage());
      status = 400;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private synchronized void accept(JsonNode event) {
    String resource = event.path("data").path("resource").asText();
    long sequence = event.path("data").path("sequence").asLong();
    Long last = lastSequence.get(resource);
    if (last != null && sequence < last) {
      problems.add("resource " + resource + " received " + event.path("type").asText() + " (sequence " + sequence
          + ") after sequence " + last);
    }
    lastSequence.merge(resource, sequence, Math::max);
    Long ended = unsubscribedAt.get(resource);
    if (ended != null && sequence > ended) {
      problems.add("resource " + resource + " received " + event.path("type").asText() + " (sequence " + sequence
          + ") after it was unsubscribed (sequence " + ended + ")");
    }
    if (event.path("type").asText().equals(UNSUBSCRIBED)) {
      unsubscribedAt.put(resource, sequence);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
