package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS channel against a real HTTP receiver on a free local port. */
class SmsGatewayChannelIT {
  private static final Outbound MESSAGE = Outbound.sms("delivery-42", "+8613800138000",
      "您的资源 \"drive\" 将于 2023-05-09 00:00 (UTC+08:00) 释放", Map.of("days", "7"));

  private record Received(String method, String query, String apiKey, String contentType, String body) {}

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int answerStatus = 200;
  private volatile String answerBody = "{\"Code\":\"OK\",\"BizId\":\"biz-1\"}";
  private volatile Duration answerDelay = Duration.ZERO;
  private volatile boolean hangUpWithoutAnswer;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext("/sms", this::answer);
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders().getFirst("X-Api-Key"), exchange.getRequestHeaders().getFirst("Content-Type"), body));
    try {
      Thread.sleep(answerDelay);
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
    if (hangUpWithoutAnswer) {
      exchange.close();
      return;
    }
    byte[] answer = answerBody.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answerStatus, answer.length == 0 ? -1 : answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private SmsGatewayChannel channel(String method, SmsBodyTemplate.Format format, String template, Duration timeout) {
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/sms");
    SmsSuccessRule rule = new SmsSuccessRule("2xx", Optional.of("Code"), Optional.of("OK"), Optional.of("BizId"),
        Set.of("isv.BUSINESS_LIMIT_CONTROL"));
    return new SmsGatewayChannel(new SmsGatewaySettings(method, url, Map.of("X-Api-Key", "key-123"),
        SmsBodyTemplate.parse(format, template), rule, timeout));
  }

  private SmsGatewayChannel jsonChannel() {
    return channel("POST", SmsBodyTemplate.Format.JSON,
        "{\"PhoneNumbers\":\"{{phone}}\",\"Text\":\"{{text}}\",\"TemplateParam\":\"{{parameters}}\","
            + "\"OutId\":\"{{deliveryKey}}\"}", Duration.ofSeconds(5));
  }

  @Test
  void aPostCarriesTheHeadersAndExactlyTheFilledBodyAndIsSentWithTheGatewaysId() {
    try (SmsGatewayChannel channel = jsonChannel()) {
      assertThat(channel.send(MESSAGE)).isEqualTo(new Outcome.Sent(Optional.of("biz-1")));
    }
    assertThat(received).containsExactly(new Received("POST", null, "key-123", "application/json; charset=utf-8",
        "{\"PhoneNumbers\":\"+8613800138000\",\"Text\":\"您的资源 \\\"drive\\\" 将于 2023-05-09 00:00 (UTC+08:00) 释放\","
            + "\"TemplateParam\":{\"days\":\"7\"},\"OutId\":\"delivery-42\"}"));
  }

  @Test
  void aGetSendsTheFormAsTheQuery() {
    try (SmsGatewayChannel channel = channel("GET", SmsBodyTemplate.Format.FORM, "to={{phone}}&days={{param.days}}",
        Duration.ofSeconds(5))) {
      assertThat(channel.send(MESSAGE)).isInstanceOf(Outcome.Sent.class);
    }
    assertThat(received.getFirst().method()).isEqualTo("GET");
    assertThat(received.getFirst().query()).isEqualTo("to=%2B8613800138000&days=7");
  }

  @Test
  void aServerErrorIsRetryableAndABadRequestIsNot() {
    try (SmsGatewayChannel channel = jsonChannel()) {
      answerStatus = 500;
      assertThat(channel.send(MESSAGE)).isInstanceOfSatisfying(Outcome.Failed.class,
          failed -> assertThat(failed.retryable()).isTrue());
      answerStatus = 400;
      answerBody = "{\"Code\":\"isv.INVALID_PARAMETERS\"}";
      assertThat(channel.send(MESSAGE)).isInstanceOfSatisfying(Outcome.Failed.class,
          failed -> assertThat(failed.retryable()).isFalse());
    }
  }

  @Test
  void anErrorCodeInASuccessfulAnswerIsNotRetryable() {
    answerBody = "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"invalid mobile number\"}";
    try (SmsGatewayChannel channel = jsonChannel()) {
      assertThat(channel.send(MESSAGE)).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("isv.MOBILE_NUMBER_ILLEGAL");
      });
    }
  }

  @Test
  void anAnswerLaterThanTheTimeoutIsUnknownAndNotResent() {
    answerDelay = Duration.ofMillis(1_500);
    try (SmsGatewayChannel channel = channel("POST", SmsBodyTemplate.Format.JSON, "{\"to\":\"{{phone}}\"}",
        Duration.ofMillis(300))) {
      assertThat(channel.send(MESSAGE)).isInstanceOf(Outcome.Unknown.class);
    }
    assertThat(received).as("the request reached the gateway once").hasSize(1);
  }

  @Test
  void aConnectionLostAfterTheRequestIsUnknown() {
    hangUpWithoutAnswer = true;
    try (SmsGatewayChannel channel = jsonChannel()) {
      assertThat(channel.send(MESSAGE)).isInstanceOf(Outcome.Unknown.class);
    }
    assertThat(received).hasSize(1);
  }

  @Test
  void aRefusedConnectionIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SmsGatewaySettings settings = new SmsGatewaySettings("POST", URI.create("http://127.0.0.1:" + closedPort + "/sms"),
        Map.of(), SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON, "{\"to\":\"{{phone}}\"}"),
        SmsSuccessRule.anySuccessStatus(), Duration.ofSeconds(2));
    try (SmsGatewayChannel channel = new SmsGatewayChannel(settings)) {
      assertThat(channel.send(MESSAGE)).isInstanceOfSatisfying(Outcome.Failed.class,
          failed -> assertThat(failed.retryable()).isTrue());
    }
  }

  @Test
  void aBareLoopSendsEveryMessageAndReportsItsRate() throws InterruptedException {
    List<Outbound> messages = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      messages.add(Outbound.sms("delivery-" + i, "+86138000" + i, "text " + i, Map.of()));
    }
    BareChannelRun.Result result;
    try (SmsGatewayChannel channel = channel("POST", SmsBodyTemplate.Format.JSON,
        "{\"to\":\"{{phone}}\",\"text\":\"{{text}}\"}", Duration.ofSeconds(5))) {
      BareChannelRun.run(channel, messages.subList(0, 200));
      result = BareChannelRun.run(channel, messages);
    }
    System.out.printf("bare SMS channel: %d sent in %d ms, %.0f/s%n", result.sent(), result.elapsed().toMillis(),
        result.sentPerSecond());
    assertThat(result.sent()).isEqualTo(2_000);
    assertThat(result.notSent()).isZero();
    try (SmsGatewayChannel shared = channel("POST", SmsBodyTemplate.Format.JSON, "{\"to\":\"{{phone}}\"}",
        Duration.ofSeconds(5))) {
      BareChannelRun.Result parallel = BareChannelRun.run(List.of(shared, shared, shared, shared), messages);
      System.out.printf("bare SMS channel, 4 threads on one client: %d sent in %d ms, %.0f/s%n", parallel.sent(),
          parallel.elapsed().toMillis(), parallel.sentPerSecond());
      assertThat(parallel.sent()).isEqualTo(2_000);
    }
  }
}
