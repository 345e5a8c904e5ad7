package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A key reaches exactly its scope: the operator everything, a partner its accounts, an account itself. */
class KeyScopesIT {
  private static TestServer server;
  private static HttpApi operator;
  private static String partnerId;
  private static HttpApi partner;
  private static String partnerAccount;
  private static String otherAccount;
  private static HttpApi account;

  @BeforeAll
  static void start() {
    server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00");
    operator = server.operator();
    partnerId = operator.post("/v1/partners", Map.of("name", "Changzhou Reseller")).get("id");
    partner = server.client(operator.post("/v1/api-keys", Map.of("scope", "PARTNER", "partnerId", partnerId)).get("key"));
    partnerAccount = Fixtures.account(partner, "V1");
    otherAccount = Fixtures.account(operator, "V1");
    account = server.client(operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", partnerAccount)).get("key"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void missingOrWrongKeyIsUnauthenticated() {
    assertThat(server.anonymous().get("/v1/accounts/" + partnerAccount).status()).isEqualTo(401);
    HttpApi.Answer wrong = server.client("tnr_not-a-real-key").get("/v1/accounts/" + partnerAccount);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.errorCode()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void operatorOnlyCallsAreForbiddenToOtherKeys() {
    HttpApi.Answer byPartner = partner.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", partnerAccount));
    HttpApi.Answer byAccount = account.post("/v1/partners", Map.of("name", "Sneaky"));
    assertThat(byPartner.status()).isEqualTo(403);
    assertThat(byPartner.errorCode()).isEqualTo("FORBIDDEN");
    assertThat(byAccount.status()).isEqualTo(403);
  }

  @Test
  void partnerSeesItsAccountsAndNotOthers() {
    assertThat(partner.get("/v1/accounts/" + partnerAccount).status()).isEqualTo(200);
    HttpApi.Answer other = partner.get("/v1/accounts/" + otherAccount);
    assertThat(other.status()).as("existence must not leak").isEqualTo(404);
    HttpApi.Answer listed = partner.get("/v1/accounts");
    assertThat(listed.json().path("items")).extracting(item -> item.path("id").asText()).containsExactly(partnerAccount);
    assertThat(partner.get("/v1/partners/" + partnerId + "/accounts").json().path("items")).hasSize(1);
  }

  @Test
  void partnerAccountsListIsClosedToOtherPartners() {
    String otherPartner = operator.post("/v1/partners", Map.of("name", "Other Reseller")).get("id");
    assertThat(partner.get("/v1/partners/" + otherPartner + "/accounts").status()).isEqualTo(404);
  }

  @Test
  void accountKeySeesItselfOnly() {
    assertThat(account.get("/v1/accounts/" + partnerAccount).status()).isEqualTo(200);
    assertThat(account.get("/v1/accounts/" + otherAccount).status()).isEqualTo(404);
    assertThat(account.get("/v1/accounts/" + otherAccount + "/ledger").status()).isEqualTo(404);
    assertThat(account.get("/v1/accounts").status()).isEqualTo(403);
  }

  @Test
  void accountKeyCannotMintMoney() {
    HttpApi.Answer answer = account.post("/v1/accounts/" + partnerAccount + "/top-ups", Map.of("amount", "10.00"), "k1");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(operator.get("/v1/accounts/" + partnerAccount).get("balance")).isEqualTo("0.00");
  }

  @Test
  void partnerTopsUpOnBehalfOfItsAccountOnly() {
    assertThat(partner.post("/v1/accounts/" + partnerAccount + "/top-ups", Map.of("amount", "5.00"), "p1").status()).isEqualTo(201);
    assertThat(partner.post("/v1/accounts/" + otherAccount + "/top-ups", Map.of("amount", "5.00"), "p2").status()).isEqualTo(404);
  }

  @Test
  void revokedKeyStopsWorking() {
    HttpApi.Answer issued = operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", otherAccount, "name", "temp"));
    HttpApi temporary = server.client(issued.get("key"));
    assertThat(temporary.get("/v1/accounts/" + otherAccount).status()).isEqualTo(200);
    assertThat(operator.delete("/v1/api-keys/" + issued.get("id")).status()).isEqualTo(204);
    assertThat(temporary.get("/v1/accounts/" + otherAccount).status()).isEqualTo(401);
  }

  @Test
  void keysForUnknownHoldersAreNotIssued() {
    HttpApi.Answer answer = operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", "acc_nothing"));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.errorCode()).isEqualTo("ACCOUNT_NOT_FOUND");
  }
}
