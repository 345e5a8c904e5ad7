package io.tenure.simulation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tenure.delivery.DeliveryChannels;
import io.tenure.delivery.SmsBodyTemplate;
import io.tenure.delivery.SmsGatewaySettings;
import io.tenure.delivery.SmsSuccessRule;
import io.tenure.delivery.SmtpSecurity;
import io.tenure.delivery.SmtpSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outside world of the simulated nodes' notices: an SMTP sink and an SMS gateway (a local HTTP receiver that
 * answers {@code {"Code":"OK"}}), both in the simulator's process, counting what they received by delivery key
 * (the e-mail's Message-ID carries it, the SMS body names it). The nodes are given both as their channels.
 */
final class DeliveryReceivers implements AutoCloseable {
  static final String FROM = "Tenure <noreply@simulation.example>";
  static final String SMS_BODY = "{\"to\":\"{{phone}}\",\"key\":\"{{deliveryKey}}\"}";

  private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
  private final SmtpSink smtp = new SmtpSink(messageId -> count(keyOf(messageId)));
  private final HttpServer sms;

  DeliveryReceivers() {
    try {
      sms = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException failure) {
      smtp.close();
      throw new UncheckedIOException("the simulation's SMS receiver could not listen", failure);
    }
    sms.createContext("/sms", this::receiveSms);
    sms.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    sms.start();
  }

  private void receiveSms(HttpExchange exchange) throws IOException {
    try (exchange) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      exchange.getRequestBody().transferTo(body);
      count(Http.JSON.readTree(body.toByteArray()).path("key").asText(""));
      byte[] answer = "{\"Code\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  private void count(String key) {
    received.computeIfAbsent(key, any -> new AtomicLong()).incrementAndGet();
  }

  /** How often the message with delivery key {@code key} arrived, over either channel. */
  long received(String key) {
    AtomicLong count = received.get(key);
    return count == null ? 0 : count.get();
  }

  /** Every key received, to find one that no delivery has. */
  java.util.Set<String> keys() {
    return Map.copyOf(received).keySet();
  }

  /** The channels of an in-process node. */
  DeliveryChannels channels() {
    SmtpSettings email = new SmtpSettings("127.0.0.1", smtp.port(), SmtpSecurity.NONE, Optional.empty(), Optional.empty(),
        FROM, Duration.ofSeconds(10));
    SmsGatewaySettings gateway = new SmsGatewaySettings("POST", smsUrl(), Map.of(),
        SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON, SMS_BODY), SmsSuccessRule.anySuccessStatus(), Duration.ofSeconds(10));
    return new DeliveryChannels(Optional.of(email), Optional.of(gateway));
  }

  /** The same channels as the options of {@code tenure serve}. */
  List<String> options() {
    return List.of("--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(smtp.port()), "--smtp-security", "NONE",
        "--smtp-from", FROM, "--sms-url", smsUrl().toString(), "--sms-body", SMS_BODY);
  }

  private URI smsUrl() {
    return URI.create("http://127.0.0.1:" + sms.getAddress().getPort() + "/sms");
  }

  /** The delivery key in a Message-ID {@code <key@domain>}: every byte but letters, digits, - and _ is {@code =XX}. */
  static String keyOf(String messageId) {
    String local = messageId.replaceFirst("^<", "").replaceFirst("@[^@]*>?$", "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int index = 0; index < local.length(); index++) {
      char character = local.charAt(index);
      if (character == '=' && index + 2 < local.length()) {
        bytes.write(Integer.parseInt(local.substring(index + 1, index + 3), 16));
        index += 2;
      } else {
        bytes.write(character);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private boolean closed;

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    smtp.close();
    sms.stop(0);
  }
}
