package io.tenure.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.delivery.BareChannelRun;
import io.tenure.delivery.Outbound;
import io.tenure.delivery.SmsGatewayChannel;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The local SMS gateway of the benchmark and the tests, driven by the production channel. */
class SmsReceiverIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void answersEveryRequestOnceWhileManyOtherKeepAliveConnectionsSitIdle() throws InterruptedException {
    Map<String, Integer> received = new ConcurrentHashMap<>();
    List<SmsGatewayChannel> idle = new ArrayList<>();
    List<SmsGatewayChannel> senders = new ArrayList<>();
    try (SmsReceiver receiver = new SmsReceiver(key -> received.merge(key, 1, Integer::sum))) {
      // More idle keep-alive connections than the JDK's HttpServer keeps (200): it then closed each answered
      // connection at once, and the sender's next request on it was lost (about 1 in 18 sends).
      for (int index = 0; index < 220; index++) {
        SmsGatewayChannel channel = new SmsGatewayChannel(receiver.settings(TIMEOUT));
        idle.add(channel);
        assertThat(channel.send(message("idle-" + index))).isInstanceOf(io.tenure.delivery.Outcome.Sent.class);
      }
      for (int index = 0; index < 4; index++) {
        senders.add(new SmsGatewayChannel(receiver.settings(TIMEOUT)));
      }
      List<Outbound> messages = new ArrayList<>();
      for (int index = 0; index < 4_000; index++) {
        messages.add(message("busy-" + index));
      }

      BareChannelRun.Result result = BareChannelRun.run(senders, messages);

      assertThat(result.firstProblem()).isEmpty();
      assertThat(result.sent()).isEqualTo(messages.size());
      assertThat(received).hasSize(220 + messages.size()).allSatisfy((key, times) -> assertThat(times).isOne());
    } finally {
      senders.forEach(SmsGatewayChannel::close);
      idle.forEach(SmsGatewayChannel::close);
    }
  }

  @Test
  void answersABodyWithoutADeliveryKeyOrNotJsonWithBadRequest() throws Exception {
    try (SmsReceiver receiver = new SmsReceiver(key -> {});
        HttpClient client = HttpClient.newHttpClient()) {
      for (String body : List.of("{\"to\":\"+86 139\"}", "not json")) {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(receiver.url())
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"Code\":\"isv.INVALID_PARAMETERS\"}");
      }
    }
  }

  private static Outbound message(String key) {
    return Outbound.sms(key, "+86 139 0000 0000", "Your resource expires at 2023-05-09 00:00 (UTC+08:00).", Map.of());
  }
}
