package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.tenure.testing.ConsoleBrowser;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner in the console, in a real browser, on the simulated clock: its watch list with an account in arrears
 * and the release that waits for it, the filter, a top-up (submitted twice, recorded once) that ends the arrears,
 * and the fence around another partner's account.
 */
class ConsolePartnerIT {
  private static TestServer server;
  private static ConsoleBrowser browser;
  private static String partnerKey;
  private static String owing;
  private static String low;
  private static String instance;
  private static String othersAccount;

  /** The demo catalog with pay-as-you-go at 3.00 an hour, so ten yuan last a little over three hours. */
  private static String catalogAtThreePerHour() throws IOException {
    try (InputStream input = ConsolePartnerIT.class.getResourceAsStream("/catalog/demo.yaml")) {
      return new String(input.readAllBytes(), StandardCharsets.UTF_8).replace("version: 1", "version: 2")
          .replace("hourlyPrice: 0.10", "hourlyPrice: 3.00");
    }
  }

  @BeforeAll
  static void aPartnerWithAnAccountInArrearsAndOneLowOnMoney() throws IOException {
    server = TestServer.simulatedAt("2026-03-01T00:00:00Z");
    HttpApi operator = server.operator();
    assertThat(operator.send("PUT", "/v1/catalog", catalogAtThreePerHour(), null).status()).isEqualTo(201);
    String partnerId = operator.post("/v1/partners", Map.of("name", "Changzhou Reseller")).get("id");
    partnerKey = operator.post("/v1/api-keys", Map.of("scope", "PARTNER", "partnerId", partnerId)).get("key");
    HttpApi partner = server.client(partnerKey);
    String otherPartnerId = operator.post("/v1/partners", Map.of("name", "Other Reseller")).get("id");
    HttpApi otherPartner = server.client(operator.post("/v1/api-keys", Map.of("scope", "PARTNER", "partnerId", otherPartnerId)).get("key"));
    othersAccount = Fixtures.account(otherPartner, "silver", Map.of("name", "Someone Else's Customer"));
    Fixtures.topUp(otherPartner, othersAccount, "42.00");

    low = Fixtures.account(partner, "silver", Map.of("name", "Low Balance Ltd"));
    assertThat(partner.put("/v1/accounts/" + low + "/settings", Map.of("lowBalanceThreshold", "100.00")).status()).isEqualTo(200);
    Fixtures.topUp(partner, low, "250.00");
    Fixtures.bought(partner, low, "koodrive-basic", 1);
    Fixtures.advanceTo(operator, "2026-03-26T00:00:00Z");
    owing = Fixtures.account(partner, "silver", Map.of("name", "Owing Co"));
    Fixtures.topUp(partner, owing, "10.00");
    instance = Fixtures.payAsYouGo(partner, owing);
    // Five hours at 3.00 on 10.00: 5.00 owed since the settlement of 12:00 (UTC+08:00).
    Fixtures.advanceTo(operator, "2026-03-26T05:00:00Z");
    browser = ConsoleBrowser.open(server);
  }

  @AfterAll
  static void close() {
    browser.close();
    server.close();
  }

