package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.Settings;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A resource's notices over weeks of the simulated clock, as its contacts receive them (issue 11's "Done when"):
 * overdue reminders from the expiry date to the renewal, the release instant in every e-mail in the account's
 * language, SMS switched off for a type, and a dispatcher that was stopped for a simulated day.
 */
class NoticeJourneyIT {
  private static final String START = "2023-03-08T15:50:04+08:00";
  private static final String RELEASE = "2023-04-23 00:00 (UTC+08:00)";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final LocalReceivers receivers = LocalReceivers.started();
  private final List<JsonNode> smsReceived = receivers.smsReceived;

  @AfterEach
  void stopReceivers() {
    receivers.close();
  }

  private Settings settings(String databaseUrl, DispatcherSettings dispatcher) {
    return receivers.settings(databaseUrl, OffsetDateTime.parse(START).toInstant(), dispatcher, LocalReceivers.PLAIN_SMS);
  }

  private static DispatcherSettings quick() {
    return LocalReceivers.quick(DispatcherSettings.DEFAULT.maxAttempts());
  }

  /** An account of {@code locale} with an owner, a resource collaborator and a finance collaborator at {@code domain}. */
  private static String accountWithDrive(HttpApi operator, String locale, String domain) {
    List<Map<String, Object>> contacts = List.of(
        Map.of("name", "Owner", "role", "OWNER", "email", "owner@" + domain, "phone", phone(domain, 1)),
        Map.of("name", "Ops", "role", "RESOURCE_COLLABORATOR", "email", "ops@" + domain, "phone", phone(domain, 2)),
        Map.of("name", "Finance", "role", "FINANCE_COLLABORATOR", "email", "finance@" + domain, "phone", phone(domain, 3)));
    String account = Fixtures.account(operator, "V3", Map.of("name", "Acme " + domain, "locale", locale, "contacts", contacts));
    Fixtures.topUp(operator, account, "1000.00");
    return account;
  }

  private static String phone(String domain, int contact) {
    return "+86138" + String.format("%07d", Math.floorMod(domain.hashCode(), 10_000) * 10 + contact);
  }

