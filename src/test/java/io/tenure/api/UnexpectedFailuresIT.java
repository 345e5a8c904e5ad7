package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Javalin would answer with an empty body (a {@link java.lang.Error} thrown by a route or while its answer is
 * written, a request whose body stops arriving) is answered with the JSON error body, on a server of test-only
 * routes that fail on purpose.
 */
class UnexpectedFailuresIT {
  private static final Duration IDLE_TIMEOUT = Duration.ofMillis(700);
  private static ApiServer server;
  private static volatile Supplier<Error> failure;

  @BeforeAll
  static void start() {
    Routes routes = new Routes()
        .get("/test/error", Routes.Access.PUBLIC, (context, caller) -> {
          throw failure.get();
        })
        .get("/test/error-while-writing", Routes.Access.PUBLIC, (context, caller) ->
            context.status(200).contentType("application/json").result(new FailingStream()))
        .post("/test/echo", Routes.Access.PUBLIC, (context, caller) -> context.status(200).result(context.body()));
    server = ApiServer.start(routes, null, 0, 1_000_000, IDLE_TIMEOUT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("StackOverflowError", (Supplier<Error>) StackOverflowError::new),
        Arguments.of("OutOfMemoryError", (Supplier<Error>) () -> new OutOfMemoryError("Java heap space")),
        Arguments.of("NoClassDefFoundError", (Supplier<Error>) () -> new NoClassDefFoundError("io/tenure/Missing")),
        Arguments.of("ExceptionInInitializerError",
            (Supplier<Error>) () -> new ExceptionInInitializerError(new IllegalStateException("broken"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void aRouteThatThrowsAnErrorAnswersTheJsonInternalError(String name, Supplier<Error> thrown) throws IOException {
    failure = thrown;

    String answer = send("GET /test/error HTTP/1.1\r\nHost: tenure\r\nConnection: close\r\n\r\n");

    assertInternalError(answer);
  }

  @Test
  void anErrorWhileTheAnswerIsWrittenAnswersTheJsonInternalError() throws IOException {
    String answer = send("GET /test/error-while-writing HTTP/1.1\r\nHost: tenure\r\nConnection: close\r\n\r\n");

    assertInternalError(answer);
  }

  @Test
  void aRequestBodyThatStopsArrivingAnswersTheJsonRequestTimeout() throws IOException {
    String answer = send("POST /test/echo HTTP/1.1\r\nHost: tenure\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100\r\nConnection: close\r\n\r\n{\"amount\":");

    assertThat(answer).startsWith("HTTP/1.1 408 ");
    JsonNode error = body(answer).path("error");
    assertThat(error.path("code").asText()).isEqualTo("REQUEST_TIMEOUT");
    assertThat(error.path("message").asText()).isEqualTo("The request body did not arrive in time; send the request again.");
  }

  @Test
  void aRequestThatArrivesWholeIsServedAsUsual() throws IOException {
    String answer = send("POST /test/echo HTTP/1.1\r\nHost: tenure\r\nContent-Type: application/json\r\n"
        + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");

    assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n{}");
  }

  private static void assertInternalError(String answer) {
    assertThat(answer).startsWith("HTTP/1.1 500 ").containsIgnoringCase("Content-Type: application/json");
    JsonNode error = body(answer).path("error");
    assertThat(error.path("code").asText()).isEqualTo("INTERNAL_ERROR");
    assertThat(error.path("message").asText())
        .isEqualTo("Tenure failed to handle this request; the operator's logs have the detail.");
    assertThat(body(answer).toString()).doesNotContain("Error", "java", "io.tenure");
  }

  private static JsonNode body(String answer) {
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException notJson) {
      throw new AssertionError("the answer's body is not JSON: " + answer, notJson);
    }
  }

  /** Sends {@code request} as it is (a client would refuse to send a short body) and reads the whole answer. */
  private static String send(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** An answer's body that fails when it is read, after the route has returned: as Javalin writes the answer. */
  private static final class FailingStream extends InputStream {
    private final InputStream start = new ByteArrayInputStream("{\"partial\":".getBytes(StandardCharsets.UTF_8));

    @Override
    public int read() throws IOException {
      int next = start.read();
      if (next < 0) {
        throw new StackOverflowError();
      }
      return next;
    }
  }
}
