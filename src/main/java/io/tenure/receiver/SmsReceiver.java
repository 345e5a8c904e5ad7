package io.tenure.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tenure.delivery.SmsBodyTemplate;
import io.tenure.delivery.SmsGatewaySettings;
import io.tenure.delivery.SmsSuccessRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An SMS gateway on the loopback address: an HTTP receiver that takes the JSON body of {@link #BODY_TEMPLATE}, hands
 * its delivery key ({@code key}) to a consumer and answers as gateways like Alibaba Cloud SMS do
 * ({@code 200 {"Code":"OK","BizId":…}}); a body without a key is answered 400. Nothing else of a message is kept. One
 * virtual thread per request. Thread-safe.
 */
public final class SmsReceiver implements AutoCloseable {
  /** The body template of an SMS channel that sends here. */
  public static final String BODY_TEMPLATE = "{\"to\":\"{{phone}}\",\"text\":\"{{text}}\",\"key\":\"{{deliveryKey}}\"}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Consumer<String> deliveryKeys;
  private final AtomicLong answered = new AtomicLong();

  /** Listens on a free port; {@code deliveryKeys} takes the key of each message. */
  public SmsReceiver(Consumer<String> deliveryKeys) {
    this.deliveryKeys = deliveryKeys;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    } catch (IOException failure) {
      threads.close();
      throw new UncheckedIOException("the local SMS receiver could not listen", failure);
    }
    server.setExecutor(threads);
    server.createContext("/sms", this::answer);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
  }

  /** The settings of an SMS channel that sends here, judged as Alibaba Cloud SMS is (field {@code Code} is {@code OK}). */
  public SmsGatewaySettings settings(Duration timeout) {
    SmsSuccessRule rule = new SmsSuccessRule("2xx", Optional.of("Code"), Optional.of("OK"), Optional.of("BizId"), Set.of());
    return new SmsGatewaySettings("POST", url(), Map.of(), SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON, BODY_TEMPLATE),
        rule, timeout);
  }

  /** The same channel as the options of {@code tenure serve}. */
  public List<String> options() {
    return List.of("--sms-url", url().toString(), "--sms-body", BODY_TEMPLATE, "--sms-success-field", "Code=OK",
        "--sms-message-id-field", "BizId");
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      JsonNode request = JSON.readTree(body);
      JsonNode key = request == null ? null : request.get("key");
      if (key == null || !key.isTextual()) {
        respond(exchange, 400, "{\"Code\":\"isv.INVALID_PARAMETERS\"}");
        return;
      }
      deliveryKeys.accept(key.asText());
      respond(exchange, 200, "{\"Code\":\"OK\",\"BizId\":\"receiver-" + answered.incrementAndGet() + "\"}");
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
