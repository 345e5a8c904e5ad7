package io.tenure.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountsIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");
  private static HttpApi operator;

  @BeforeAll
  static void operator() {
    operator = shared.operator();
  }

  @Test
  void newAccountDefaultsToShanghaiAndYuanWithAnEmptyWallet() {
    String id = Fixtures.account(operator, "V3");
    HttpApi.Answer account = operator.get("/v1/accounts/" + id);
    assertThat(account.status()).isEqualTo(200);
    assertThat(account.get("tier")).isEqualTo("V3");
    assertThat(account.get("timeZone")).isEqualTo("Asia/Shanghai");
    assertThat(account.get("currency")).isEqualTo("CNY");
    assertThat(account.get("balance")).isEqualTo("0.00");
    assertThat(account.json().path("inArrears").asBoolean()).isFalse();
    assertThat(account.get("createdAt")).isEqualTo("2023-03-08T15:50:04+08:00");
    assertThat(account.json().path("contacts")).hasSize(2);
  }

  @Test
  void anAccountSpeaksTheOperatorsDefaultLocaleUnlessItNamesOneAndCanChangeIt() {
    String english = Fixtures.account(operator, "V3");
    String chinese = Fixtures.account(operator, "V3", Map.of("locale", "zh-CN"));
    assertThat(operator.get("/v1/accounts/" + english).get("locale")).isEqualTo("en");
    assertThat(operator.get("/v1/accounts/" + chinese).get("locale")).isEqualTo("zh-CN");

    HttpApi.Answer changed = operator.put("/v1/accounts/" + english + "/locale", Map.of("locale", "zh-CN"));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.get("locale")).isEqualTo("zh-CN");
    assertThat(operator.get("/v1/accounts/" + english).get("locale")).isEqualTo("zh-CN");
  }

  @Test
  void aLocaleOtherThanEnglishOrSimplifiedChineseIsRefusedListingTheLocales() {
    HttpApi.Answer created = operator.post("/v1/accounts", Map.of("name", "X", "tier", "V1", "locale", "zh_CN",
        "contacts", List.of(Map.of("name", "O", "role", "OWNER", "email", "o@x.example"))));
    String id = Fixtures.account(operator, "V1");
    HttpApi.Answer changed = operator.put("/v1/accounts/" + id + "/locale", Map.of("locale", "fr"));
    HttpApi.Answer missing = operator.put("/v1/accounts/" + id + "/locale", Map.of());

    assertThat(created.status()).isEqualTo(400);
    assertThat(created.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(created.errorMessage()).isEqualTo("Field 'locale': 'zh_CN' must be one of en, zh-CN.");
    assertThat(changed.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(changed.errorMessage()).isEqualTo("Field 'locale': 'fr' must be one of en, zh-CN.");
    assertThat(missing.errorCode()).isEqualTo("MISSING_FIELD");
    assertThat(operator.get("/v1/accounts/" + id).get("locale")).isEqualTo("en");
  }

  @Test
  void unknownTimeZoneAndCurrencyAreRefusedWithStableCodes() {
    HttpApi.Answer zone = operator.post("/v1/accounts", Map.of("name", "X", "tier", "V1", "timeZone", "Mars/Base",
        "contacts", List.of(Map.of("name", "O", "role", "OWNER", "email", "o@x.example"))));
    HttpApi.Answer currency = operator.post("/v1/accounts", Map.of("name", "X", "tier", "V1", "currency", "XYZ",
        "contacts", List.of(Map.of("name", "O", "role", "OWNER", "email", "o@x.example"))));
    assertThat(zone.status()).isEqualTo(400);
    assertThat(zone.errorCode()).isEqualTo("UNKNOWN_TIME_ZONE");
    assertThat(currency.status()).isEqualTo(400);
    assertThat(currency.errorCode()).isEqualTo("UNKNOWN_CURRENCY");
  }

  @Test
  void accountNeedsExactlyOneOwnerAndReachableContacts() {
    HttpApi.Answer noOwner = operator.post("/v1/accounts", Map.of("name", "X", "tier", "V1",
        "contacts", List.of(Map.of("name", "C", "role", "COLLABORATOR", "email", "c@x.example"))));
    HttpApi.Answer unreachable = operator.post("/v1/accounts", Map.of("name", "X", "tier", "V1",
        "contacts", List.of(Map.of("name", "O", "role", "OWNER"))));
    HttpApi.Answer badRole = operator.post("/v1/accounts", Map.of("name", "X", "tier", "V1",
        "contacts", List.of(Map.of("name", "O", "role", "KING", "email", "o@x.example"))));
    assertThat(noOwner.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(noOwner.errorMessage()).contains("OWNER");
    assertThat(unreachable.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.errorMessage()).contains("role");
  }

  @Test
  void settingsAreReplacedAndShown() {
    String id = Fixtures.account(operator, "gold");
    HttpApi.Answer changed = operator.put("/v1/accounts/" + id + "/settings", Map.of("lowBalanceThreshold", "50.00",
        "creditLimit", "100", "autoRecharge", Map.of("threshold", "20.00", "amount", "200.00")));
    assertThat(changed.status()).as("%s", changed).isEqualTo(200);
    assertThat(changed.json().path("settings").path("lowBalanceThreshold").asText()).isEqualTo("50.00");
    assertThat(changed.json().path("settings").path("creditLimit").asText()).isEqualTo("100.00");
    assertThat(changed.json().path("settings").path("autoRecharge").path("amount").asText()).isEqualTo("200.00");

    HttpApi.Answer tooPrecise = operator.put("/v1/accounts/" + id + "/settings", Map.of("creditLimit", "1.001"));
    assertThat(tooPrecise.status()).isEqualTo(400);
    assertThat(tooPrecise.errorCode()).isEqualTo("INVALID_AMOUNT");
  }

  @Test
  void contactsCanBeReplaced() {
    String id = Fixtures.account(operator, "V1");
    HttpApi.Answer replaced = operator.put("/v1/accounts/" + id + "/contacts", List.of(
        Map.of("name", "New Owner", "role", "OWNER", "email", "new@acme.example"),
        Map.of("name", "Rita", "role", "RESOURCE_COLLABORATOR", "phone", "+8613900000000")));
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().path("contacts").get(0).path("name").asText()).isEqualTo("New Owner");
    assertThat(replaced.json().path("contacts").get(1).path("role").asText()).isEqualTo("RESOURCE_COLLABORATOR");
  }

  @Test
  void aTierTheCatalogDoesNotListIsRefusedWithTheListNeverGivenTheDefaultPeriods() {
    for (String tier : List.of("v3", "V9", "platinum")) {
      HttpApi.Answer refused = operator.post("/v1/accounts", Map.of("name", "X", "tier", tier,
          "contacts", List.of(Map.of("name", "O", "role", "OWNER", "email", "o@x.example"))));
      assertThat(refused.status()).as("%s", refused).isEqualTo(400);
      assertThat(refused.errorCode()).isEqualTo("UNKNOWN_TIER");
      assertThat(refused.errorMessage()).isEqualTo("Field 'tier': '" + tier
          + "' is not a tier of the catalog; it must be one of V0, V1, V2, V3, V4, V5, international, standard, silver, gold.");
    }
  }

  @Test
  void aCurrencyNoPlanIsPricedInIsRefusedListingTheCatalogsCurrencies() {
    int before = operator.get("/v1/accounts?limit=1000").json().path("items").size();
    HttpApi.Answer refused = operator.post("/v1/accounts", Map.of("name", "X", "tier", "V3", "currency", "USD",
        "contacts", List.of(Map.of("name", "O", "role", "OWNER", "email", "o@x.example"))));
    assertThat(refused.status()).as("%s", refused).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("UNSUPPORTED_CURRENCY");
    assertThat(refused.errorMessage())
        .isEqualTo("Field 'currency': 'USD' is not a currency the catalog prices its plans in; it must be one of CNY.");
    assertThat(operator.get("/v1/accounts?limit=1000").json().path("items").size()).as("nothing was created").isEqualTo(before);
  }

  @Test
  void theAccountAnswerLeavesOutWhatTheAccountDoesNotHaveAndItsSettingsGoBackUnchanged() {
    String id = Fixtures.account(operator, "V3");
    HttpApi.Answer account = operator.get("/v1/accounts/" + id);
    assertThat(account.json().has("partnerId")).isFalse();
    assertThat(account.json().path("settings").has("lowBalanceThreshold")).isFalse();
    assertThat(account.json().path("settings").has("autoRecharge")).isFalse();
    assertThat(account.json().path("contacts").get(1).has("phone")).as("Fiona has no phone").isFalse();
    assertThat(account.text()).doesNotContain("null");

    HttpApi.Answer sentBack = operator.put("/v1/accounts/" + id + "/settings", account.json().path("settings"));
    assertThat(sentBack.status()).as("%s", sentBack).isEqualTo(200);
    assertThat(sentBack.json().path("settings")).isEqualTo(account.json().path("settings"));
  }

  @Test
  void aPartnersCreationInstantIsShownInTheOperatorsZone() {
    HttpApi.Answer partner = operator.post("/v1/partners", Map.of("name", "Reseller",
        "contacts", List.of(Map.of("name", "P", "role", "OWNER", "email", "p@x.example"))));
    assertThat(partner.status()).as("%s", partner).isEqualTo(201);
    assertThat(partner.get("createdAt")).isEqualTo("2023-03-08T15:50:04+08:00");
    assertThat(partner.json().path("contacts").get(0).has("phone")).isFalse();
    String account = Fixtures.account(operator, "V1", Map.of("partnerId", partner.get("id")));
    assertThat(operator.get("/v1/accounts/" + account).get("partnerId")).isEqualTo(partner.get("id"));
  }

  @Test
  void unknownAccountIsNotFound() {
    HttpApi.Answer answer = operator.get("/v1/accounts/acc_nothing");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.errorCode()).isEqualTo("ACCOUNT_NOT_FOUND");
  }
}
