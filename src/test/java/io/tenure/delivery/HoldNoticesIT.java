package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.Settings;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A hold's notices name its reason (stored with the notice, V16) in the e-mail and in the inbox, in each language. */
class HoldNoticesIT {
  private static final String START = "2023-03-08T15:50:04+08:00";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String VIOLATION_EN = "a violation of the terms of service";
  private static final String VIOLATION_ZH = "违反服务条款";

  private final LocalReceivers receivers = LocalReceivers.started();

  @AfterEach
  void stopReceivers() {
    receivers.close();
  }

  private Settings settings(DispatcherSettings dispatcher) {
    return receivers.settings(TestDatabases.fresh(), OffsetDateTime.parse(START).toInstant(), dispatcher,
        LocalReceivers.PLAIN_SMS);
  }

  private static DispatcherSettings quick() {
    return LocalReceivers.quick(DispatcherSettings.DEFAULT.maxAttempts());
  }

  /** An account speaking {@code locale} whose owner receives e-mail at {@code email}, with a paid resource under a VIOLATION hold. */
  private static String heldResource(HttpApi operator, String locale, String email) {
    String account = Fixtures.account(operator, "V3", Map.of("locale", locale, "contacts",
        List.of(Map.of("name", "Ann", "role", "OWNER", "email", email))));
    Fixtures.topUp(operator, account, "1000.00");
    String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
    HttpApi.Answer hold = operator.post("/v1/holds", Map.of("scope", "RESOURCE", "targetId", resource, "reason", "VIOLATION",
        "note", "Public link shared prohibited content."));
    assertThat(hold.status()).as("%s", hold).isEqualTo(201);
    return account;
  }

  private String mailTo(String address) {
    return receivers.mails().stream().filter(mail -> recipient(mail).equals(address))
        .map(HoldNoticesIT::plainText).findFirst().orElseThrow();
  }

  private static String recipient(MimeMessage mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (MessagingException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static String plainText(MimeMessage mail) {
    try {
      return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    } catch (IOException | MessagingException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static JsonNode holdMessage(HttpApi operator, String account) {
    return Fixtures.messages(operator, account).stream().filter(message -> message.path("type").asText().equals("HOLD_APPLIED"))
        .findFirst().orElseThrow();
  }

  @Test
  void aViolationHoldsEmailAndInboxNameTheReasonInEnglishAndChinese() {
    try (TestServer server = TestServer.start(settings(quick()))) {
      HttpApi operator = server.operator();
      String english = heldResource(operator, "en", "ann@acme.example");
      String chinese = heldResource(operator, "zh-CN", "an@acme.example");
      await().atMost(WAIT).until(() -> receivers.mails().size() >= 2);

      assertThat(mailTo("ann@acme.example")).contains("for " + VIOLATION_EN, "Reason: " + VIOLATION_EN)
          .doesNotContain("no reason given");
      assertThat(mailTo("an@acme.example")).contains("因" + VIOLATION_ZH, VIOLATION_ZH).doesNotContain("未说明原因");
      assertThat(holdMessage(operator, english).path("body").asText()).contains(VIOLATION_EN);
      assertThat(holdMessage(operator, chinese).path("body").asText()).contains(VIOLATION_ZH);
    }
  }

  @Test
  void anInboxMessageNotYetFannedOutIsRenderedWithTheReasonToo() {
    try (TestServer server = TestServer.start(settings(DispatcherSettings.OFF))) {
      HttpApi operator = server.operator();
      String english = heldResource(operator, "en", "ann@acme.example");
      String chinese = heldResource(operator, "zh-CN", "an@acme.example");

      assertThat(holdMessage(operator, english).path("body").asText()).contains("for " + VIOLATION_EN)
          .doesNotContain("no reason given");
      assertThat(holdMessage(operator, chinese).path("body").asText()).contains("因" + VIOLATION_ZH).doesNotContain("未说明原因");
    }
  }
}
