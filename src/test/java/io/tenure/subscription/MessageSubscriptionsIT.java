package io.tenure.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.Settings;
import io.tenure.error.InvalidInputException;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Message subscription management over HTTP: the routing per type, changes, the floor, and the operator's file. */
class MessageSubscriptionsIT {
  @RegisterExtension
  static final SharedServer server = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");

  private static String path(String account) {
    return "/v1/accounts/" + account + "/message-subscriptions";
  }

  private static JsonNode type(JsonNode answer, String type) {
    for (JsonNode entry : answer.path("subscriptions")) {
      if (entry.path("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError("no " + type + " in " + answer);
  }

  private static List<String> texts(JsonNode list) {
    List<String> texts = new ArrayList<>();
    list.forEach(element -> texts.add(element.asText()));
    return texts;
  }

  private static Map<String, Object> choice(String type, List<String> roles, List<String> channels) {
    return Map.of("type", type, "roles", roles, "channels", channels);
  }

  @Test
  void anAccountThatChangedNothingSeesTheDefaultsAndFloorsOfEveryType() {
    String account = Fixtures.account(server.operator(), "V3");
    JsonNode answer = server.operator().get(path(account)).json();
    assertThat(answer.path("accountId").asText()).isEqualTo(account);
    assertThat(answer.path("routingVersion").asInt()).isPositive();
    assertThat(answer.path("subscriptions")).extracting(entry -> entry.path("type").asText())
        .containsExactlyElementsOf(MessageTypes.ALL);
    JsonNode released = type(answer, "RELEASED");
    assertThat(texts(released.path("roles"))).containsExactly("OWNER", "RESOURCE_COLLABORATOR", "FINANCE_COLLABORATOR", "COLLABORATOR");
    assertThat(texts(released.path("channels"))).containsExactly("EMAIL", "SMS", "IN_APP");
    assertThat(texts(released.path("floor").path("roles"))).containsExactly("OWNER");
    assertThat(texts(released.path("floor").path("channels"))).containsExactly("EMAIL", "IN_APP");
    assertThat(released.path("source").asText()).isEqualTo("DEFAULT");
    assertThat(texts(type(answer, "RENEWED").path("floor").path("roles"))).isEmpty();
  }

  @Test
  void switchingSmsOffForExpiryWarningsShowsInTheAnswerAndLeavesTheOtherTypesAlone() {
    HttpApi operator = server.operator();
    String account = Fixtures.account(operator, "V3");
    HttpApi accountKey = server.server().client(operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", account)).get("key"));
    HttpApi.Answer changed = accountKey.put(path(account), Map.of("subscriptions", List.of(Map.of("type", "EXPIRY_WARNING",
        "roles", List.of("OWNER", "RESOURCE_COLLABORATOR", "FINANCE_COLLABORATOR"), "contacts", List.of("Finance@Acme.example"),
        "channels", List.of("IN_APP", "EMAIL")))));
    assertThat(changed.status()).as("%s", changed).isEqualTo(200);

    JsonNode answer = accountKey.get(path(account)).json();
    assertThat(answer).isEqualTo(changed.json());
    JsonNode warning = type(answer, "EXPIRY_WARNING");
    assertThat(texts(warning.path("channels"))).containsExactly("EMAIL", "IN_APP");
    assertThat(texts(warning.path("contacts"))).containsExactly("finance@acme.example");
    assertThat(warning.path("source").asText()).isEqualTo("ACCOUNT");
    assertThat(texts(type(answer, "OVERDUE_REMINDER").path("channels"))).containsExactly("EMAIL", "SMS", "IN_APP");
    assertThat(type(answer, "OVERDUE_REMINDER").path("source").asText()).isEqualTo("DEFAULT");
  }

  @Test
  void switchingOffBelowTheFloorIsRefusedNamingTheFloorAndNothingChanges() {
    HttpApi operator = server.operator();
    String account = Fixtures.account(operator, "V3");
    JsonNode before = operator.get(path(account)).json();
    HttpApi.Answer refused = operator.put(path(account), Map.of("subscriptions", List.of(
        choice("RENEWED", List.of(), List.of()),
        choice("RELEASED", List.of("OWNER", "COLLABORATOR"), List.of("EMAIL", "SMS")))));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("SUBSCRIPTION_BELOW_FLOOR");
    assertThat(refused.errorMessage()).startsWith("RELEASED must reach OWNER by EMAIL and IN_APP.");
    assertThat(operator.get(path(account)).json()).as("the valid RENEWED choice was not stored either").isEqualTo(before);

    HttpApi.Answer withoutOwner = operator.put(path(account), Map.of("subscriptions", List.of(
        choice("EXPIRY_WARNING", List.of("FINANCE_COLLABORATOR"), List.of("EMAIL", "SMS", "IN_APP")))));
    assertThat(withoutOwner.errorCode()).isEqualTo("SUBSCRIPTION_BELOW_FLOOR");
    assertThat(withoutOwner.errorMessage()).startsWith("EXPIRY_WARNING must reach OWNER by EMAIL and IN_APP.");
  }

  @Test
  void aTypeWithoutFloorCanBeSwitchedOffEntirely() {
    String account = Fixtures.account(server.operator(), "V3");
    HttpApi.Answer changed = server.operator().put(path(account), Map.of("subscriptions", List.of(choice("RENEWED", List.of(), List.of()))));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(texts(type(changed.json(), "RENEWED").path("roles"))).isEmpty();
    assertThat(texts(type(changed.json(), "RENEWED").path("channels"))).isEmpty();
  }

  @Test
  void badChoicesAreRefusedWithTheFieldThatIsWrong() {
    HttpApi operator = server.operator();
    String account = Fixtures.account(operator, "V3");
    assertRefused(operator, account, Map.of("subscriptions", List.of(choice("PAYDAY", List.of("OWNER"), List.of("EMAIL")))),
        "INVALID_FIELD", "Field 'subscriptions[0].type': 'PAYDAY' is not a message type (known: EXPIRY_WARNING,");
    assertRefused(operator, account, Map.of("subscriptions", List.of(choice("RENEWED", List.of("OWNER"), List.of("EMAIL")),
        choice("RENEWED", List.of("OWNER"), List.of("SMS")))), "INVALID_FIELD", "Field 'subscriptions[1].type': RENEWED is given twice.");
    assertRefused(operator, account, Map.of("subscriptions", List.of(choice("RENEWED", List.of("PARTNER"), List.of("EMAIL")))),
        "INVALID_FIELD", "Field 'subscriptions[0].roles[0]'");
    assertRefused(operator, account, Map.of("subscriptions", List.of(choice("RENEWED", List.of("OWNER"), List.of("FAX")))),
        "INVALID_FIELD", "Field 'subscriptions[0].channels[0]'");
    assertRefused(operator, account, Map.of("subscriptions", List.of(Map.of("type", "RENEWED", "roles", List.of("OWNER")))),
        "MISSING_FIELD", "Field 'subscriptions[0].channels': is required.");
    assertRefused(operator, account, Map.of("subscriptions", List.of()), "INVALID_FIELD", "Field 'subscriptions': must list 1 to");
    assertRefused(operator, account, Map.of("subscriptions", List.of(Map.of("type", "RENEWED", "roles", List.of(),
        "contacts", List.of("stranger@example.com"), "channels", List.of("EMAIL")))), "INVALID_FIELD",
        "Field 'subscriptions[0].contacts[0]': 'stranger@example.com' is not the e-mail address of a contact of the account.");
    List<String> tooMany = java.util.stream.IntStream.range(0, 51).mapToObj(number -> "c" + number + "@acme.example").toList();
    assertRefused(operator, account, Map.of("subscriptions", List.of(Map.of("type", "RENEWED", "roles", List.of(),
        "contacts", tooMany, "channels", List.of("EMAIL")))), "INVALID_FIELD", "Field 'subscriptions[0].contacts': must name at most 50 contacts.");
    assertThat(operator.put("/v1/accounts/no-such-account/message-subscriptions",
        Map.of("subscriptions", List.of(choice("RENEWED", List.of("OWNER"), List.of("EMAIL"))))).errorCode()).isEqualTo("ACCOUNT_NOT_FOUND");
  }

  private static void assertRefused(HttpApi api, String account, Object body, String code, String message) {
    HttpApi.Answer answer = api.put(path(account), body);
    assertThat(answer.status()).as("%s", answer).isEqualTo(400);
    assertThat(answer.errorCode()).as("%s", answer).isEqualTo(code);
    assertThat(answer.errorMessage()).startsWith(message);
  }

  @Test
  void anOperatorsRoutingFileBecomesTheNextVersionAndItsFloorsApply(@org.junit.jupiter.api.io.TempDir Path directory)
      throws IOException {
    String database = TestDatabases.fresh();
    Instant start = Instant.parse("2023-03-08T07:50:04Z");
    int builtInVersion;
    try (TestServer first = TestServer.start(TestServer.settings(database, true, start))) {
      builtInVersion = first.operator().get(path(Fixtures.account(first.operator(), "V3"))).json().path("routingVersion").asInt();
    }
    Path file = directory.resolve("routing.yaml");
    Files.writeString(file, NoticeRoutingFile.builtInSource().replace("""
          RENEWED:
            roles: [OWNER, FINANCE_COLLABORATOR]
            channels: [EMAIL, IN_APP]
        """, """
          RENEWED:
            roles: [OWNER, FINANCE_COLLABORATOR]
            channels: [EMAIL, IN_APP]
            floor: {roles: [OWNER], channels: [EMAIL]}
        """));
    try (TestServer second = TestServer.start(withRouting(TestServer.settings(database, true, start), file))) {
      HttpApi operator = second.operator();
      String account = Fixtures.account(operator, "V3");
      JsonNode answer = operator.get(path(account)).json();
      assertThat(answer.path("routingVersion").asInt()).isEqualTo(builtInVersion + 1);
      assertThat(texts(type(answer, "RENEWED").path("floor").path("channels"))).containsExactly("EMAIL");
      assertThat(operator.put(path(account), Map.of("subscriptions", List.of(choice("RENEWED", List.of(), List.of()))))
          .errorMessage()).startsWith("RENEWED must reach OWNER by EMAIL.");
    }
    try (TestServer again = TestServer.start(withRouting(TestServer.settings(database, true, start), file))) {
      String account = Fixtures.account(again.operator(), "V3");
      assertThat(again.operator().get(path(account)).json().path("routingVersion").asInt())
          .as("the same file again is no new version").isEqualTo(builtInVersion + 1);
    }
  }

  @Test
  void anInvalidRoutingFileStopsTheStartNamingItsLine(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
    Path file = directory.resolve("routing.yaml");
    Files.writeString(file, NoticeRoutingFile.builtInSource().replace("channels: [EMAIL, SMS, IN_APP]\n    floor: {roles: [OWNER], channels: [EMAIL, IN_APP]}\n  EXPIRED:",
        "channels: [EMAIL]\n    floor: {roles: [OWNER], channels: [EMAIL, IN_APP]}\n  EXPIRED:"));
    Settings settings = withRouting(TestServer.settings(TestDatabases.fresh(), true, Instant.parse("2023-03-08T07:50:04Z")), file);
    assertThatThrownBy(() -> TestServer.start(settings).close())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file + ":7: types.EXPIRY_WARNING: the default lies below the floor: "
            + "EXPIRY_WARNING must reach OWNER by EMAIL and IN_APP.");
  }

  private static Settings withRouting(Settings settings, Path file) {
    return new Settings(settings.port(), settings.dataDirectory(), settings.databaseUrl(), settings.simulatedClock(),
        settings.start(), settings.zone(), settings.operatorKey(), settings.poolSize(), settings.maxRequestBytes(),
        settings.tickIntervalMillis(), settings.engineWorkers(), settings.defaultLocale(), Optional.of(file), settings.channels());
  }
}
