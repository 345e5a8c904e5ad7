package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.Settings;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a notice says is decided once, when it is fanned out: the inbox shows it as it was sent, the amounts the engine
 * knew travel with it, and an SMS gateway with its own templates gets the facts as template parameters.
 */
class StoredNoticesIT {
  private static final String START = "2023-03-08T15:50:04+08:00";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SHORTFALL = "AUTO_RENEW_INSUFFICIENT_BALANCE";
  private static final Map<String, Object> OWNER = Map.of("name", "Ann", "role", "OWNER", "email", "owner@acme.example",
      "phone", "+8613800000001");

  private final LocalReceivers receivers = LocalReceivers.started();
  private final List<JsonNode> smsReceived = receivers.smsReceived;

  @AfterEach
  void stopReceivers() {
    receivers.close();
  }

  /** An Alibaba Cloud style gateway: its own template, filled from the parameters; the plan named on its own too. */
  private Settings settings() {
    return receivers.settings(TestDatabases.fresh(), OffsetDateTime.parse(START).toInstant(),
        LocalReceivers.quick(DispatcherSettings.DEFAULT.maxAttempts()), "{\"PhoneNumbers\":\"{{phone}}\","
            + "\"TemplateParam\":\"{{parameters}}\",\"Plan\":\"{{param.plan}}\",\"OutId\":\"{{deliveryKey}}\"}");
  }

  private static List<JsonNode> delivered(HttpApi operator, String account, String channel) {
    List<JsonNode> found = new java.util.ArrayList<>();
    operator.get("/v1/messages?limit=1000&status=delivered&channel=" + channel + "&accountId=" + account).json().path("items")
        .forEach(found::add);
    return found;
  }

  private static String plainText(MimeMessage mail) {
    try {
      return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    } catch (IOException | jakarta.mail.MessagingException failure) {
      throw new IllegalStateException(failure);
    }
  }

  @Test
  void afterTheLocaleChangesTheInboxStillShowsAMessageInTheLanguageItWasSentIn() {
    try (TestServer server = TestServer.start(settings())) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V3", Map.of("locale", "zh-CN", "contacts", List.of(OWNER)));
      Fixtures.topUp(operator, account, "1000.00");
      Fixtures.bought(operator, account, "koodrive-basic", 1);
      Fixtures.advanceTo(operator, "2023-04-01T12:00:00+08:00");
      await().atMost(WAIT).until(() -> delivered(operator, account, "IN_APP").size() == 1);
      JsonNode sent = Fixtures.messages(operator, account).getFirst();
      assertThat(sent.path("type").asText()).isEqualTo("EXPIRY_WARNING");
      assertThat(sent.path("title").asText()).contains("将于2023-04-08到期");

      assertThat(operator.put("/v1/accounts/" + account + "/locale", Map.of("locale", "en")).status()).isEqualTo(200);

      JsonNode shown = Fixtures.messages(operator, account).getFirst();
      assertThat(shown.path("title").asText()).isEqualTo(sent.path("title").asText());
      assertThat(shown.path("body").asText()).isEqualTo(sent.path("body").asText()).contains("2023-04-23 00:00 (UTC+08:00)");
      HttpApi.Answer read = operator.post("/v1/accounts/" + account + "/messages/" + sent.path("id").asText() + "/read", null);
      assertThat(read.json().path("title").asText()).isEqualTo(sent.path("title").asText());
    }
  }

  @Test
  void anAutoRenewalTheBalanceDoesNotCoverIsToldWithItsPriceAndBalanceByEmailSmsAndInbox() throws Exception {
    try (TestServer server = TestServer.start(settings())) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V3", Map.of("contacts", List.of(OWNER)));
      Fixtures.topUp(operator, account, "200.00");
      HttpApi.Answer bought = operator.post("/v1/resources", Map.of("accountId", account, "plan", "koodrive-basic",
          "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1, "autoRenew", true)));
      assertThat(bought.status()).as("%s", bought).isEqualTo(201);
      String resource = bought.get("id");
      assertThat(operator.get("/v1/accounts/" + account).get("balance")).isEqualTo("20.00");
      Fixtures.advanceTo(operator, "2023-04-01T12:00:00+08:00");

      await().atMost(WAIT).until(() -> delivered(operator, account, "EMAIL").stream()
          .anyMatch(delivery -> delivery.path("type").asText().equals(SHORTFALL))
          && delivered(operator, account, "SMS").stream().anyMatch(delivery -> delivery.path("type").asText().equals(SHORTFALL)));
      MimeMessage mail = Arrays.stream(receivers.mails().toArray(MimeMessage[]::new))
          .filter(one -> plainText(one).contains("does not cover the auto-renewal")).findFirst().orElseThrow();
      assertThat(plainText(mail)).contains("The renewal costs 180.00 CNY.", "The account's balance is 20.00 CNY.",
          "2023-04-23 00:00 (UTC+08:00)");
      JsonNode inbox = Fixtures.messages(operator, account).stream()
          .filter(message -> message.path("type").asText().equals(SHORTFALL)).findFirst().orElseThrow();
      assertThat(inbox.path("body").asText()).contains("The renewal costs 180.00 CNY.", "The account's balance is 20.00 CNY.");

      JsonNode sms = smsReceived.stream().filter(one -> one.path("OutId").asText().contains("|SMS|")
          && one.path("TemplateParam").path("type").asText().equals(SHORTFALL)).findFirst().orElseThrow();
      assertThat(sms.path("PhoneNumbers").asText()).isEqualTo("+8613800000001");
      assertThat(sms.path("Plan").asText()).isEqualTo("KooDrive Basic");
      Map<String, String> parameters = io.tenure.api.Json.MAPPER.convertValue(sms.path("TemplateParam"),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
      assertThat(parameters).containsOnlyKeys("type", "plan", "resource", "dueAt", "termEnd", "expiryDate", "releaseAt",
          "price", "balance", "currency");
      assertThat(parameters).containsEntry("plan", "KooDrive Basic").containsEntry("resource", resource)
          .containsEntry("dueAt", "2023-04-01 00:00 (UTC+08:00)").containsEntry("expiryDate", "2023-04-08")
          .containsEntry("releaseAt", "2023-04-23 00:00 (UTC+08:00)").containsEntry("price", "180.00")
          .containsEntry("balance", "20.00").containsEntry("currency", "CNY");
    }
  }
}
