package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.tenure.testing.ConsoleBrowser;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A customer (an account key) in the console, in a real browser: its pages, its acts, and the session's guards. */
class ConsoleCustomerIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00").withBrowser();

  /** A new account with money and one resource; returns its id, its key and the resource's id. */
  private static String[] customer(Map<String, Object> extra) {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V1", extra);
    Fixtures.topUp(operator, account, "5000.00");
    String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
    String key = operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", account)).get("key");
    return new String[] {account, key, resource};
  }

  private static List<JsonNode> bills(String account, String type) {
    List<JsonNode> found = new ArrayList<>();
    shared.operator().get("/v1/accounts/" + account + "/bills?limit=1000").json().path("items").forEach(bill -> {
      if (bill.path("type").asText().equals(type)) {
        found.add(bill);
      }
    });
    return found;
  }

  @Test
  void theResourcesPageDrawsEachResourcesTimeline() {
    String[] customer = customer(Map.of("name", "Acme Customer"));
    Page page = shared.browser().signedIn(customer[1]);
    assertThat(page.locator("section.resource").count()).isEqualTo(1);
    assertThat(page.locator("section.resource svg rect").count()).isGreaterThanOrEqualTo(2);
    // The projected instants, in the account's zone (Asia/Shanghai), as prose.
    assertThat(page.textContent("section.resource figcaption")).containsPattern("Expiry, grace begins: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(UTC\\+08:00\\)")
        .contains("Frozen: ").contains("Release: ");
    ConsoleBrowser.screenshot(page, "customer-resources");
    page.click("section.resource h2 a");
    page.waitForURL("**/console/resources/" + customer[2]);
    assertThat(page.textContent("#phase")).isEqualTo("Active");
    assertThat(page.locator("table.events tr.projected").count()).isGreaterThan(0);
    ConsoleBrowser.screenshot(page, "resource");
  }

  @Test
  void aDoubleSubmittedRenewalChargesOnce() {
    String[] customer = customer(Map.of());
    String balanceBefore = shared.operator().get("/v1/accounts/" + customer[0]).get("balance");
    Page page = shared.browser().signedIn(customer[1]);
    page.navigate("/console/resources/" + customer[2]);
    page.fill("#periods", "2");
    page.click("#renew button");
    page.waitForSelector("#confirm");
    assertThat(page.textContent("main")).contains("Renew koodrive-basic for 2 month(s)?");
    ConsoleBrowser.screenshot(page, "renew-confirm");
    // Two submits at once from the same form, then the click: one idempotency key, one renewal.
    page.evaluate("""
        async () => {
          const form = document.querySelector('#confirm');
          const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
          await Promise.all([send(), send()]);
        }""");
    page.click("#confirm button");
    page.waitForSelector(".notice");
    assertThat(page.textContent(".notice")).isEqualTo("Renewed.");
    List<JsonNode> renewals = bills(customer[0], "RENEWAL");
    assertThat(renewals).hasSize(1);
    assertThat(new java.math.BigDecimal(shared.operator().get("/v1/accounts/" + customer[0]).get("balance")))
        .isEqualByComparingTo(new java.math.BigDecimal(balanceBefore).subtract(new java.math.BigDecimal(renewals.getFirst().path("total").asText())));
  }

  @Test
  void aRenewalTheApiRefusesShowsTheApisMessageAndChargesNothing() {
    String[] customer = customer(Map.of());
    Page page = shared.browser().signedIn(customer[1]);
    page.navigate("/console/resources/" + customer[2]);
    page.evaluate("document.querySelector('#periods').removeAttribute('min')");
    page.fill("#periods", "0");
    page.click("#renew button");
    page.waitForSelector("#confirm");
    com.microsoft.playwright.Response refused = page.waitForResponse(response -> response.url().endsWith("/renew/confirm"),
        () -> page.click("#confirm button"));
    assertThat(refused.status()).isEqualTo(400);
    page.waitForSelector("[role=alert]");
    assertThat(page.textContent("[role=alert]")).startsWith("Field 'periods': ");
    assertThat(bills(customer[0], "RENEWAL")).isEmpty();
  }

  @Test
  void aCustomerSwitchesAMessageSubscription() {
    String[] customer = customer(Map.of());
    Page page = shared.browser().signedIn(customer[1]);
    page.navigate("/console/subscriptions");
    String before = channels(customer[0], "EXPIRY_WARNING");
    assertThat(before).contains("SMS");
    page.click("#type-EXPIRY_WARNING button[data-channel=SMS]");
    page.waitForSelector(".notice");
    assertThat(page.textContent(".notice")).isEqualTo("Your message subscription was changed.");
    assertThat(channels(customer[0], "EXPIRY_WARNING")).doesNotContain("SMS");
    assertThat(page.textContent("#type-EXPIRY_WARNING button[data-channel=SMS]")).isEqualTo("Off");
    ConsoleBrowser.screenshot(page, "customer-subscriptions");
  }

  private static String channels(String account, String type) {
    for (JsonNode entry : shared.operator().get("/v1/accounts/" + account + "/message-subscriptions").json().path("subscriptions")) {
      if (entry.path("type").asText().equals(type)) {
        return entry.path("channels").toString();
      }
    }
    throw new AssertionError("no " + type);
  }

  @Test
  void aCustomerTurnsAutoRenewOnAndSeesBillsAndInbox() {
    String[] customer = customer(Map.of());
    Fixtures.advanceTo(shared.operator(), "2023-04-05T00:00:00+08:00");
    Page page = shared.browser().signedIn(customer[1]);
    page.navigate("/console/resources/" + customer[2]);
    page.click("#auto-renew button");
    page.waitForSelector(".notice");
    assertThat(shared.operator().get("/v1/resources/" + customer[2]).json().path("autoRenew").asBoolean()).isTrue();
    page.navigate("/console/bills");
    assertThat(page.textContent("table")).contains("Purchase");
    ConsoleBrowser.screenshot(page, "customer-bills");
    page.navigate("/console/inbox");
    assertThat(page.locator("article.message.unread").count()).isGreaterThan(0);
    ConsoleBrowser.screenshot(page, "customer-inbox");
    // Notices keep arriving as the engine works: the message marked is followed by its id, not by a count.
    String marked = page.getAttribute("article.message.unread", "id");
    page.click("article.message.unread form button");
    // Waits for the answer's page, not for any notice: one left from an earlier act may still be on screen.
    page.waitForSelector("#" + marked + ":not(.unread)");
    assertThat(page.getAttribute("#" + marked, "class")).contains("read").doesNotContain("unread");
    assertThat(shared.operator().get("/v1/accounts/" + customer[0] + "/messages?limit=1000").json().findValues("id").stream()
        .anyMatch(id -> id.asText().equals(marked))).isTrue();
  }

  @Test
  void theChineseCustomersPagesAreInChinese() {
    String[] customer = customer(Map.of("locale", "zh-CN", "name", "常州客户"));
    Page page = shared.browser().signedIn(customer[1]);
    assertThat(page.textContent("h1")).isEqualTo("您的资源");
    assertThat(page.textContent("nav")).contains("账单").contains("消息").contains("消息订阅");
    assertThat(page.getAttribute("html", "lang")).isEqualTo("zh-CN");
    ConsoleBrowser.screenshot(page, "customer-resources-zh-CN");
    page.navigate("/console/resources/" + customer[2]);
    assertThat(page.textContent("#phase")).isEqualTo("正常");
    assertThat(page.textContent("main")).contains("时间线").contains("自动续费");
    page.navigate("/console/subscriptions");
    assertThat(page.textContent("h1")).isEqualTo("消息订阅");
  }

  @Test
  void aFormWithoutTheSessionsCsrfTokenIsRefused() {
    String[] customer = customer(Map.of());
    Page page = shared.browser().signedIn(customer[1]);
    APIResponse refused = page.request().post("/console/resources/" + customer[2] + "/auto-renew",
        RequestOptions.create().setForm(FormData.create().set("enabled", "true")));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.headers().get("content-type")).startsWith("text/html");
    assertThat(refused.text()).contains("security token");
    assertThat(shared.operator().get("/v1/resources/" + customer[2]).json().path("autoRenew").asBoolean()).isFalse();
  }

  @Test
  void anIdleSessionSendsTheBrowserBackToSignIn() {
    String[] customer = customer(Map.of());
    Page page = shared.browser().signedIn(customer[1]);
    Jdbi.create(shared.server().databaseUrl()).useHandle(handle -> handle.execute(
        "UPDATE console_sessions SET last_seen_at = last_seen_at - interval '31 minutes' WHERE account_id = ?", customer[0]));
    page.navigate("/console/bills");
    assertThat(page.url()).contains("/console/sign-in");
    assertThat(page.textContent("[role=alert]")).isEqualTo("Your session has ended. Sign in again.");
  }

  @Test
  void anotherAccountsResourceIsNotFoundForACustomer() {
    String[] mine = customer(Map.of());
    String[] theirs = customer(Map.of());
    Page page = shared.browser().signedIn(mine[1]);
    com.microsoft.playwright.Response answer = page.navigate("/console/resources/" + theirs[2]);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(page.textContent("[role=alert]")).contains("No resource");
  }
}
