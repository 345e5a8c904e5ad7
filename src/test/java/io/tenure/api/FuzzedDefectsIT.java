package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The defects FuzzEveryRouteIT found, each pinned by the request that found it (docs/reliability.md). */
class FuzzedDefectsIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2026-03-08T15:50:04+08:00");
  private static HttpApi operator;
  private static String account;

  @BeforeAll
  static void account() {
    operator = shared.operator();
    account = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, account, "100.00");
  }

  @Test
  void aBodyInAnotherTransferCodingThanChunkedIsRefusedAndCreditsNothing() {
    String body = "{\"amount\":\"5.00\"}";
    RawHttp.Answer answer = RawHttp.send(shared.server().tenure().port(), FuzzRequest.of("gzip", "POST",
            "/v1/accounts/" + account + "/top-ups").key("gzip-chunked").json(body)
        .framing("Transfer-Encoding: gzip, chunked\r\n").body(Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n").bytes());
    assertThat(answer.status()).as("%s", answer).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("MALFORMED_REQUEST");
    assertThat(answer.errorMessage()).isEqualTo("The request's Transfer-Encoding must be chunked alone; Tenure decodes no other transfer coding.");
    assertThat(balance()).isEqualTo("100.00");
  }

  @Test
  void aQueryStringThatIsNotPercentEncodedUtf8IsRefused() {
    for (String query : List.of("limit=%zz", "after=%ED%A0%80", "after=%", "phase=%c3%28")) {
      RawHttp.Answer answer = RawHttp.send(shared.server().tenure().port(),
          FuzzRequest.of(query, "GET", "/v1/accounts/" + account + "/resources?" + query).bytes());
      assertThat(answer.status()).as("%s: %s", query, answer).isEqualTo(400);
      assertThat(answer.errorCode()).isEqualTo("INVALID_QUERY_PARAMETER");
      assertThat(answer.errorMessage()).isEqualTo("The query string is not valid percent-encoded UTF-8.");
    }
    assertThat(operator.get("/v1/accounts/" + account + "/resources?phase=ACTIVE&after=%E8%B4%A6").status()).isEqualTo(200);
  }

  @Test
  void aTextWhereAListBelongsIsAWrongTypeNotAServerError() {
    HttpApi.Answer contacts = operator.put("/v1/accounts/" + account + "/contacts", "\"text\"");
    assertThat(contacts.status()).as("%s", contacts).isEqualTo(400);
    assertThat(contacts.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(contacts.errorMessage()).isEqualTo("The body must be an array.");
    HttpApi.Answer addOns = operator.put("/v1/resources/res_none/add-ons", "\"text\"");
    assertThat(addOns.status()).as("%s", addOns).isEqualTo(400);
    assertThat(addOns.errorMessage()).isEqualTo("The body must be an array.");
  }

  @Test
  void aCatalogWithMoreAfterItsEndIsRefusedAndStoresNothing() {
    String catalog = operator.get("/v1/catalog").text();
    int version = operator.get("/v1/catalog").json().path("version").asInt();
    for (String more : List.of("}", "\n---\nversion: 99\n", "\n{}")) {
      HttpApi.Answer answer = operator.send("PUT", "/v1/catalog", catalog + more, null);
      assertThat(answer.status()).as("%s", answer).isEqualTo(400);
      assertThat(answer.errorCode()).isEqualTo("INVALID_CATALOG");
    }
    assertThat(operator.get("/v1/catalog").json().path("version").asInt()).isEqualTo(version);
  }

  @Test
  void aCatalogTextOfMoreThan1000CharactersIsRefusedAndStoresNothing() {
    String catalog = operator.get("/v1/catalog").text();
    int version = operator.get("/v1/catalog").json().path("version").asInt();
    HttpApi.Answer answer = operator.send("PUT", "/v1/catalog", catalog.replace("\"KooDrive\"", "\"" + "K".repeat(100_000) + "\""), null);
    assertThat(answer.status()).as("%s", answer).isEqualTo(400);
    assertThat(answer.errorMessage()).contains("products[0].name: must be at most 1000 characters");
    assertThat(operator.get("/v1/catalog").json().path("version").asInt()).isEqualTo(version);
  }

  @Test
  void aMessageWhoseValueWasCutShortStillEndsWithAPeriod() {
    HttpApi.Answer answer = operator.post("/v1/resources", Map.of("accountId", "x".repeat(100_000), "plan", "koodrive-basic",
        "billing", Map.of("mode", "PAYG")));
    assertThat(answer.status()).as("%s", answer).isEqualTo(404);
    assertThat(answer.errorMessage()).isEqualTo("No account " + "x".repeat(64) + "….");
  }

  private static String balance() {
    return operator.get("/v1/accounts/" + account).get("balance");
  }
}
