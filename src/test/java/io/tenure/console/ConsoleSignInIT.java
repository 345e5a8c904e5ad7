package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tenure.testing.ConsoleBrowser;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import io.tenure.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing in to the console in a real browser, with each scope's key and with a bad one. */
class ConsoleSignInIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00").withBrowser();

  @Test
  void theOperatorsKeyLandsOnTheOperatorsHome() {
    Page page = shared.browser().signedIn(TestServer.OPERATOR_KEY);
    assertThat(page.url()).endsWith("/console/home");
    assertThat(page.textContent("h1")).isEqualTo("Dashboard");
    assertThat(page.textContent(".who")).isEqualTo("Operator");
    ConsoleBrowser.screenshot(page, "operator-home");
  }

  @Test
  void aPartnersKeyLandsOnItsAccounts() {
    HttpApi operator = shared.operator();
    String partner = operator.post("/v1/partners", Map.of("name", "Changzhou Reseller",
        "contacts", List.of(Map.of("name", "P", "role", "OWNER", "email", "p@reseller.example")))).get("id");
    String account = Fixtures.account(operator, "V1", Map.of("partnerId", partner, "name", "Reseller's customer"));
    String key = operator.post("/v1/api-keys", Map.of("scope", "PARTNER", "partnerId", partner)).get("key");
    Page page = shared.browser().signedIn(key);
    assertThat(page.url()).endsWith("/console/home");
    assertThat(page.textContent("h1")).isEqualTo("Your accounts");
    assertThat(page.textContent("table")).contains(account).contains("Reseller's customer");
    ConsoleBrowser.screenshot(page, "partner-home");
  }

  @Test
  void anAccountsKeyLandsOnItsResources() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V1", Map.of("name", "Acme Customer"));
    String key = operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", account)).get("key");
    Page page = shared.browser().signedIn(key);
    assertThat(page.url()).endsWith("/console/home");
    assertThat(page.textContent("h1")).isEqualTo("Your resources");
    assertThat(page.textContent("dl.facts")).contains("Acme Customer");
  }

  @Test
  void aBadKeyStaysOnTheSignInPageWithAnError() {
    Page page = shared.browser().signedIn("not-a-key-of-anyone");
    assertThat(page.url()).contains("/console/sign-in");
    assertThat(page.textContent("[role=alert]")).isEqualTo("That API key is not valid.");
    ConsoleBrowser.screenshot(page, "sign-in-refused");
  }

  @Test
  void signingOutEndsTheSession() {
    Page page = shared.browser().signedIn(TestServer.OPERATOR_KEY);
    page.click(".sign-out button");
    page.waitForURL("**/console/sign-in");
    page.navigate("/console/home");
    assertThat(page.url()).contains("/console/sign-in");
    assertThat(page.textContent("[role=alert]")).isEqualTo("Your session has ended. Sign in again.");
  }
}
