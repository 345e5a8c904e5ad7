package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import io.tenure.testing.ConsoleBrowser;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator in the console, in a real browser: the dashboard, finding an account, its page, topping it up. The
 * dashboard's test moves the clock weeks on, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleOperatorIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00").withBrowser();
  private static String frozenAccount;
  private static String frozenResource;

  @BeforeAll
  static void aFrozenResource() {
    HttpApi operator = shared.operator();
    frozenAccount = Fixtures.account(operator, "V1", Map.of("name", "Frost Garden Studio"));
    Fixtures.topUp(operator, frozenAccount, "5000.00");
    frozenResource = Fixtures.bought(operator, frozenAccount, "koodrive-basic", 1);
    // Spend the rest, so the resource cannot be renewed until the operator tops the account up.
    String rest = operator.get("/v1/accounts/" + frozenAccount).get("balance");
    assertThat(operator.post("/v1/accounts/" + frozenAccount + "/adjustments", Map.of("amount", "-" + rest, "reason", "test"),
        UUID.randomUUID().toString()).status()).isEqualTo(201);
    Fixtures.advanceTo(operator, frozenAt(operator, frozenResource).plusHours(1).toString());
    assertThat(Fixtures.phase(operator, frozenResource)).isEqualTo("FROZEN");
  }

  /** When the resource's projected timeline freezes it. */
  private static java.time.OffsetDateTime frozenAt(HttpApi operator, String resource) {
    for (JsonNode event : operator.get("/v1/resources/" + resource + "/timeline").json().path("events")) {
      if (event.path("event").asText().equals("ENTERED_FROZEN")) {
        return java.time.OffsetDateTime.parse(event.path("at").asText());
      }
    }
    throw new AssertionError("no ENTERED_FROZEN on the timeline of " + resource);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void theOperatorLandsOnTheDashboardWithResourcesByPhaseAndWhatFallsDue() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V1", Map.of("name", "Soon Expiring"));
    Fixtures.topUp(operator, account, "5000.00");
    String expiring = Fixtures.bought(operator, account, "koodrive-basic", 1);
    String termEnd = operator.get("/v1/resources/" + expiring).json().path("term").path("end").asText();
    String soon = java.time.OffsetDateTime.parse(termEnd).minusDays(3).toString();
    if (java.time.OffsetDateTime.parse(soon).isAfter(java.time.OffsetDateTime.parse(operator.get("/v1/clock").get("now")))) {
      Fixtures.advanceTo(operator, soon);
    }
    Page page = shared.browser().signedIn(io.tenure.testing.TestServer.OPERATOR_KEY);
    assertThat(page.textContent("h1")).isEqualTo("Dashboard");
    assertThat(page.textContent("#phases")).contains("Active").contains("Frozen");
    assertThat(page.textContent("#due")).contains(expiring).contains("Term ends (no auto-renewal)");
    assertThat(page.textContent("#clock")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(UTC\\+08:00\\)");
    ConsoleBrowser.screenshot(page, "operator-dashboard");
  }

  @Test
  void theOperatorFindsAnAccountByPartOfItsName() {
    Page page = shared.browser().signedIn(io.tenure.testing.TestServer.OPERATOR_KEY);
    page.fill("#q", "frost garden");
    page.click("form[action='/console/accounts'] button");
    page.waitForURL("**/console/accounts?q=*");
    assertThat(page.locator("#accounts tbody tr").count()).isEqualTo(1);
    ConsoleBrowser.screenshot(page, "operator-accounts");
    page.click("#accounts a");
    page.waitForURL("**/console/accounts/" + frozenAccount);
    assertThat(page.textContent(".hint")).contains("Frost Garden Studio");
    assertThat(page.textContent("#ledger")).contains("Top-up").contains("Adjustment");
    assertThat(page.textContent("#resources")).contains(frozenResource).contains("Frozen");
    ConsoleBrowser.screenshot(page, "operator-account");
  }

  @Test
  void theOperatorTopsUpAFrozenResourcesAccountRenewsItAndSeesItRestored() {
    Page page = shared.browser().signedIn(io.tenure.testing.TestServer.OPERATOR_KEY);
    page.navigate("/console/accounts/" + frozenAccount);
    page.fill("#amount", "1000.00");
    page.click("#top-up button");
    page.waitForSelector("#confirm");
    assertThat(page.textContent("main")).contains("Record 1000.00 CNY paid into the wallet of Frost Garden Studio");
    ConsoleBrowser.screenshot(page, "top-up-confirm");
    page.click("#confirm button");
    page.waitForSelector(".notice");
    assertThat(page.textContent(".notice")).isEqualTo("The top-up was recorded.");
    assertThat(page.textContent("#balance")).startsWith("1000.00");

    page.click("#resources a[href='/console/resources/" + frozenResource + "']");
    page.waitForURL("**/console/resources/" + frozenResource);
    assertThat(page.textContent("#phase")).isEqualTo("Frozen");
    page.click("#renew button");
    page.waitForSelector("#confirm");
    page.click("#confirm button");
    page.waitForSelector(".notice");
    assertThat(page.textContent(".notice")).isEqualTo("Renewed.");
    assertThat(page.textContent("#phase")).isEqualTo("Active");
    assertThat(page.textContent("table.events")).contains("Restored");
    ConsoleBrowser.screenshot(page, "operator-resource-restored");
  }

  @Test
  void aDoubleSubmittedTopUpChargesOnce() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V1", Map.of("name", "Double Click Ltd"));
    Page page = shared.browser().signedIn(io.tenure.testing.TestServer.OPERATOR_KEY);
    page.navigate("/console/accounts/" + account);
    page.fill("#amount", "250.00");
    page.click("#top-up button");
    page.waitForSelector("#confirm");
    // Two submits at once from the same confirmation, then the click: one idempotency key, one top-up.
    page.evaluate("""
        async () => {
          const form = document.querySelector('#confirm');
          const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
          await Promise.all([send(), send()]);
        }""");
    page.click("#confirm button");
    page.waitForSelector(".notice");
    assertThat(topUps(account)).hasSize(1);
    assertThat(new BigDecimal(operator.get("/v1/accounts/" + account).get("balance"))).isEqualByComparingTo("250.00");
  }

  @Test
  void theAccountsListFiltersThoseInArrearsAndPagesOnTheServer() {
    Page page = shared.browser().signedIn(io.tenure.testing.TestServer.OPERATOR_KEY);
    page.navigate("/console/accounts?filter=in-arrears");
    assertThat(page.locator("#accounts tbody tr").count()).isLessThanOrEqualTo(AccountListRoutes.PAGE_SIZE);
    assertThat(page.textContent("#filter option[selected]")).isEqualTo("In arrears");
  }

  private static List<JsonNode> topUps(String account) {
    List<JsonNode> found = new ArrayList<>();
    shared.operator().get("/v1/accounts/" + account + "/ledger?limit=1000").json().path("items").forEach(transaction -> {
      if (transaction.path("kind").asText().equals("TOP_UP")) {
        found.add(transaction);
      }
    });
    return found;
  }
}
