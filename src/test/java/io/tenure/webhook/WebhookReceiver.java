package io.tenure.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * A provider's webhook endpoint for tests: verifies every request with the Standard Webhooks library, as a provider
 * would (docs/providers.md), answers what {@code answer} says, and keeps what it accepted and what it saw.
 */
final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as it arrived. */
  record Received(String id, String timestamp, String signature, String body, JsonNode event, int answered) {
    String type() {
      return event.path("type").asText();
    }

    long sequence() {
      return event.path("data").path("sequence").asLong();
    }
  }

  private final HttpServer server;
  private final List<Received> seen = new CopyOnWriteArrayList<>();
  private final List<String> rejected = new CopyOnWriteArrayList<>();
  private volatile String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
  private volatile ToIntFunction<JsonNode> answer = event -> 200;

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    server.createContext("/hooks", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  void secret(String newSecret) {
    secret = newSecret;
  }

  /** The status to answer for a verified event. */
  void answer(ToIntFunction<JsonNode> newAnswer) {
    answer = newAnswer;
  }

  List<Received> seen() {
    return List.copyOf(seen);
  }

  /** The events answered with a 2xx, in the order they arrived. */
  List<Received> accepted() {
    return seen.stream().filter(received -> received.answered() / 100 == 2).toList();
  }

  List<String> rejected() {
    return List.copyOf(rejected);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, List<String>> headers = exchange.getRequestHeaders();
    int status;
    try {
      new Webhook(secret).verify(body, headers);
      JsonNode event = JSON.readTree(body);
      status = answer.applyAsInt(event);
      seen.add(new Received(first(headers, "webhook-id"), first(headers, "webhook-timestamp"),
          first(headers, "webhook-signature"), body, event, status));
    } catch (Exception refused) {
      rejected.add(refused.getMessage());
      status = 400;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = new ArrayList<>(headers.getOrDefault(name, List.of()));
    return values.isEmpty() ? null : values.getFirst();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
