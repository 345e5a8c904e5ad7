package io.tenure.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new catalog version applies to new purchases and renewals; a term already bought keeps its prices. */
class CatalogVersionsIT {

  private static String demo() throws IOException {
    try (InputStream input = CatalogVersionsIT.class.getResourceAsStream("/catalog/demo.yaml")) {
      return new String(input.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void newVersionPricesNewPurchasesAndRenewalsButNotTheTermAlreadyBought() throws IOException {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      assertThat(operator.get("/v1/catalog").json().path("version").asInt()).isEqualTo(1);
      String account = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, account, "2000.00");
      String before = Fixtures.bought(operator, account, "koodrive-basic", 1);

      String version2 = demo().replace("version: 1", "version: 2").replace("{MONTH: 180.00, YEAR: 1800.00}", "{MONTH: 200.00, YEAR: 2000.00}")
          .replace("{MONTH: 2.75, YEAR: 27.50}", "{MONTH: 3.00, YEAR: 30.00}");
      HttpApi.Answer loaded = operator.send("PUT", "/v1/catalog", version2, null);
      assertThat(loaded.status()).as("%s", loaded).isEqualTo(201);
      assertThat(operator.get("/v1/catalog").json().path("version").asInt()).isEqualTo(2);

      HttpApi.Answer added = operator.put("/v1/resources/" + before + "/add-ons", List.of(Map.of("code", "koodrive-users", "quantity", 5)));
      assertThat(added.json().path("bill").path("total").asText()).as("the term bought under version 1 keeps its prices")
          .isEqualTo("13.75");
      HttpApi.Answer renewed = operator.post("/v1/resources/" + before + "/renewals", Map.of("periods", 1), "renew");
      assertThat(renewed.json().path("bill").path("total").asText()).isEqualTo("215.00");
      HttpApi.Answer after = Fixtures.buyMonths(operator, account, "koodrive-basic", 1);
      assertThat(after.json().path("bill").path("total").asText()).isEqualTo("200.00");
    }
  }

  @Test
  void aNewPolicyAppliesFromTheNextPhaseNeverInTheMiddleOfOne() throws IOException {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, account, "1000.00");
      String alreadyExpired = Fixtures.bought(operator, account, "koodrive-basic", 1);
      Fixtures.advanceTo(operator, "2023-03-20T00:00:00+08:00");
      String stillActive = Fixtures.bought(operator, account, "koodrive-basic", 1);
      Fixtures.advanceTo(operator, "2023-04-09T00:00:00+08:00");
      assertThat(Fixtures.phase(operator, alreadyExpired)).isEqualTo("GRACE");

      String version2 = demo().replace("version: 1", "version: 2").replace("policy: huawei-drive", "policy: tencent-drive");
      assertThat(operator.send("PUT", "/v1/catalog", version2, null).status()).isEqualTo(201);

      Fixtures.advanceTo(operator, "2023-04-21T00:00:00+08:00");
      assertThat(Fixtures.phase(operator, stillActive)).as("expired under version 2: tencent-drive freezes at once")
          .isEqualTo("FROZEN");
      assertThat(operator.get("/v1/resources/" + stillActive).get("policy")).isEqualTo("tencent-drive");
      assertThat(Fixtures.phase(operator, alreadyExpired)).as("in grace under version 1: huawei-drive V3 freezes at D+8")
          .isEqualTo("FROZEN");
      assertThat(operator.get("/v1/resources/" + alreadyExpired).get("policy")).isEqualTo("huawei-drive");
      Fixtures.advanceTo(operator, "2023-04-23T00:00:00+08:00");
      assertThat(Fixtures.phase(operator, alreadyExpired)).isEqualTo("RELEASED");
      assertThat(Fixtures.phase(operator, stillActive)).isEqualTo("FROZEN");
    }
  }

  @Test
  void theCatalogReadFromTheApiLoadsBackUnchangedAsTheNextVersionEqualInContent() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      HttpApi.Answer first = operator.get("/v1/catalog");
      HttpApi.Answer loaded = operator.send("PUT", "/v1/catalog", first.text(), null);
      assertThat(loaded.status()).as("%s", loaded).isEqualTo(201);
      assertThat(loaded.json().path("version").asInt()).isEqualTo(2);

      HttpApi.Answer second = operator.get("/v1/catalog");
      assertThat(second.json().path("version").asInt()).isEqualTo(2);
      ObjectNode firstContent = first.json().deepCopy();
      ObjectNode secondContent = second.json().deepCopy();
      firstContent.remove("version");
      secondContent.remove("version");
      assertThat(secondContent).isEqualTo(firstContent);
      assertThat(operator.send("PUT", "/v1/catalog", second.text(), null).json().path("version").asInt()).isEqualTo(3);
    }
  }

  @Test
  void aVersionThatDropsATierSomeAccountHasIsRefusedNamingTheTier() throws IOException {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V3");
      String withoutV3 = demo().replace("version: 1", "version: 2").replace("V2, V3, V4", "V2, V4, platinum");
      HttpApi.Answer refused = operator.send("PUT", "/v1/catalog", withoutV3, null);
      assertThat(refused.status()).as("%s", refused).isEqualTo(409);
      assertThat(refused.errorCode()).isEqualTo("TIER_IN_USE");
      assertThat(refused.errorMessage()).isEqualTo("Catalog version 2 does not list the tier 'V3' (1 account, " + account
          + "), which accounts have. Keep every tier in use in 'tiers'.");
      assertThat(operator.get("/v1/catalog").json().path("version").asInt()).isEqualTo(1);

      String withPlatinum = demo().replace("version: 1", "version: 2").replace("V4, V5", "V4, V5, platinum");
      assertThat(operator.send("PUT", "/v1/catalog", withPlatinum, null).status()).isEqualTo(201);
      Fixtures.account(operator, "platinum");
    }
  }

  @Test
  void aVersionInAnotherCurrencyThanAccountsHoldIsRefused() throws IOException {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String inEuro = demo().replace("version: 1", "version: 2").replace("currency: CNY", "currency: EUR");
      assertThat(operator.send("PUT", "/v1/catalog", inEuro, null).status()).as("no account yet").isEqualTo(201);
      assertThat(operator.post("/v1/accounts", Map.of("name", "X", "tier", "V1", "currency", "CNY",
          "contacts", List.of(Map.of("name", "O", "role", "OWNER", "email", "o@x.example")))).errorCode())
          .isEqualTo("UNSUPPORTED_CURRENCY");
      String account = Fixtures.account(operator, "V1");
      assertThat(operator.get("/v1/accounts/" + account).get("currency")).as("the catalog's currency by default").isEqualTo("EUR");

      HttpApi.Answer refused = operator.send("PUT", "/v1/catalog", demo().replace("version: 1", "version: 3"), null);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.errorCode()).isEqualTo("CURRENCY_IN_USE");
      assertThat(refused.errorMessage()).isEqualTo("Catalog version 3 is priced in CNY, but accounts hold 'EUR' (1 account, "
          + account + ") and could buy nothing from it.");
    }
  }

  @Test
  void aPriceInArabicIndicDigitsIsRefused() throws IOException {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      String arabic = demo().replace("version: 1", "version: 2").replace("{MONTH: 180.00,", "{MONTH: \"\u0661\u0662\",");
      HttpApi.Answer refused = server.operator().send("PUT", "/v1/catalog", arabic, null);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.errorCode()).isEqualTo("INVALID_CATALOG");
      assertThat(refused.errorMessage()).contains("plans[0].prices.MONTH: '\u0661\u0662' is not a decimal in ASCII digits");
    }
  }

  @Test
  void aCatalogWithAMistakeIsRefusedNamingTheLineAndNothingChanges() throws IOException {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String broken = demo().replace("version: 1", "version: 2").replace("prices: {MONTH: 180.00, YEAR: 1800.00}",
          "prices: {MONTH: 180.001, YEAR: 1800.00}");
      HttpApi.Answer refused = operator.send("PUT", "/v1/catalog", broken, null);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.errorCode()).isEqualTo("INVALID_CATALOG");
      assertThat(refused.errorMessage()).matches("request body:\\d+: plans\\[0\\]\\.prices\\.MONTH: .*");

      HttpApi.Answer byAccount = server.client(operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT",
          "accountId", Fixtures.account(operator, "V1"))).get("key")).send("PUT", "/v1/catalog", demo(), null);
      assertThat(byAccount.status()).isEqualTo(403);
      assertThat(operator.get("/v1/catalog").json().path("version").asInt()).isEqualTo(1);

      assertThat(operator.send("PUT", "/v1/catalog", demo().replace("version: 1", "version: 3"), null).status()).isEqualTo(201);
      HttpApi.Answer older = operator.send("PUT", "/v1/catalog", demo(), null);
      assertThat(older.status()).isEqualTo(409);
      assertThat(older.errorCode()).isEqualTo("CATALOG_VERSION_NOT_NEWER");
      assertThat(older.errorMessage()).isEqualTo(
          "Catalog version 1 is older than the current version 3. Start from GET /v1/catalog, or number the file above 3.");
      assertThat(operator.get("/v1/catalog").json().path("version").asInt()).isEqualTo(3);
    }
  }
}
