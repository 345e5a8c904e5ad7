package io.tenure.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Auto-renewal (SPEC.md section 5) over HTTP: renewal on the expiry date, daily shortfall notices, top-up retry. */
class AutoRenewIT {
  private static final String SHORT = "AUTO_RENEW_INSUFFICIENT_BALANCE";

  private static String buyWithAutoRenew(HttpApi operator, String account) {
    HttpApi.Answer bought = operator.post("/v1/resources", Map.of("accountId", account, "plan", "koodrive-basic",
        "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1, "autoRenew", true)));
    assertThat(bought.status()).as("%s", bought).isEqualTo(201);
    assertThat(bought.json().path("autoRenew").asBoolean()).isTrue();
    return bought.get("id");
  }

  private static List<String> messageDays(HttpApi operator, String account, String type) {
    return Fixtures.messages(operator, account).stream().filter(message -> message.path("type").asText().equals(type))
        .map(message -> message.path("createdAt").asText().substring(0, 10)).toList();
  }

  @Test
  void enoughBalanceOnTheExpiryDateRenewsOnceWithoutAnyShortfallNotice() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, account, "360.00");
      String resource = buyWithAutoRenew(operator, account);

      Fixtures.advanceTo(operator, "2023-04-09T00:00:00+08:00");

      HttpApi.Answer read = operator.get("/v1/resources/" + resource);
      assertThat(read.get("phase")).isEqualTo("ACTIVE");
      assertThat(read.json().path("term").path("end").asText()).isEqualTo("2023-05-08T23:59:59+08:00");
      JsonNode bills = operator.get("/v1/accounts/" + account + "/bills").json().path("items");
      assertThat(bills).extracting(bill -> bill.path("type").asText() + " " + bill.path("createdAt").asText())
          .containsExactly("RENEWAL 2023-04-08T00:00:00+08:00", "PURCHASE 2023-03-08T15:50:04+08:00");
      assertThat(messageDays(operator, account, SHORT)).isEmpty();
      assertThat(messageDays(operator, account, "RENEWED")).containsExactly("2023-04-08");
      assertThat(operator.get("/v1/accounts/" + account).get("balance")).isEqualTo("0.00");
    }
  }

  @Test
  void aV0ResourceThatAutoRenewsOnItsExpiryDateGetsNoOverdueReminderAndOneThatCannotGetsItAfterTheDecision() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String funded = Fixtures.account(operator, "V0");
      Fixtures.topUp(operator, funded, "360.00");
      buyWithAutoRenew(operator, funded);
      String short_ = Fixtures.account(operator, "V0");
      Fixtures.topUp(operator, short_, "180.00");
      buyWithAutoRenew(operator, short_);

      Fixtures.advanceTo(operator, "2023-04-08T00:00:00+08:00");

      List<String> fundedTypes = Fixtures.messages(operator, funded).stream().map(message -> message.path("type").asText()).toList();
      assertThat(fundedTypes).contains("RENEWED").doesNotContain("OVERDUE_REMINDER");
      List<String> shortTypes = Fixtures.messages(operator, short_).stream().map(message -> message.path("type").asText()).toList();
      assertThat(shortTypes.subList(shortTypes.size() - 2, shortTypes.size())).as("the decision, then the reminder")
          .containsExactly(SHORT, "OVERDUE_REMINDER");
    }
  }

  @Test
  void anUnsubscribedOrReleasedResourceShowsAutoRenewalOff() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V0");
      Fixtures.topUp(operator, account, "180.00");
      String unsubscribed = buyWithAutoRenew(operator, account);
      String emptyWallet = Fixtures.account(operator, "V0");
      Fixtures.topUp(operator, emptyWallet, "180.00");
      String released = buyWithAutoRenew(operator, emptyWallet);

      HttpApi.Answer ended = operator.post("/v1/resources/" + unsubscribed + "/unsubscribe", Map.of(), "u1");
      assertThat(ended.status()).as("%s", ended).isEqualTo(200);
      assertThat(ended.json().path("autoRenew").asBoolean()).isFalse();
      Fixtures.advanceTo(operator, "2023-04-12T00:00:00+08:00");

      assertThat(Fixtures.phase(operator, released)).isEqualTo("RELEASED");
      assertThat(operator.get("/v1/resources/" + released).json().path("autoRenew").asBoolean()).isFalse();
      assertThat(operator.get("/v1/resources/" + unsubscribed).json().path("autoRenew").asBoolean()).isFalse();
    }
  }

  @Test
  void shortBalanceWarnsOnceADayFromSevenDaysBeforeThenExpiresAndATopUpRestoresIt() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, account, "200.00");
      String resource = buyWithAutoRenew(operator, account);

      Fixtures.advanceTo(operator, "2023-03-31T23:59:59+08:00");
      assertThat(messageDays(operator, account, SHORT)).isEmpty();
      for (String day : List.of("2023-04-01", "2023-04-02", "2023-04-03", "2023-04-04", "2023-04-05", "2023-04-06",
          "2023-04-07", "2023-04-08")) {
        Fixtures.advanceTo(operator, day + "T12:00:00+08:00");
      }
      assertThat(messageDays(operator, account, SHORT)).containsExactly("2023-04-01", "2023-04-02", "2023-04-03",
          "2023-04-04", "2023-04-05", "2023-04-06", "2023-04-07", "2023-04-08");

      Fixtures.advanceTo(operator, "2023-04-10T12:00:00+08:00");
      assertThat(Fixtures.phase(operator, resource)).isEqualTo("GRACE");
      assertThat(messageDays(operator, account, SHORT)).hasSize(10).doesNotHaveDuplicates();
      Fixtures.topUp(operator, account, "1.00");
      assertThat(messageDays(operator, account, SHORT)).as("a top-up still short on a day already warned").hasSize(10);

      Fixtures.topUp(operator, account, "200.00");

      HttpApi.Answer read = operator.get("/v1/resources/" + resource);
      assertThat(read.get("phase")).isEqualTo("ACTIVE");
      assertThat(read.json().path("term").path("end").asText()).as("counted from the old end").isEqualTo("2023-05-08T23:59:59+08:00");
      assertThat(messageDays(operator, account, "RESTORED")).containsExactly("2023-04-10");
      assertThat(operator.get("/v1/accounts/" + account).get("balance")).isEqualTo("41.00");
    }
  }
}
