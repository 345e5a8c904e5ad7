package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benches' HTTP client against the JDK's own HTTP server: framing, keep-alive and reconnecting. */
class KeepAliveConnectionTest {
  private HttpServer server;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/fixed", exchange -> answer(exchange, 200, "fixed " + exchange.getRequestMethod(), false));
    server.createContext("/echo", exchange -> answer(exchange, 201, new String(exchange.getRequestBody().readAllBytes(),
        StandardCharsets.UTF_8) + "|" + exchange.getRequestHeaders().getFirst("Idempotency-Key"), false));
    server.createContext("/chunked", exchange -> answer(exchange, 200, "chunked ".repeat(5000), true));
    server.createContext("/closing", exchange -> {
      exchange.getResponseHeaders().add("Connection", "close");
      answer(exchange, 404, "gone", false);
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange, int status, String body, boolean chunked) throws IOException {
    clientPorts.add(exchange.getRemoteAddress().getPort());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String baseUrl() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  @Test
  void readsAnswersOfAKnownLengthAndKeepsOneConnectionForAllOfThem() throws IOException {
    try (KeepAliveConnection connection = new KeepAliveConnection(baseUrl())) {
      for (int call = 0; call < 3; call++) {
        KeepAliveConnection.Answer answer = connection.send("GET", "/fixed", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("fixed GET");
      }
    }
    assertThat(clientPorts).hasSize(1);
  }

  @Test
  void sendsTheBodyAndTheHeadersItIsGiven() throws IOException {
    try (KeepAliveConnection connection = new KeepAliveConnection(baseUrl())) {
      KeepAliveConnection.Answer answer = connection.send("POST", "/echo", "{\"amount\":\"1.00\"}".getBytes(StandardCharsets.UTF_8),
          "Content-Type: application/json", "Idempotency-Key: key-1");

      assertThat(answer.status()).isEqualTo(201);
      assertThat(answer.text()).isEqualTo("{\"amount\":\"1.00\"}|key-1");
    }
  }

  @Test
  void readsAChunkedAnswerLongerThanItsBuffer() throws IOException {
    try (KeepAliveConnection connection = new KeepAliveConnection(baseUrl())) {
      assertThat(connection.send("GET", "/chunked", null).text()).isEqualTo("chunked ".repeat(5000));
      assertThat(connection.send("GET", "/fixed", null).text()).isEqualTo("fixed GET");
    }
  }

  @Test
  void opensANewConnectionAfterTheServerClosedItsOwn() throws IOException {
    try (KeepAliveConnection connection = new KeepAliveConnection(baseUrl())) {
      KeepAliveConnection.Answer gone = connection.send("GET", "/closing", null);
      KeepAliveConnection.Answer next = connection.send("GET", "/fixed", null);

      assertThat(gone.status()).isEqualTo(404);
      assertThat(gone.text()).isEqualTo("gone");
      assertThat(next.text()).isEqualTo("fixed GET");
    }
    assertThat(clientPorts).hasSize(2);
  }
}