  /** Moves the clock one day at a time, to 12:00 of each day from {@code from} through {@code to}. */
  private static void daily(HttpApi operator, String from, String to) {
    for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
      Fixtures.advanceTo(operator, day + "T12:00:00+08:00");
    }
  }

  private static List<JsonNode> deliveries(HttpApi operator, String query) {
    List<JsonNode> found = new ArrayList<>();
    operator.get("/v1/messages?limit=1000" + query).json().path("items").forEach(found::add);
    return found;
  }

  /** Every message of the accounts fanned out (each has at least its in-app delivery) and nothing pending. */
  private static boolean allSent(HttpApi operator, String... accounts) {
    java.util.Set<String> fannedOut = deliveries(operator, "").stream().map(delivery -> delivery.path("messageId").asText())
        .collect(Collectors.toSet());
    return deliveries(operator, "&status=pending").isEmpty() && Arrays.stream(accounts).allMatch(account ->
        Fixtures.messages(operator, account).stream().allMatch(message -> fannedOut.contains(message.path("id").asText())));
  }

  private static List<JsonNode> ofType(List<JsonNode> deliveries, String type) {
    return deliveries.stream().filter(delivery -> delivery.path("type").asText().equals(type)).toList();
  }

  private static Map<String, Long> countBy(List<String> values) {
    return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  @Test
  void theOverdueRemindersStartOnTheExpiryDateAndStopAtRenewal() throws Exception {
    try (TestServer server = TestServer.start(settings(TestDatabases.fresh(), quick()))) {
      HttpApi operator = server.operator();
      String account = accountWithDrive(operator, "zh-CN", "acme.example");
      String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
      daily(operator, "2023-04-06", "2023-04-10");
      HttpApi.Answer renewed = operator.post("/v1/resources/" + resource + "/renewals", Map.of("periods", 1), "renew-in-grace");
      assertThat(renewed.status()).as("renewal: %s", renewed).isEqualTo(201);
      daily(operator, "2023-04-11", "2023-04-15");

      await().atMost(WAIT).until(() -> allSent(operator, account));
      Thread.sleep(300); // nothing more arrives later
      List<JsonNode> reminders = ofType(deliveries(operator, "&accountId=" + account), "OVERDUE_REMINDER");
      // The inbox stamps each message with the instant it fell due, and each of its deliveries is raised at that instant
      // too, although a daily advance wrote the reminder's row at noon.
      Map<String, String> dueAt = Fixtures.messages(operator, account).stream()
          .collect(Collectors.toMap(message -> message.path("id").asText(), message -> message.path("createdAt").asText()));
      assertThat(reminders).allSatisfy(delivery -> assertThat(delivery.path("raisedAt").asText())
          .isEqualTo(dueAt.get(delivery.path("messageId").asText())));
      Map<String, List<JsonNode>> byMessage = reminders.stream()
          .collect(Collectors.groupingBy(delivery -> dueAt.get(delivery.path("messageId").asText()), java.util.TreeMap::new, Collectors.toList()));
      // On 2023-04-09 00:00 the resource entered grace: that instant's own notice (EXPIRED) speaks, not a reminder.
      assertThat(byMessage.keySet()).containsExactly("2023-04-08T00:00:00+08:00", "2023-04-10T00:00:00+08:00");
      assertThat(byMessage.values()).allSatisfy(message -> assertThat(message).extracting(delivery -> delivery.path("channel").asText()
          + " " + delivery.path("address").asText() + " " + delivery.path("status").asText()).containsExactlyInAnyOrder(
          "EMAIL owner@acme.example delivered", "SMS " + phone("acme.example", 1) + " delivered",
          "EMAIL ops@acme.example delivered", "SMS " + phone("acme.example", 2) + " delivered",
          "EMAIL finance@acme.example delivered", "SMS " + phone("acme.example", 3) + " delivered", "IN_APP " + account + " delivered"));
      List<String> reminderKeys = reminders.stream().filter(delivery -> !delivery.path("channel").asText().equals("IN_APP"))
          .map(delivery -> account + "|" + delivery.path("messageId").asText().substring(4) + "|" + delivery.path("channel").asText()
              + "|" + delivery.path("address").asText()).toList();
      List<String> received = new ArrayList<>(smsReceived.stream().map(sms -> sms.path("key").asText()).toList());
      assertThat(received).doesNotHaveDuplicates();
      assertThat(reminderKeys.stream().filter(key -> key.contains("|SMS|")).toList()).hasSize(6).allSatisfy(key -> assertThat(received).contains(key));
      List<String> mailed = Arrays.stream(receivers.mails().toArray(MimeMessage[]::new)).map(NoticeJourneyIT::messageId).toList();
      assertThat(mailed).doesNotHaveDuplicates().hasSize(deliveries(operator, "&channel=EMAIL").size());
    }
  }

  @Test
  void everyEmailBeforeTheReleaseStatesTheReleaseInstantInChineseAndInEnglishForAnEnglishAccount() {
    try (TestServer server = TestServer.start(settings(TestDatabases.fresh(), quick()))) {
      HttpApi operator = server.operator();
      String chinese = accountWithDrive(operator, "zh-CN", "acme.example");
      String english = accountWithDrive(operator, "en", "beta.example");
      Fixtures.bought(operator, chinese, "koodrive-basic", 1);
      Fixtures.bought(operator, english, "koodrive-basic", 1);
      daily(operator, "2023-03-31", "2023-04-22");

      await().atMost(WAIT).until(() -> allSent(operator, chinese, english));
      List<MimeMessage> mails = Arrays.asList(receivers.mails().toArray(MimeMessage[]::new));
      List<String> types = deliveries(operator, "&channel=EMAIL").stream().map(delivery -> delivery.path("type").asText()).distinct().toList();
      assertThat(types).contains("EXPIRY_WARNING", "OVERDUE_REMINDER").doesNotContain("RELEASED");
      assertThat(mails).hasSize(deliveries(operator, "&channel=EMAIL").size());
      List<MimeMessage> toChinese = mails.stream().filter(mail -> to(mail).endsWith("@acme.example")).toList();
      List<MimeMessage> toEnglish = mails.stream().filter(mail -> to(mail).endsWith("@beta.example")).toList();
      assertThat(toChinese).hasSameSizeAs(toEnglish).isNotEmpty();
      assertThat(toChinese).allSatisfy(mail -> assertThat(parts(mail)).hasSize(2).allSatisfy(part ->
          assertThat(part).contains(RELEASE).contains("释放")));
      assertThat(toEnglish).allSatisfy(mail -> assertThat(parts(mail)).hasSize(2).allSatisfy(part ->
          assertThat(part).contains(RELEASE).contains("released").doesNotContainPattern("\\p{IsHan}")));
    }
  }

  @Test
  void switchingSmsOffForExpiryWarningsStopsThemAndTheOtherTypesStillGoBySms() throws Exception {
    // Switching a type below its floor is refused: MessageSubscriptionsIT.switchingOffBelowTheFloorIsRefusedNamingTheFloorAndNothingChanges.
    try (TestServer server = TestServer.start(settings(TestDatabases.fresh(), quick()))) {
      HttpApi operator = server.operator();
      String account = accountWithDrive(operator, "zh-CN", "acme.example");
      HttpApi.Answer changed = operator.put("/v1/accounts/" + account + "/message-subscriptions", Map.of("subscriptions", List.of(
          Map.of("type", "EXPIRY_WARNING", "roles", List.of("OWNER", "RESOURCE_COLLABORATOR", "FINANCE_COLLABORATOR"),
              "channels", List.of("EMAIL", "IN_APP")))));
      assertThat(changed.status()).as("change: %s", changed).isEqualTo(200);
      Fixtures.bought(operator, account, "koodrive-basic", 1);
      daily(operator, "2023-03-31", "2023-04-08");

      await().atMost(WAIT).until(() -> allSent(operator, account));
      Thread.sleep(300);
      List<JsonNode> warnings = ofType(deliveries(operator, "&accountId=" + account), "EXPIRY_WARNING");
      assertThat(countBy(warnings.stream().map(delivery -> delivery.path("channel").asText()).toList()))
          .isEqualTo(Map.of("EMAIL", 9L, "IN_APP", 3L));
      List<String> warningMessages = warnings.stream().map(delivery -> delivery.path("messageId").asText().substring(4)).distinct().toList();
      assertThat(warningMessages).hasSize(3);
      // The overdue reminder of the expiry date still goes by SMS: only the expiry warnings were switched off.
      assertThat(smsReceived).extracting(sms -> sms.path("key").asText().split("\\|")[1]).isNotEmpty()
          .doesNotContainAnyElementsOf(warningMessages);
    }
  }

  @Test
  void aDispatcherStoppedForASimulatedDayAndStartedAgainSendsEveryPendingMessageOnce() throws Exception {
    String database = TestDatabases.fresh();
    String account;
    try (TestServer stopped = TestServer.start(settings(database, DispatcherSettings.OFF))) {
      HttpApi operator = stopped.operator();
      account = accountWithDrive(operator, "zh-CN", "acme.example");
      Fixtures.bought(operator, account, "koodrive-basic", 1);
      Fixtures.advanceTo(operator, "2023-03-31T12:00:00+08:00");
      Fixtures.advanceTo(operator, "2023-04-01T12:00:00+08:00");
      Thread.sleep(300);
      assertThat(deliveries(operator, "")).isEmpty();
      assertThat(Fixtures.messages(operator, account)).extracting(message -> message.path("type").asText()).contains("EXPIRY_WARNING");
    }
    assertThat(receivers.mails().toArray(MimeMessage[]::new)).isEmpty();
    assertThat(smsReceived).isEmpty();

    try (TestServer started = TestServer.start(settings(database, quick()))) {
      HttpApi operator = started.operator();
      await().atMost(WAIT).until(() -> deliveries(operator, "&status=delivered").size() == 7);
      Thread.sleep(500); // nothing more arrives later
      assertThat(deliveries(operator, "")).hasSize(7);
      assertThat(countBy(Arrays.stream(receivers.mails().toArray(MimeMessage[]::new)).map(NoticeJourneyIT::to).toList()))
          .isEqualTo(Map.of("owner@acme.example", 1L, "ops@acme.example", 1L, "finance@acme.example", 1L));
      assertThat(countBy(smsReceived.stream().map(sms -> sms.path("to").asText()).toList()))
          .isEqualTo(Map.of(phone("acme.example", 1), 1L, phone("acme.example", 2), 1L, phone("acme.example", 3), 1L));
      assertThat(Fixtures.messages(operator, account)).filteredOn(message -> message.path("type").asText().equals("EXPIRY_WARNING"))
          .extracting(message -> message.path("createdAt").asText()).containsExactly("2023-04-01T00:00:00+08:00");
    }
  }

  private static String to(MimeMessage mail) {
    try {
      return mail.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static String text(MimeMessage mail) {
    return String.join("\n", parts(mail));
  }

  /** The texts of the mail's parts (HTML and plain), decoded. */
  private static List<String> parts(MimeMessage mail) {
    try {
      List<String> texts = new ArrayList<>();
      collect(mail.getContent(), texts);
      return texts;
    } catch (MessagingException | IOException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static void collect(Object content, List<String> texts) throws MessagingException, IOException {
    if (content instanceof Multipart multipart) {
      for (int index = 0; index < multipart.getCount(); index++) {
        BodyPart part = multipart.getBodyPart(index);
        collect(part.getContent(), texts);
      }
    } else if (content instanceof String text) {
      texts.add(text);
    }
  }
}
