package io.tenure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SMS gateway of {@code bench notices}: a local HTTP receiver that takes a JSON body with the delivery key in
 * {@code key}, records the key and answers as gateways like Alibaba Cloud SMS do ({@code 200 {"Code":"OK","BizId":…}}).
 * Nothing else of a message is kept.
 */
final class SmsReceiver implements AutoCloseable {
  /** The body template the benchmark's SMS channel is configured with. */
  static final String BODY_TEMPLATE = "{\"to\":\"{{phone}}\",\"text\":\"{{text}}\",\"key\":\"{{deliveryKey}}\"}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicReference<Receipts> receipts;
  private final AtomicLong answered = new AtomicLong();

  SmsReceiver(Receipts initial) throws IOException {
    receipts = new AtomicReference<>(initial);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.setExecutor(threads);
    server.createContext("/sms", this::answer);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
  }

  /** From now on, records into {@code next}. */
  void recordInto(Receipts next) {
    receipts.set(next);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      JsonNode request = JSON.readTree(body);
      JsonNode key = request == null ? null : request.get("key");
      if (key == null || !key.isTextual()) {
        respond(exchange, 400, "{\"Code\":\"isv.INVALID_PARAMETERS\"}");
        return;
      }
      receipts.get().record(key.asText());
      respond(exchange, 200, "{\"Code\":\"OK\",\"BizId\":\"bench-" + answered.incrementAndGet() + "\"}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.close();
  }
}