  @Test
  void aPartnerSeesItsAccountInArrearsWithItsReleaseFiltersToItAndTopsItUpOnceThoughSubmittedTwice() {
    Page page = browser.signedIn(partnerKey);
    assertThat(page.textContent("h1")).isEqualTo("Your accounts");
    assertThat(page.locator("table.partner-accounts tbody tr").count()).isEqualTo(2);
    String owingRow = "#account-" + owing;
    assertThat(page.textContent(owingRow + " .arrears")).isEqualTo("In arrears since 2026-03-26 12:00 (UTC+08:00), owes 5.00 CNY.");
    assertThat(page.textContent(owingRow + " .runway")).isEqualTo("0 h");
    assertThat(page.textContent(owingRow + " ul.releases")).contains("ecs-general").contains("Grace")
        .contains("released 2026-04-11 12:00 (UTC+08:00) unless paid");
    assertThat(page.textContent("#account-" + low)).contains("Low balance since 2026-03-01 08:00 (UTC+08:00).")
        .contains("koodrive-basic · 2026-04-01 23:59 (UTC+08:00)");
    assertThat(page.locator("#account-" + low + " .arrears").count()).isZero();
    ConsoleBrowser.screenshot(page, "partner-watch-list");

    page.click("#filter-in-arrears");
    page.waitForURL("**/console/home?filter=in-arrears");
    assertThat(page.locator("table.partner-accounts tbody tr").count()).isEqualTo(1);
    assertThat(page.locator(owingRow).count()).isEqualTo(1);
    ConsoleBrowser.screenshot(page, "partner-in-arrears");

    page.click(owingRow + " td a");
    page.waitForURL("**/console/partner/accounts/" + owing);
    assertThat(page.textContent("#balance")).isEqualTo("-5.00 CNY");
    assertThat(page.textContent("table.resources")).contains(instance);
    assertThat(page.textContent("table.bills")).contains("Usage");
    ConsoleBrowser.screenshot(page, "partner-account");
    page.fill("#amount", "100.00");
    page.click("#top-up button");
    page.waitForSelector("#confirm");
    assertThat(page.textContent("main")).contains("Record 100.00 CNY paid into the wallet of Owing Co (" + owing + ")? The balance is -5.00 CNY now.");
    ConsoleBrowser.screenshot(page, "partner-top-up-confirm");
    // Two submits at once from the same form, then the click: one idempotency key, one top-up.
    page.evaluate("""
        async () => {
          const form = document.querySelector('#confirm');
          const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
          await Promise.all([send(), send()]);
        }""");
    page.click("#confirm button");
    page.waitForSelector(".notice");
    assertThat(page.textContent(".notice")).isEqualTo("The top-up was recorded.");
    assertThat(page.textContent("#balance")).isEqualTo("95.00 CNY");
    assertThat(page.textContent("#arrears")).doesNotContain("In arrears");
    assertThat(topUps(owing)).as("10.00 at the start and 100.00 once").isEqualTo(2);
    assertThat(Fixtures.phase(server.operator(), instance)).isEqualTo("ACTIVE");

    page.navigate("/console/home?filter=in-arrears");
    assertThat(page.locator("table.partner-accounts tbody tr").count()).isZero();
    assertThat(page.textContent("main")).contains("No accounts.");
  }

  @Test
  void aPartnerCannotOpenOrTopUpAnotherPartnersAccountByUrlEither() {
    Page page = browser.signedIn(partnerKey);
    assertThat(page.textContent("main")).doesNotContain(othersAccount).doesNotContain("Someone Else");
    Response opened = page.navigate("/console/partner/accounts/" + othersAccount);
    assertThat(opened.status()).isEqualTo(404);
    assertThat(page.textContent("[role=alert]")).isEqualTo("There is no such page, or you may not see it.");
    assertThat(page.content()).doesNotContain(othersAccount).doesNotContain("Someone Else").doesNotContain("42.00");
    page.navigate("/console/home");
    // A hand-made form with the session's own CSRF token: the API refuses it as unknown, nothing is recorded.
    Object status = page.evaluate("""
        async (account) => {
          const body = new URLSearchParams({csrf: document.querySelector('input[name=csrf]').value,
              amount: '1000.00', idempotencyKey: 'console-fence-test'});
          const answer = await fetch('/console/partner/accounts/' + account + '/top-up/confirm', {method: 'POST', body});
          return answer.status;
        }""", othersAccount);
    assertThat(status).isEqualTo(404);
    assertThat(server.operator().get("/v1/accounts/" + othersAccount).get("balance")).isEqualTo("42.00");
  }

  @Test
  void aTopUpTheApiRefusesShowsTheApisMessageAndRecordsNothing() {
    Page page = browser.signedIn(partnerKey);
    page.navigate("/console/partner/accounts/" + low);
    String balance = page.textContent("#balance");
    page.evaluate("document.querySelector('#amount').removeAttribute('pattern')");
    page.fill("#amount", "ten yuan");
    page.click("#top-up button");
    page.waitForSelector("#confirm");
    Response refused = page.waitForResponse(answer -> answer.url().endsWith("/top-up/confirm"), () -> page.click("#confirm button"));
    assertThat(refused.status()).isEqualTo(400);
    page.waitForSelector("[role=alert]");
    assertThat(page.textContent("[role=alert]")).startsWith("Field 'amount': ");
    page.navigate("/console/partner/accounts/" + low);
    assertThat(page.textContent("#balance")).isEqualTo(balance);
  }

  private static int topUps(String account) {
    int count = 0;
    for (JsonNode transaction : server.operator().get("/v1/accounts/" + account + "/ledger?limit=1000").json().path("items")) {
      if (transaction.path("kind").asText().equals("TOP_UP")) {
        count++;
      }
    }
    return count;
  }
}
