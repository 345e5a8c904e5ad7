package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.tenure.Settings;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notices from the engine's rows to people: fan-out, the dispatcher, retries and the operator's view, against a real
 * SMTP server (GreenMail), a local SMS receiver and the simulated clock.
 */
class DeliveriesIT {
  private static final String START = "2023-03-08T15:50:04+08:00";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final List<Map<String, Object>> CONTACTS = List.of(
      Map.of("name", "王芳", "role", "OWNER", "email", "owner@acme.example", "phone", "+8613800000001"),
      Map.of("name", "李雷", "role", "RESOURCE_COLLABORATOR", "email", "ops@acme.example", "phone", "+8613800000002"),
      Map.of("name", "韩梅梅", "role", "FINANCE_COLLABORATOR", "email", "finance@acme.example", "phone", "+8613800000003"));

  private final LocalReceivers receivers = new LocalReceivers();
  private final List<JsonNode> smsReceived = receivers.smsReceived;

  @AfterEach
  void stopReceivers() {
    receivers.close();
  }

  private void startSmtp() {
    receivers.startSmtp();
  }

  private Settings settings(String databaseUrl, DispatcherSettings dispatcher) {
    return receivers.settings(databaseUrl, OffsetDateTime.parse(START).toInstant(), dispatcher, LocalReceivers.PLAIN_SMS);
  }

  private static DispatcherSettings quick(int maxAttempts) {
    return LocalReceivers.quick(maxAttempts);
  }

  /** A zh-CN account with the three contacts and a huawei-drive (KooDrive Basic) month, not renewed. */
  private static String chineseAccountWithDrive(HttpApi operator) {
    String account = Fixtures.account(operator, "V3", Map.of("locale", "zh-CN", "contacts", CONTACTS));
    Fixtures.topUp(operator, account, "1000.00");
    Fixtures.bought(operator, account, "koodrive-basic", 1);
    return account;
  }

  private static List<JsonNode> deliveries(HttpApi operator, String query) {
    List<JsonNode> found = new ArrayList<>();
    operator.get("/v1/messages?limit=1000" + query).json().path("items").forEach(found::add);
    return found;
  }

