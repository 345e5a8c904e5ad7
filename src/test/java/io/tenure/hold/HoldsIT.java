package io.tenure.hold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Holds and entitlements over real HTTP, with the clock standing still (HoldsUnderTimeIT moves it). */
class HoldsIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");

  private final HttpApi operator = shared.operator();

  @Test
  void aViolationHoldTakesAPaidResourcesServiceAwayARenewalKeepsItAndLiftingRestoresIt() {
    String account = fundedAccount();
    String drive = Fixtures.bought(operator, account, "tencent-drive-enterprise", 1);
    JsonNode before = entitlements(drive);
    assertThat(before.path("serviceLevel").asText()).isEqualTo("FULL");
    assertThat(before.path("sequence").asLong()).as("the purchase's resource.activated").isPositive();
    assertThat(before.path("limits").path("users").asLong()).isEqualTo(50);

    String hold = apply("RESOURCE", drive, null, "VIOLATION", false).get("id");
    JsonNode held = entitlements(drive);
    assertThat(held.path("serviceLevel").asText()).isEqualTo("NONE");
    assertThat(held.path("holds").get(0).path("id").asText()).isEqualTo(hold);
    assertThat(held.path("features").findValuesAsText("locked")).containsOnly("true");
    assertThat(held.path("sequence").asLong()).isGreaterThan(before.path("sequence").asLong());

    HttpApi.Answer renewal = operator.post("/v1/resources/" + drive + "/renewals", Map.of("periods", 1), UUID.randomUUID().toString());
    assertThat(renewal.status()).as("%s", renewal).isEqualTo(201);
    assertThat(entitlements(drive).path("serviceLevel").asText()).isEqualTo("NONE");

    HttpApi.Answer lifted = operator.delete("/v1/holds/" + hold);
    assertThat(lifted.status()).as("%s", lifted).isEqualTo(200);
    assertThat(lifted.get("inForce")).isEqualTo("false");
    JsonNode after = entitlements(drive);
    assertThat(after.path("serviceLevel").asText()).isEqualTo("FULL");
    assertThat(after.path("holds").size()).isZero();
    assertThat(after.path("sequence").asLong()).isGreaterThan(held.path("sequence").asLong());
    assertThat(operator.delete("/v1/holds/" + hold).status()).as("lifting twice is harmless").isEqualTo(200);
  }

  @Test
  void aFeatureHoldOnPublicLinksLocksThatFeatureAndNothingElse() {
    String account = fundedAccount();
    String drive = Fixtures.bought(operator, account, "tencent-drive-enterprise", 1);
    apply("FEATURE", drive, "public-links", "VIOLATION", false);
    JsonNode entitlement = entitlements(drive);
    assertThat(entitlement.path("serviceLevel").asText()).isEqualTo("FULL");
    Map<String, Boolean> locked = new HashMap<>();
    entitlement.path("features").forEach(feature -> locked.put(feature.path("code").asText(), feature.path("locked").asBoolean()));
    assertThat(locked).containsExactlyInAnyOrderEntriesOf(Map.of("public-links", true, "file-sync", false));
    assertThat(entitlement.path("allowedOperations").size()).isEqualTo(4);
  }

  @Test
  void aBannedAccountCannotBuyAndAllItsResourcesAreHeld() {
    String account = fundedAccount();
    String first = Fixtures.bought(operator, account, "tencent-drive-enterprise", 1);
    String second = Fixtures.bought(operator, account, "koodrive-basic", 1);
    apply("ACCOUNT", account, null, "SECURITY", false);
    assertThat(Fixtures.buyMonths(operator, account, "koodrive-basic", 1).status()).as("a hold that is no ban").isEqualTo(201);

    apply("ACCOUNT", account, null, "VIOLATION", true);
    HttpApi.Answer refused = Fixtures.buyMonths(operator, account, "koodrive-basic", 1);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("ACCOUNT_BANNED");
    for (String resource : List.of(first, second)) {
      JsonNode entitlement = entitlements(resource);
      assertThat(entitlement.path("serviceLevel").asText()).isEqualTo("NONE");
      assertThat(entitlement.path("holds").size()).isEqualTo(2);
    }
    assertThat(Fixtures.messages(operator, account)).extracting(message -> message.path("type").asText())
        .contains("HOLD_APPLIED");
  }

  @Test
  void aPartnerAppliesAndLiftsOnlyItsOwnNonPermanentHoldsAndAnAccountKeyNone() {
    String partnerId = operator.post("/v1/partners", Map.of("name", "Reseller",
        "contacts", List.of(Map.of("name", "P", "role", "OWNER", "email", "p@x.example")))).get("id");
    HttpApi partner = shared.server().client(operator.post("/v1/api-keys", Map.of("scope", "PARTNER", "partnerId", partnerId)).get("key"));
    String account = Fixtures.account(operator, "V3", Map.of("partnerId", partnerId));
    String stranger = fundedAccount();
    HttpApi own = shared.server().client(operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", account)).get("key"));

    HttpApi.Answer partnerHold = partner.post("/v1/holds", body("ACCOUNT", account, null, "PARTNER", false));
    assertThat(partnerHold.status()).as("%s", partnerHold).isEqualTo(201);
    assertThat(partner.post("/v1/holds", body("ACCOUNT", account, null, "VIOLATION", false)).errorCode()).isEqualTo("HOLD_NOT_ALLOWED");
    assertThat(partner.post("/v1/holds", body("ACCOUNT", account, null, "PARTNER", true)).errorCode()).isEqualTo("HOLD_NOT_ALLOWED");
    assertThat(partner.post("/v1/holds", body("ACCOUNT", stranger, null, "PARTNER", false)).status()).isEqualTo(404);
    String ban = apply("ACCOUNT", account, null, "VIOLATION", true).get("id");
    HttpApi.Answer partnerLift = partner.delete("/v1/holds/" + ban);
    assertThat(partnerLift.status()).isEqualTo(403);
    assertThat(partnerLift.errorCode()).isEqualTo("HOLD_NOT_ALLOWED");
    assertThat(partner.delete("/v1/holds/" + partnerHold.get("id")).status()).isEqualTo(200);

    assertThat(own.post("/v1/holds", body("ACCOUNT", account, null, "ADMIN", false)).status()).isEqualTo(403);
    assertThat(own.delete("/v1/holds/" + ban).status()).isEqualTo(403);
    HttpApi.Answer listed = own.get("/v1/holds?accountId=" + account);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().path("items").size()).isEqualTo(2);
    assertThat(own.get("/v1/holds?accountId=" + stranger).status()).isEqualTo(404);
  }

  @Test
  void badHoldRequestsAreRefusedWithStableCodes() {
    String account = fundedAccount();
    String drive = Fixtures.bought(operator, account, "tencent-drive-enterprise", 1);
    List<String> codes = new ArrayList<>();
    codes.add(operator.post("/v1/holds", Map.of("scope", "PLANET", "targetId", drive, "reason", "ADMIN", "note", "n")).errorCode());
    codes.add(operator.post("/v1/holds", body("FEATURE", drive, null, "ADMIN", false)).errorCode());
    codes.add(operator.post("/v1/holds", body("RESOURCE", drive, "public-links", "ADMIN", false)).errorCode());
    codes.add(operator.post("/v1/holds", body("FEATURE", drive, "teleport", "ADMIN", false)).errorCode());
    codes.add(operator.post("/v1/holds", Map.of("scope", "RESOURCE", "targetId", drive, "reason", "ADMIN")).errorCode());
    codes.add(operator.get("/v1/holds").errorCode());
    assertThat(codes).containsExactly("INVALID_FIELD", "MISSING_FIELD", "INVALID_FIELD", "UNKNOWN_FEATURE", "MISSING_FIELD",
        "INVALID_QUERY_PARAMETER");
    assertThat(operator.post("/v1/holds", body("RESOURCE", "res_nothing", null, "ADMIN", false)).errorCode()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(operator.delete("/v1/holds/hold_nothing").errorCode()).isEqualTo("HOLD_NOT_FOUND");
    assertThat(operator.get("/v1/resources/res_nothing/entitlements").errorCode()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(operator.get("/v1/holds?accountId=" + account).json().path("items").size()).as("nothing half-applied").isZero();
  }

  @Test
  void aRepeatedApplyWithTheSameIdempotencyKeyAppliesOneHold() {
    String account = fundedAccount();
    String key = UUID.randomUUID().toString();
    HttpApi.Answer first = operator.post("/v1/holds", body("ACCOUNT", account, null, "ADMIN", false), key);
    HttpApi.Answer again = operator.post("/v1/holds", body("ACCOUNT", account, null, "ADMIN", false), key);
    assertThat(again.get("id")).isEqualTo(first.get("id"));
    assertThat(operator.get("/v1/holds?accountId=" + account).json().path("items").size()).isEqualTo(1);
  }

  private String fundedAccount() {
    String account = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, account, "100000.00");
    return account;
  }

  private HttpApi.Answer apply(String scope, String target, String feature, String reason, boolean permanent) {
    HttpApi.Answer answer = operator.post("/v1/holds", body(scope, target, feature, reason, permanent));
    assertThat(answer.status()).as("apply: %s", answer).isEqualTo(201);
    return answer;
  }

  static Map<String, Object> body(String scope, String target, String feature, String reason, boolean permanent) {
    Map<String, Object> body = new HashMap<>(Map.of("scope", scope, "targetId", target, "reason", reason,
        "permanent", permanent, "note", "Public link shared prohibited content."));
    if (feature != null) {
      body.put("feature", feature);
    }
    return body;
  }

  private JsonNode entitlements(String resource) {
    HttpApi.Answer answer = operator.get("/v1/resources/" + resource + "/entitlements");
    assertThat(answer.status()).as("entitlements: %s", answer).isEqualTo(200);
    return answer.json();
  }
}
