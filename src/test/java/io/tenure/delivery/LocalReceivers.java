package io.tenure.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tenure.Settings;
import io.tenure.api.Json;
import io.tenure.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the tests of deliveries send to: a real SMTP server (GreenMail) on a port reserved at once and started when
 * the test says (so that a test can begin with the server down), and a local SMS gateway over HTTP that keeps each
 * JSON body and answers as Alibaba Cloud does ({@code {"Code":"OK"}}).
 */
final class LocalReceivers implements AutoCloseable {
  /** An SMS body with the phone, the text and the delivery key under {@code to}, {@code text} and {@code key}. */
  static final String PLAIN_SMS = "{\"to\":\"{{phone}}\",\"text\":\"{{text}}\",\"key\":\"{{deliveryKey}}\"}";

  final List<JsonNode> smsReceived = new CopyOnWriteArrayList<>();
  private final int smtpPort;
  private final HttpServer smsGateway;
  private GreenMail greenMail;

  LocalReceivers() {
    try (ServerSocket free = new ServerSocket(0)) {
      smtpPort = free.getLocalPort();
      smsGateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    smsGateway.createContext("/sms", this::receiveSms);
    smsGateway.start();
  }

  /** Both receivers running. */
  static LocalReceivers started() {
    LocalReceivers receivers = new LocalReceivers();
    receivers.startSmtp();
    return receivers;
  }

  void startSmtp() {
    greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
  }

  /** The e-mails received so far; none while the SMTP server has not started. */
  List<MimeMessage> mails() {
    return greenMail == null ? List.of() : Arrays.asList(greenMail.getReceivedMessages());
  }

  private void receiveSms(HttpExchange exchange) throws IOException {
    smsReceived.add(Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
    byte[] answer = "{\"Code\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  /** A server on the simulated clock at {@code start} that delivers to these receivers, the SMS body from {@code smsBody}. */
  Settings settings(String databaseUrl, Instant start, DispatcherSettings dispatcher, String smsBody) {
    SmtpSettings email = new SmtpSettings("127.0.0.1", smtpPort, SmtpSecurity.NONE, Optional.empty(), Optional.empty(),
        "Tenure <noreply@tenure.example>", Duration.ofSeconds(5));
    SmsGatewaySettings sms = new SmsGatewaySettings("POST",
        URI.create("http://127.0.0.1:" + smsGateway.getAddress().getPort() + "/sms"), Map.of(),
        SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON, smsBody), SmsSuccessRule.anySuccessStatus(), Duration.ofSeconds(5));
    return TestServer.settings(databaseUrl, true, start)
        .withChannels(new DeliveryChannels(Optional.of(email), Optional.of(sms))).withDispatcher(dispatcher);
  }

  /** Fast pauses for tests: poll 50 ms, backoff 100 ms doubling up to 400 ms, unknown pause 100 ms. */
  static DispatcherSettings quick(int maxAttempts) {
    return DispatcherSettings.DEFAULT.withPauses(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(400),
        Duration.ofMillis(100)).withMaxAttempts(maxAttempts);
  }

  @Override
  public void close() {
    smsGateway.stop(0);
    if (greenMail != null) {
      greenMail.stop();
    }
  }
}
