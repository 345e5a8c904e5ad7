package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tenure.Settings;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The partner receives its accounts' LOW_BALANCE by e-mail through its own contacts, whatever the account chose
 * (docs/notices.md, "The partner"; issue 13's partner bullet), and nothing of another partner's accounts.
 */
class PartnerNoticesIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ALERTS = "alerts@reseller.example";
  private static final String OTHER_ALERTS = "alerts@other-reseller.example";

  private final LocalReceivers receivers = LocalReceivers.started();

  @AfterEach
  void stopReceivers() {
    receivers.close();
  }

  private static List<String> recipients(MimeMessage mail) {
    try {
      return java.util.Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList();
    } catch (MessagingException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private List<MimeMessage> mailsTo(String address) {
    return receivers.mails().stream().filter(mail -> recipients(mail).contains(address)).toList();
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException failure) {
      throw new IllegalStateException(failure);
    }
  }

  @Test
  void thePartnerIsEmailedItsAccountsLowBalanceEvenWhenTheAccountSwitchedItOff() {
    Settings settings = receivers.settings(TestDatabases.fresh(), Instant.parse("2026-03-01T00:00:00Z"),
        LocalReceivers.quick(DispatcherSettings.DEFAULT.maxAttempts()), LocalReceivers.PLAIN_SMS);
    try (TestServer server = TestServer.start(settings)) {
      HttpApi operator = server.operator();
      String partnerId = operator.post("/v1/partners", Map.of("name", "Changzhou Reseller",
          "contacts", List.of(Map.of("name", "Reseller desk", "role", "OWNER", "email", ALERTS)))).get("id");
      HttpApi partner = server.client(operator.post("/v1/api-keys", Map.of("scope", "PARTNER", "partnerId", partnerId)).get("key"));
      operator.post("/v1/partners", Map.of("name", "Other Reseller",
          "contacts", List.of(Map.of("name", "Other desk", "role", "OWNER", "email", OTHER_ALERTS))));
      String account = Fixtures.account(partner, "V3");
      HttpApi.Answer off = partner.put("/v1/accounts/" + account + "/message-subscriptions",
          Map.of("subscriptions", List.of(Map.of("type", "LOW_BALANCE", "roles", List.of(), "channels", List.of()))));
      assertThat(off.status()).as("the account switches LOW_BALANCE off for itself: %s", off).isEqualTo(200);
      assertThat(partner.put("/v1/accounts/" + account + "/settings", Map.of("lowBalanceThreshold", "100.00")).status())
          .isEqualTo(200);

      Fixtures.topUp(partner, account, "250.00");
      Fixtures.bought(partner, account, "koodrive-basic", 1);

      await().atMost(WAIT).until(() -> !mailsTo(ALERTS).isEmpty());
      assertThat(mailsTo(ALERTS)).hasSize(1);
      assertThat(subject(mailsTo(ALERTS).getFirst())).containsIgnoringCase("balance");
      assertThat(mailsTo("owner@acme.example")).as("the account switched it off for its own contacts").isEmpty();
      assertThat(mailsTo(OTHER_ALERTS)).as("another partner hears nothing of this account").isEmpty();
    }
  }
}