  private static Map<String, Long> countBy(List<String> values) {
    return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private List<MimeMessage> mails() {
    return receivers.mails();
  }

  private static String to(MimeMessage mail) {
    try {
      return mail.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (jakarta.mail.MessagingException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static List<JsonNode> warnings(List<JsonNode> deliveries) {
    return deliveries.stream().filter(delivery -> delivery.path("type").asText().equals("EXPIRY_WARNING")).toList();
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException failure) {
      throw new IllegalStateException(failure);
    }
  }

  @Test
  void theSevenThreeAndOneDayWarningsReachTheThreeContactsByEmailAndSmsAndTheInboxOnceEach() throws Exception {
    startSmtp();
    try (TestServer server = TestServer.start(settings(TestDatabases.fresh(), quick(8)))) {
      HttpApi operator = server.operator();
      String account = chineseAccountWithDrive(operator);
      Fixtures.advanceTo(operator, "2023-04-08T12:00:00+08:00");

      // The expiry date's overdue reminder comes too (at 00:00 of 2023-04-08): only the warnings are counted here.
      await().atMost(WAIT).until(() -> warnings(deliveries(operator, "&accountId=" + account)).stream()
          .filter(delivery -> delivery.path("status").asText().equals("delivered")).count() == 21);
      Thread.sleep(300); // nothing more arrives later
      List<JsonNode> warnings = warnings(deliveries(operator, "&accountId=" + account));
      List<String> warningMessages = warnings.stream().map(delivery -> delivery.path("messageId").asText().substring(4)).distinct().toList();
      assertThat(warningMessages).hasSize(3);
      List<MimeMessage> mails = mails().stream().filter(mail -> subject(mail).contains("将于")).toList();
      assertThat(countBy(mails.stream().map(DeliveriesIT::to).toList()))
          .isEqualTo(Map.of("owner@acme.example", 3L, "ops@acme.example", 3L, "finance@acme.example", 3L));
      assertThat(mails).allSatisfy(mail -> assertThat(subject(mail)).contains("KooDrive Basic"));
      assertThat(mails).extracting(mail -> mail.getMessageID()).doesNotHaveDuplicates();
      List<JsonNode> sms = smsReceived.stream().filter(one -> warningMessages.contains(one.path("key").asText().split("\\|")[1])).toList();
      assertThat(countBy(sms.stream().map(one -> one.path("to").asText()).toList()))
          .isEqualTo(Map.of("+8613800000001", 3L, "+8613800000002", 3L, "+8613800000003", 3L));
      assertThat(sms).allSatisfy(one -> assertThat(one.path("text").asText()).startsWith("【Tenure】")
          .contains("2023-04-23 00:00 (UTC+08:00)"));
      assertThat(smsReceived).extracting(one -> one.path("key").asText()).doesNotHaveDuplicates();
      List<JsonNode> inbox = warnings.stream().filter(delivery -> delivery.path("channel").asText().equals("IN_APP")).toList();
      assertThat(inbox).hasSize(3).allSatisfy(message -> {
        assertThat(message.path("status").asText()).isEqualTo("delivered");
        assertThat(message.path("attempts").asInt()).isZero();
      });
      assertThat(Fixtures.messages(operator, account)).filteredOn(message -> message.path("type").asText().equals("EXPIRY_WARNING"))
          .hasSize(3);
    }
  }

  @Test
  void anSmtpServerDownForThreeAttemptsAndThenBackGetsEveryMessageOnce() {
    try (TestServer server = TestServer.start(settings(TestDatabases.fresh(), quick(30)))) {
      HttpApi operator = server.operator();
      chineseAccountWithDrive(operator);
      Fixtures.advanceTo(operator, "2023-04-01T12:00:00+08:00");

      await().atMost(WAIT).until(() -> {
        List<JsonNode> email = deliveries(operator, "&channel=EMAIL");
        return email.size() == 3 && email.stream().allMatch(delivery -> delivery.path("attempts").asInt() >= 3);
      });
      assertThat(deliveries(operator, "&channel=EMAIL")).allSatisfy(delivery -> {
        assertThat(delivery.path("status").asText()).isEqualTo("pending");
        assertThat(delivery.path("lastError").asText()).isNotEmpty();
      });
      startSmtp();

      await().atMost(WAIT).until(() -> deliveries(operator, "&channel=EMAIL&status=delivered").size() == 3);
      assertThat(mails()).hasSize(3);
      assertThat(countBy(mails().stream().map(DeliveriesIT::to).toList())).containsOnlyKeys(
          "owner@acme.example", "ops@acme.example", "finance@acme.example").allSatisfy((address, count) -> assertThat(count).isOne());
    }
  }

  @Test
  void anSmtpServerThatNeverComesBackLeavesTheMessagesFailedListedAndAResendDeliversThem() {
    try (TestServer server = TestServer.start(settings(TestDatabases.fresh(), quick(3)))) {
      HttpApi operator = server.operator();
      chineseAccountWithDrive(operator);
      Fixtures.advanceTo(operator, "2023-04-01T12:00:00+08:00");

      await().atMost(WAIT).until(() -> deliveries(operator, "&status=failed").size() == 3);
      List<JsonNode> failed = deliveries(operator, "&status=failed");
      assertThat(failed).allSatisfy(delivery -> {
        assertThat(delivery.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
      });
      assertThat(deliveries(operator, "&status=delivered&channel=SMS")).hasSize(3);

      startSmtp();
      for (JsonNode delivery : failed) {
        HttpApi.Answer resent = operator.post("/v1/messages/" + delivery.path("id").asText() + "/resend", null);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().path("attempts").asInt()).isZero();
      }
      await().atMost(WAIT).until(() -> deliveries(operator, "&status=delivered&channel=EMAIL").size() == 3);
      assertThat(mails()).hasSize(3);
      assertThat(operator.post("/v1/messages/dlv_999999/resend", null).errorCode()).isEqualTo("MESSAGE_NOT_FOUND");
      assertThat(operator.get("/v1/messages?status=FAILED").errorCode()).isEqualTo("INVALID_QUERY_PARAMETER");
    }
  }

  @Test
  void aChannelThatIsNotConfiguredFailsItsDeliveriesAtOnce() {
    try (TestServer server = TestServer.start(TestServer.settings(TestDatabases.fresh(), true, OffsetDateTime.parse(START).toInstant())
        .withDispatcher(quick(8)))) {
      HttpApi operator = server.operator();
      chineseAccountWithDrive(operator);
      Fixtures.advanceTo(operator, "2023-04-01T12:00:00+08:00");

      await().atMost(WAIT).until(() -> deliveries(operator, "&status=failed").size() == 6);
      assertThat(deliveries(operator, "&status=failed")).allSatisfy(delivery -> {
        assertThat(delivery.path("attempts").asInt()).isOne();
        assertThat(delivery.path("lastError").asText()).isEqualTo("The " + delivery.path("channel").asText() + " channel is not configured.");
      });
      assertThat(deliveries(operator, "&status=delivered")).extracting(delivery -> delivery.path("channel").asText()).containsExactly("IN_APP");
    }
  }

  @Test
  void twoDispatchersOnOneDatabaseDeliverEachMessageOnce() {
    startSmtp();
    String database = TestDatabases.fresh();
    try (TestServer first = TestServer.start(settings(database, quick(8)));
        TestServer second = TestServer.start(settings(database, quick(8)))) {
      HttpApi operator = first.operator();
      for (int account = 0; account < 15; account++) {
        chineseAccountWithDrive(operator);
      }
      Fixtures.advanceTo(operator, "2023-04-01T12:00:00+08:00");

      await().atMost(WAIT).until(() -> deliveries(operator, "&status=delivered").size() == 15 * 7);
      assertThat(mails()).hasSize(45);
      assertThat(mails()).extracting(mail -> mail.getMessageID()).doesNotHaveDuplicates();
      assertThat(smsReceived).hasSize(45);
      assertThat(smsReceived).extracting(sms -> sms.path("key").asText()).doesNotHaveDuplicates();
      assertThat(second.operator().get("/v1/messages?limit=1").status()).isEqualTo(200);
    }
  }
}
