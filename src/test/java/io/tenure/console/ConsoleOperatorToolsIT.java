package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import io.tenure.testing.ConsoleBrowser;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import io.tenure.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's tools around resources and deliveries, in a real browser (docs/console.md). */
class ConsoleOperatorToolsIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00").withBrowser();

  private static Page operatorOn(String path) {
    Page page = shared.browser().signedIn(TestServer.OPERATOR_KEY);
    page.navigate(path);
    return page;
  }

  /** A new account with money and a koodrive-basic month; returns the account's id and the resource's. */
  private static String[] resource() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V1");
    Fixtures.topUp(operator, account, "5000.00");
    return new String[] {account, Fixtures.bought(operator, account, "koodrive-basic", 1)};
  }

  private static JsonNode json(String path) {
    return shared.operator().get(path).json();
  }

  @Test
  void theOperatorAppliesAndLiftsAHoldAndSeesTheEntitlementsChange() {
    String[] made = resource();
    Page page = operatorOn("/console/resources/" + made[1]);
    assertThat(page.textContent("#entitlements")).contains("FULL").doesNotContain("locked");
    page.fill("#hold-note", "Abuse report 42");
    page.click("#apply-hold button");
    page.waitForSelector(".notice");
    assertThat(page.textContent(".notice")).isEqualTo("The hold was applied.");
    assertThat(page.textContent("#holds")).contains("Abuse report 42");
    assertThat(page.textContent("#entitlements")).contains("NONE").contains("file-sync (locked)");
    assertThat(json("/v1/resources/" + made[1] + "/entitlements").path("serviceLevel").asText()).isEqualTo("NONE");
    ConsoleBrowser.screenshot(page, "resource-operator");
    page.click("#holds form.lift button");
    page.locator(".notice:has-text('lifted')").waitFor();
    assertThat(page.textContent(".notice")).isEqualTo("The hold was lifted.");
    assertThat(page.locator("#holds li").count()).isZero();
    assertThat(page.textContent("#entitlements")).contains("FULL").doesNotContain("locked");
    page.navigate("/console/holds?accountId=" + made[0]);
    assertThat(page.locator("#holds tr.lifted").count()).isEqualTo(1);
  }

  @Test
  void theOperatorChangesAddOnsThroughAConfirmationAndADoubleSubmitChargesOnce() {
    String[] made = resource();
    Page page = operatorOn("/console/resources/" + made[1]);
    page.fill("#addOn-koodrive-users", "2");
    page.click("#add-ons button");
    page.waitForSelector("#confirm");
    assertThat(page.textContent("main")).contains("koodrive-users: 0 → 2");
    assertThat(json("/v1/resources/" + made[1]).path("addOns")).isEmpty();
    page.evaluate("""
        async () => {
          const form = document.querySelector('#confirm');
          const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
          await Promise.all([send(), send()]);
        }""");
    page.click("#confirm button");
    page.waitForSelector(".notice");
    assertThat(page.textContent(".notice")).isEqualTo("The add-ons were changed.");
    assertThat(json("/v1/resources/" + made[1]).path("addOns").toString()).contains("\"koodrive-users\"").contains("2");
    List<JsonNode> changes = new ArrayList<>();
    json("/v1/accounts/" + made[0] + "/bills?limit=100").path("items").forEach(bill -> {
      if (bill.path("type").asText().equals("ADD_ON_CHANGE")) {
        changes.add(bill);
      }
    });
    assertThat(changes).hasSize(1);
  }

  @Test
  void theOperatorUnsubscribesAResourceOnlyAfterConfirming() {
    String[] made = resource();
    Page page = operatorOn("/console/resources/" + made[1]);
    page.click("#unsubscribe button");
    page.waitForSelector("#confirm");
    assertThat(page.textContent("main")).contains("cannot be undone");
    assertThat(json("/v1/resources/" + made[1]).path("phase").asText()).isEqualTo("ACTIVE");
    page.click("#confirm button");
    page.waitForSelector(".notice");
    assertThat(page.textContent("#phase")).isEqualTo("Unsubscribed");
  }

  @Test
  void theOperatorResendsAFailedMessage() {
    String[] made = resource();
    // A hold tells the owner by e-mail, a channel the test server has not configured: failed at once.
    shared.operator().post("/v1/holds", Map.of("scope", "RESOURCE", "targetId", made[1], "reason", "ADMIN", "note", "x"));
    String filter = "/v1/messages?status=failed&channel=EMAIL&accountId=" + made[0];
    await().atMost(Duration.ofSeconds(30)).until(() -> json(filter).path("items").size() > 0);
    JsonNode failed = json(filter).path("items").get(0);
    String id = failed.path("id").asText();
    Page page = operatorOn("/console/messages?status=failed&accountId=" + made[0]);
    assertThat(page.textContent("#" + id)).contains("Failed").contains("The EMAIL channel is not configured.");
    ConsoleBrowser.screenshot(page, "operator-messages");
    Instant beforeResend = Instant.now().minusSeconds(1);
    page.click("#" + id + " form.resend button");
    page.waitForSelector(".notice");
    assertThat(page.textContent(".notice")).isEqualTo("Queued to be sent again.");
    assertThat(page.url()).contains("status=failed").contains("accountId=" + made[0]);
    JsonNode resent = json("/v1/messages?accountId=" + made[0] + "&channel=EMAIL").findParents("id").stream()
        .filter(row -> row.path("id").asText().equals(id)).findFirst().orElseThrow();
    assertThat(OffsetDateTime.parse(resent.path("nextAttemptAt").asText()).toInstant()).isAfter(beforeResend);
  }

  @Test
  void advancingTheSimulatedClockMovesAResourcesPhaseOnItsTimeline() {
    String[] made = resource();
    OffsetDateTime end = OffsetDateTime.parse(json("/v1/resources/" + made[1]).path("term").path("end").asText());
    Page page = operatorOn("/console/resources/" + made[1]);
    assertThat(page.textContent("#phase")).isEqualTo("Active");
    page.navigate("/console/clock");
    page.fill("#advance input[name=to]", end.plusDays(1).toString());
    page.click("#advance button");
    page.waitForSelector(".notice");
    assertThat(page.textContent("#clock")).startsWith(end.plusDays(1).toLocalDate().toString());
    ConsoleBrowser.screenshot(page, "operator-clock");
    page.navigate("/console/resources/" + made[1]);
    assertThat(page.textContent("#phase")).isEqualTo("Grace");
    assertThat(page.locator("table.events tr:not(.projected)").allTextContents())
        .anyMatch(row -> row.contains("Expiry, grace begins"));
  }

  @Test
  void aPayAsYouGoResourcesPageDrawsOneBarPerHourWithUsage() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, account, "100.00");
    String resource = Fixtures.payAsYouGo(operator, account);
    // Usage in three hours: each sent after the clock passed it, the first hours settled by the advance after.
    for (int[] step : new int[][] {{1, 0}, {1, 1}, {2, 3}}) {
      Instant now = OffsetDateTime.parse(json("/v1/clock").path("now").asText()).toInstant().plus(Duration.ofHours(step[0]));
      Fixtures.advanceTo(operator, now.toString());
      HttpApi.Answer sent = operator.post("/v1/usage", Map.of("events", List.of(Map.of("id", "use-" + resource + "-" + step[1],
          "resourceId", resource, "meter", "vcpu_hours", "quantity", 2 + step[1], "time", now.minusSeconds(60).toString()))));
      assertThat(sent.status()).as("%s", sent).isLessThan(300);
    }
    Page page = operatorOn("/console/resources/" + resource);
    assertThat(page.locator("figure.usage svg").count()).isEqualTo(1);
    assertThat(page.locator("figure.usage svg g.hour").count()).isEqualTo(3);
    assertThat(page.textContent("figure.usage figcaption")).contains("vcpu_hours");
    ConsoleBrowser.screenshot(page, "usage-chart");
  }

  @Test
  void theCatalogAndTheWebhookDeliveriesAreShown() {
    String endpoint = shared.operator().post("/v1/webhook-endpoints", Map.of("url", "http://127.0.0.1:9/hooks")).get("id");
    String[] made = resource();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        json("/v1/webhook-endpoints/" + endpoint + "/deliveries").path("items").size() > 0);
    Page page = operatorOn("/console/catalog");
    assertThat(page.textContent("#plan-koodrive-basic")).contains("MONTH");
    assertThat(page.textContent("#plan-ecs-general")).contains("PAYG").contains("vcpu_hours");
    assertThat(page.textContent("#policy-alibaba-payg")).contains("Grace");
    ConsoleBrowser.screenshot(page, "catalog");
    page.navigate("/console/webhooks");
    page.click("#" + endpoint + " a");
    page.waitForSelector("#attempts");
    assertThat(page.textContent("#attempts")).contains(made[1]);
    ConsoleBrowser.screenshot(page, "webhook-deliveries");
    page.navigate("/console/resources/" + made[1]);
    page.waitForSelector("#webhook-deliveries");
    assertThat(page.textContent("#webhook-deliveries")).as("the resource's own deliveries, on its page").contains(endpoint);
  }
}
