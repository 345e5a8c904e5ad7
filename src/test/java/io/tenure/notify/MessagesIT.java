package io.tenure.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-app inbox over HTTP: one message per notice, newest first, pages that neither skip nor repeat one. */
class MessagesIT {

  @Test
  void theNoticesOfOneTransitionAreSeparateMessagesAndPagesWalkThemAll() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = withMessages(operator, "tencent-drive-enterprise", "2023-04-09T00:00:00+08:00");

      List<JsonNode> all = new ArrayList<>();
      operator.get("/v1/accounts/" + account + "/messages?limit=1000").json().path("items").forEach(all::add);
      List<String> atFreeze = all.stream().filter(message -> message.path("createdAt").asText().equals("2023-04-09T00:00:00+08:00"))
          .map(message -> message.path("type").asText()).toList();
      assertThat(atFreeze).as("newest first").containsExactly("RELEASE_SCHEDULED", "FROZEN", "EXPIRED");
      List<Long> sequences = all.stream().map(message -> message.path("sequence").asLong()).toList();
      assertThat(sequences).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
      assertThat(all).allSatisfy(message -> assertThat(message.path("id").asText()).isEqualTo("msg_" + message.path("sequence").asLong()));

      List<JsonNode> paged = new ArrayList<>();
      String next = "";
      do {
        JsonNode page = operator.get("/v1/accounts/" + account + "/messages?limit=2" + next).json();
        page.path("items").forEach(paged::add);
        next = page.path("next").isNull() ? null : "&before=" + page.path("next").asLong();
      } while (next != null);
      assertThat(paged).isEqualTo(all);
    }
  }

  @Test
  void everyMessageNamesThePlanTheResourceAndItsDatesInTheAccountsZone() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, account, "1000.00");
      String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
      Fixtures.advanceTo(operator, "2023-04-24T00:00:00+08:00");
      assertThat(Fixtures.phase(operator, resource)).isEqualTo("RELEASED");

      List<JsonNode> messages = Fixtures.messages(operator, account);
      assertThat(messages).extracting(message -> message.path("type").asText())
          .contains("EXPIRY_WARNING", "OVERDUE_REMINDER", "EXPIRED", "FROZEN", "RELEASE_SCHEDULED", "RELEASED");
      assertThat(messages).allSatisfy(message -> {
        assertThat(message.path("title").asText()).contains("KooDrive Basic");
        assertThat(message.path("body").asText()).contains("KooDrive Basic resource " + resource).contains("(UTC+08:00)")
            .doesNotContain("T00:00");
      });
      assertThat(body(messages, "EXPIRY_WARNING")).contains("expires at 2023-04-08 23:59 (UTC+08:00)")
          .contains("released, and its data erased, at 2023-04-23 00:00 (UTC+08:00)");
      assertThat(body(messages, "RELEASED")).isEqualTo("Your KooDrive Basic resource " + resource
          + " was released, and its data erased, at 2023-04-23 00:00 (UTC+08:00). To use KooDrive Basic again, buy a new resource.");
    }
  }

  @Test
  void aChineseAccountsInboxIsInChineseAndAnEnglishOnesInEnglish() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String chinese = Fixtures.account(operator, "V3", Map.of("locale", "zh-CN"));
      String english = Fixtures.account(operator, "V3", Map.of("locale", "en"));
      Fixtures.topUp(operator, chinese, "1000.00");
      Fixtures.topUp(operator, english, "1000.00");
      String chineseResource = Fixtures.bought(operator, chinese, "koodrive-basic", 1);
      Fixtures.bought(operator, english, "koodrive-basic", 1);
      Fixtures.advanceTo(operator, "2023-04-02T00:00:00+08:00");

      JsonNode chineseWarning = Fixtures.messages(operator, chinese).getFirst();
      JsonNode englishWarning = Fixtures.messages(operator, english).getFirst();
      assertThat(chineseWarning.path("type").asText()).isEqualTo("EXPIRY_WARNING");
      assertThat(chineseWarning.path("title").asText()).isEqualTo("您的KooDrive Basic将于2023-04-08到期");
      assertThat(chineseWarning.path("body").asText()).startsWith("您的KooDrive Basic资源" + chineseResource + "将于")
          .contains("如未续费，该资源将于2023-04-23 00:00 (UTC+08:00)释放，数据将被删除且无法恢复。");
      assertThat(englishWarning.path("title").asText()).isEqualTo("Your KooDrive Basic expires on 2023-04-08");

      HttpApi.Answer switched = operator.put("/v1/accounts/" + english + "/locale", Map.of("locale", "zh-CN"));
      assertThat(switched.status()).isEqualTo(200);
      assertThat(Fixtures.messages(operator, english).getFirst().path("title").asText())
          .as("shown in the account's language of now, until deliveries store what was sent").startsWith("您的");
    }
  }

  @Test
  void aMessageStartsUnreadAndReadingItTwiceCountsItOnce() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = withMessages(operator, "koodrive-basic", "2023-04-02T00:00:00+08:00");
      List<JsonNode> messages = Fixtures.messages(operator, account);
      assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat(message.path("read").asBoolean(true)).isFalse());
      assertThat(unread(operator, account)).isEqualTo(messages.size());

      String first = messages.getFirst().path("id").asText();
      HttpApi.Answer read = operator.post(inbox(account) + "/" + first + "/read", null);
      assertThat(read.status()).as("%s", read).isEqualTo(200);
      assertThat(read.json().path("read").asBoolean()).isTrue();
      assertThat(read.get("id")).isEqualTo(first);
      HttpApi.Answer again = operator.post(inbox(account) + "/" + first + "/read", null);
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.json()).isEqualTo(read.json());

      assertThat(unread(operator, account)).isEqualTo(messages.size() - 1);
      List<String> unreadIds = ids(operator.get(inbox(account) + "?unread=true&limit=1000").json());
      assertThat(unreadIds).hasSize(messages.size() - 1).doesNotContain(first);
      assertThat(Fixtures.messages(operator, account)).filteredOn(message -> message.path("read").asBoolean())
          .extracting(message -> message.path("id").asText()).containsExactly(first);
      assertThat(operator.get(inbox(account) + "?unread=false&limit=1000").json().path("items")).hasSize(messages.size());
      assertThat(operator.get(inbox(account) + "?unread=yes").errorCode()).isEqualTo("INVALID_QUERY_PARAMETER");
    }
  }

  @Test
  void anotherAccountsMessageOrAnIdOfNoMessageIsNotFound() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String mine = Fixtures.account(operator, "V3");
      String theirs = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, theirs, "1000.00");
      Fixtures.bought(operator, theirs, "koodrive-basic", 1);
      Fixtures.advanceTo(operator, "2023-04-02T00:00:00+08:00");
      String theirMessage = Fixtures.messages(operator, theirs).getFirst().path("id").asText();

      String padded = "msg_0" + Fixtures.messages(operator, theirs).getFirst().path("sequence").asLong();
      assertThat(operator.post(inbox(theirs) + "/" + padded + "/read", null).errorCode()).as("an id not as listed")
          .isEqualTo("MESSAGE_NOT_FOUND");
      for (String id : List.of(theirMessage, "msg_0", "msg_99999999999999999999", "42", "msg_-1")) {
        HttpApi.Answer answer = operator.post(inbox(mine) + "/" + id + "/read", null);
        assertThat(answer.status()).as(id).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("MESSAGE_NOT_FOUND");
        assertThat(answer.errorMessage()).startsWith("Account " + mine + " has no message ");
      }
      assertThat(unread(operator, theirs)).as("their message stays unread").isEqualTo(Fixtures.messages(operator, theirs).size());
      assertThat(unread(operator, mine)).isZero();
    }
  }

  @Test
  void theMessagesOfOneTransitionAreReadOneByOne() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = withMessages(operator, "tencent-drive-enterprise", "2023-04-09T00:00:00+08:00");
      List<JsonNode> atFreeze = Fixtures.messages(operator, account).stream()
          .filter(message -> message.path("createdAt").asText().equals("2023-04-09T00:00:00+08:00")).toList();
      assertThat(atFreeze).extracting(message -> message.path("type").asText()).containsExactly("EXPIRED", "FROZEN", "RELEASE_SCHEDULED");
      long before = unread(operator, account);

      String frozen = atFreeze.get(1).path("id").asText();
      assertThat(operator.post(inbox(account) + "/" + frozen + "/read", null).status()).isEqualTo(200);
      assertThat(unread(operator, account)).isEqualTo(before - 1);
      List<String> unreadIds = ids(operator.get(inbox(account) + "?unread=true&limit=1000").json());
      assertThat(unreadIds).contains(atFreeze.get(0).path("id").asText(), atFreeze.get(2).path("id").asText()).doesNotContain(frozen);

      for (JsonNode message : atFreeze) {
        assertThat(operator.post(inbox(account) + "/" + message.path("id").asText() + "/read", null).json().path("type").asText())
            .isEqualTo(message.path("type").asText());
      }
      assertThat(unread(operator, account)).isEqualTo(before - 3);
      assertThat(ids(operator.get(inbox(account) + "?unread=true&limit=1000").json()))
          .doesNotContainAnyElementsOf(atFreeze.stream().map(message -> message.path("id").asText()).toList());
    }
  }

  @Test
  void theAccountsOwnKeyReadsItsMessagesAndCountsThem() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = withMessages(operator, "koodrive-basic", "2023-04-02T00:00:00+08:00");
      HttpApi own = server.client(operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", account)).get("key"));
      String id = Fixtures.messages(own, account).getFirst().path("id").asText();
      long count = unread(own, account);

      assertThat(own.post(inbox(account) + "/" + id + "/read", null).status()).isEqualTo(200);
      assertThat(unread(own, account)).isEqualTo(count - 1);
    }
  }

  private static String inbox(String account) {
    return "/v1/accounts/" + account + "/messages";
  }

  private static long unread(HttpApi api, String account) {
    HttpApi.Answer answer = api.get(inbox(account) + "/unread-count");
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    return answer.json().path("unread").asLong();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(message -> ids.add(message.path("id").asText()));
    return ids;
  }

  private static String body(List<JsonNode> messages, String type) {
    return messages.stream().filter(message -> message.path("type").asText().equals(type)).findFirst().orElseThrow()
        .path("body").asText();
  }

  /** A V3 account that bought one month of {@code plan}, with the clock moved on to {@code until}. */
  private static String withMessages(HttpApi operator, String plan, String until) {
    String account = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, account, "1000.00");
    Fixtures.bought(operator, account, plan, 1);
    Fixtures.advanceTo(operator, until);
    return account;
  }
}
