package io.tenure.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** LOW_BALANCE over HTTP (docs/recharge.md): once per crossing of the threshold or the minimum runway, again after recovery. */
class LowBalanceIT {
  private static final String START = "2023-03-08T15:50:04+08:00";

  private static void adjust(HttpApi api, String account, String amount) {
    HttpApi.Answer adjusted = api.post("/v1/accounts/" + account + "/adjustments", Map.of("amount", amount, "reason", "test"),
        UUID.randomUUID().toString());
    assertThat(adjusted.status()).as("%s", adjusted).isEqualTo(201);
  }

  private static List<JsonNode> lowBalanceMessages(HttpApi api, String account) {
    return Fixtures.messages(api, account).stream().filter(message -> message.path("type").asText().equals("LOW_BALANCE")).toList();
  }

  @Test
  void lowBalanceIsRaisedOncePerCrossingOfTheThresholdAndAgainOnlyAfterARecovery() {
    try (TestServer server = TestServer.simulatedAt(START)) {
      HttpApi api = server.operator();
      String account = Fixtures.account(api, "V3");
      Fixtures.topUp(api, account, "300.00");
      RechargeIT.settings(api, account, Map.of("lowBalanceThreshold", "100.00"));
      Fixtures.bought(api, account, "koodrive-basic", 1);
      assertThat(lowBalanceMessages(api, account)).as("120.00 is above 100.00").isEmpty();

      adjust(api, account, "-30.00");
      adjust(api, account, "-10.00");
      assertThat(lowBalanceMessages(api, account)).hasSize(1);
      JsonNode read = api.get("/v1/accounts/" + account).json();
      assertThat(read.path("lowBalanceSince").asText()).isEqualTo(START);

      Fixtures.topUp(api, account, "50.00");
      assertThat(api.get("/v1/accounts/" + account).json().has("lowBalanceSince")).as("recovered at 130.00").isFalse();
      assertThat(lowBalanceMessages(api, account)).hasSize(1);

      adjust(api, account, "-40.00");
      List<JsonNode> messages = lowBalanceMessages(api, account);
      assertThat(messages).hasSize(2);
      assertThat(messages.getLast().path("body").asText()).contains("90.00 CNY").contains("100.00 CNY");
    }
  }

  @Test
  void aRunwayUnderTheMinimumRaisesLowBalanceTheDayBeforeAnAutoRenewalTheBalanceBarelyCovers() {
    try (TestServer server = TestServer.simulatedAt(START)) {
      HttpApi api = server.operator();
      String account = Fixtures.account(api, "V3");
      Fixtures.topUp(api, account, "480.00");
      RechargeIT.buyAutoRenewing(api, account);
      RechargeIT.settings(api, account, Map.of("minimumRunwayHours", 48));

      Fixtures.advanceTo(api, "2023-04-06T12:00:00+08:00");
      assertThat(lowBalanceMessages(api, account)).as("no spend in sight: the balance lasts").isEmpty();

      Fixtures.advanceTo(api, "2023-04-07T12:00:00+08:00");
      List<JsonNode> raised = lowBalanceMessages(api, account);
      assertThat(raised).hasSize(1);
      // 300.00 at 180.00 a day lasts 40 hours, under the minimum of 48.
      assertThat(raised.getFirst().path("createdAt").asText()).isEqualTo("2023-04-07T00:00:00+08:00");
      assertThat(raised.getFirst().path("title").asText()).isEqualTo("Your account's balance is running out");
      assertThat(api.get("/v1/accounts/" + account).json().has("lowBalanceSince")).isTrue();

      Fixtures.advanceTo(api, "2023-04-09T00:00:00+08:00");
      assertThat(api.get("/v1/accounts/" + account).json().has("lowBalanceSince")).as("renewed: nothing due in 24 h").isFalse();
      assertThat(lowBalanceMessages(api, account)).hasSize(1);
    }
  }
}
