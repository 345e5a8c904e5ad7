package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import io.tenure.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever is wrong with a request, at whatever layer, the answer is a 4xx with the JSON error body and a
 * stable code, never HTML, never a Java class name, and nothing changes.
 */
class HostileRequestsIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");
  private static final String AUTH = "Authorization: Bearer " + TestServer.OPERATOR_KEY + "\r\n";
  private static HttpApi operator;
  private static String account;

  @BeforeAll
  static void account() {
    operator = shared.operator();
    account = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, account, "100.00");
  }

  static Stream<Arguments> malformedHttp() {
    String close = "Host: tenure\r\n" + AUTH + "Connection: close\r\n";
    String topUp = "POST /v1/accounts/%s/top-ups HTTP/1.1\r\n" + close + "Idempotency-Key: raw-%s\r\nContent-Type: application/json\r\n";
    return Stream.of(
        Arguments.of("a NUL byte in the path", "GET /v1/accounts/%00 HTTP/1.1\r\n" + close + "\r\n", 400, "MALFORMED_REQUEST"),
        Arguments.of("bad percent-encoding", "GET /v1/accounts/%zz HTTP/1.1\r\n" + close + "\r\n", 400, "MALFORMED_REQUEST"),
        Arguments.of("a control character in the path", "GET /v1/acc\u0001ounts HTTP/1.1\r\n" + close + "\r\n", 400, "MALFORMED_REQUEST"),
        Arguments.of("bad UTF-8 in the path", "GET /v1/accounts/%ff%fe HTTP/1.1\r\n" + close + "\r\n", 400, "MALFORMED_REQUEST"),
        Arguments.of("a path of 20,000 characters", "GET /v1/accounts/" + "a".repeat(20_000) + " HTTP/1.1\r\n" + close + "\r\n",
            414, "URI_TOO_LONG"),
        Arguments.of("a header of 20,000 characters", "GET /v1/clock HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n" + close + "\r\n",
            431, "HEADERS_TOO_LARGE"),
        Arguments.of("a bad Content-Length on a POST", topUp.formatted(account, "length") + "Content-Length: ten\r\n\r\n{}",
            400, "MALFORMED_REQUEST"),
        Arguments.of("a bad Content-Length on a PUT", "PUT /v1/accounts/" + account + "/settings HTTP/1.1\r\n" + close
            + "Content-Type: application/json\r\nContent-Length: 1x\r\n\r\n{}", 400, "MALFORMED_REQUEST"),
        Arguments.of("a malformed chunked body", topUp.formatted(account, "chunked")
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{\"amount\":\"5.00\"}\r\n0\r\n\r\n", 400, "MALFORMED_REQUEST"),
        Arguments.of("a malformed chunked body on another route", "POST /v1/accounts HTTP/1.1\r\n" + close
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{}\r\n", 400, "MALFORMED_REQUEST"),
        Arguments.of("a malformed chunked catalog", "PUT /v1/catalog HTTP/1.1\r\n" + close
            + "Content-Type: application/yaml\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", 400, "MALFORMED_REQUEST"),
        Arguments.of("a body shorter than its Content-Length", topUp.formatted(account, "short")
            + "Content-Length: 100\r\n\r\n{\"amount\":\"5.00\"}", 400, "MALFORMED_REQUEST"),
        Arguments.of("no Host header", "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n", 400, "MALFORMED_REQUEST"),
        Arguments.of("an unknown HTTP version", "GET /health HTTP/7.1\r\n" + close + "\r\n", 505, "HTTP_VERSION_NOT_SUPPORTED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedHttp")
  void malformedHttpIsAnsweredWithTheJsonErrorBody(String what, String request, int status, String code) {
    String before = balance();
    RawHttp.Answer answer = RawHttp.send(shared.server().tenure().port(), request);
    assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(status);
    assertThat(answer.headers()).containsIgnoringCase("Content-Type: application/json");
    assertThat(answer.errorCode()).as("%s: %s", what, answer).isEqualTo(code);
    assertReadable(answer.errorMessage());
    assertThat(answer.body()).doesNotContainIgnoringCase("<html");
    assertThat(balance()).isEqualTo(before);
  }

  @Test
  void hugeExponentsAreRefusedAndNeverTakeTheServerDown() {
    String before = balance();
    for (int i = 0; i < 5; i++) {
      for (String amount : List.of("\"1e-999999999\"", "1e-999999999", "\"-1e999999999\"", "1e999999999")) {
        expectInvalidAmount(operator.post("/v1/accounts/" + account + "/top-ups", "{\"amount\":" + amount + "}", key()), "amount");
        expectInvalidAmount(operator.post("/v1/accounts/" + account + "/adjustments",
            "{\"amount\":" + amount + ",\"reason\":\"probe\"}", key()), "amount");
        expectInvalidAmount(operator.put("/v1/accounts/" + account + "/settings", "{\"lowBalanceThreshold\":" + amount + "}"),
            "lowBalanceThreshold");
        expectInvalidAmount(operator.put("/v1/accounts/" + account + "/settings", "{\"creditLimit\":" + amount + "}"), "creditLimit");
      }
    }
    assertThat(shared.server().anonymous().get("/health").status()).isEqualTo(200);
    assertThat(balance()).isEqualTo(before);
  }

  @Test
  void moneyIsOnlyADecimalStringOfAsciiDigits() {
    String before = balance();
    for (String amount : List.of("10.5", "\"1e3\"", "\"١٢\"", "\"10,50\"", "\" 10.00\"", "\"" + "9".repeat(60) + "\"")) {
      expectInvalidAmount(operator.post("/v1/accounts/" + account + "/top-ups", "{\"amount\":" + amount + "}", key()), "amount");
    }
    assertThat(balance()).isEqualTo(before);
  }

  @Test
  void aDuplicateKeyIsRefusedAndCreditsNothing() {
    String before = balance();
    HttpApi.Answer answer = operator.post("/v1/accounts/" + account + "/top-ups", "{\"amount\":\"1.00\",\"amount\":\"900.00\"}", key());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("DUPLICATE_FIELD");
    assertThat(answer.errorMessage()).isEqualTo("Field 'amount': is given more than once.");
    assertThat(balance()).isEqualTo(before);
  }

  @Test
  void enumsAreAcceptedOnlyByTheirNames() {
    String before = balance();
    expectField(operator.post("/v1/accounts", "{\"name\":\"N\",\"tier\":\"V3\",\"contacts\":[{\"name\":\"O\",\"role\":0,"
        + "\"email\":\"o@example.com\"}]}"), "contacts[0].role", "must be one of");
    expectField(operator.post("/v1/api-keys", "{\"scope\":2,\"accountId\":\"" + account + "\"}"), "scope", "must be one of");
    expectField(operator.post("/v1/resources", "{\"accountId\":\"" + account + "\",\"plan\":\"koodrive-basic\","
        + "\"billing\":{\"mode\":0,\"period\":1,\"periods\":1}}"), "billing.mode", "must be one of PREPAID, PAYG");
    expectField(operator.post("/v1/resources", Map.of("accountId", account, "plan", "koodrive-basic",
        "billing", Map.of("mode", "PREPAID", "period", "1", "periods", 1))), "billing.period", "must be one of MONTH, YEAR");
    assertThat(balance()).isEqualTo(before);
  }

  @Test
  void theClockMovesOnlyToAnIsoDateTime() {
    String before = operator.get("/v1/clock").get("now");
    for (String target : List.of("1700000000000", "\"1700000000000\"", "1.7e12")) {
      expectField(operator.post("/v1/clock/advance", "{\"to\":" + target + "}"), "to", "must be an ISO-8601 date-time");
    }
    assertThat(operator.get("/v1/clock").get("now")).isEqualTo(before);
  }

  @Test
  void textThatCannotBeStoredIsRefused() {
    for (String name : List.of("a\\u0000b", "\\ud800", "tab\\u0007bell")) {
      expectField(operator.post("/v1/partners", "{\"name\":\"" + name + "\",\"contacts\":[]}"), "name", "contains");
    }
    expectField(operator.post("/v1/accounts", "{\"name\":\"N\",\"tier\":\"V3\",\"contacts\":[{\"name\":\"O\",\"role\":\"OWNER\","
        + "\"email\":\"o\\u0000@example.com\"}]}"), "contacts[0].email", "contains the control character U+0000");
    expectField(operator.post("/v1/resources", "{\"accountId\":\"acc_\\u0000\",\"plan\":\"koodrive-basic\","
        + "\"billing\":{\"mode\":\"PAYG\"}}"), "accountId", "contains the control character U+0000");
  }

  @Test
  void parametersThatCannotBeStoredOrComparedAreRefused() {
    HttpApi.Answer nul = operator.get("/v1/accounts/" + account + "/resources?after=%00");
    assertThat(nul.status()).as("%s", nul).isEqualTo(400);
    assertThat(nul.errorCode()).isEqualTo("INVALID_QUERY_PARAMETER");
    assertThat(nul.errorMessage()).isEqualTo("Query parameter 'after': contains the control character U+0000 at position 0.");
    HttpApi.Answer pathNul = operator.get("/v1/resources/res%01x");
    assertThat(pathNul.status()).as("%s", pathNul).isBetween(400, 404);
    assertReadable(pathNul.errorMessage());
  }

  @Test
  void aNullInsideAnArrayIsRefused() {
    expectField(operator.post("/v1/partners", "{\"name\":\"P\",\"contacts\":[null]}"), "contacts[0]", "must not be null");
    expectField(operator.put("/v1/accounts/" + account + "/contacts", "[null]"), "[0]", "must not be null");
    expectField(operator.put("/v1/resources/res_none/add-ons", "[null]"), "[0]", "must not be null");
  }

  @Test
  void bodiesNotDeclaredAsJsonAreRefusedWith415() throws Exception {
    String before = balance();
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml", "",
        "application/json; charset=iso-8859-1")) {
      HttpResponse<String> answer = sendDeclared("/v1/accounts/" + account + "/top-ups", type, "{\"amount\":\"5.00\"}");
      assertThat(answer.statusCode()).as("'%s': %s", type, answer.body()).isEqualTo(415);
      assertThat(Json.MAPPER.readTree(answer.body()).path("error").path("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }
    assertThat(sendDeclared("/v1/accounts/" + account + "/top-ups", "application/json; charset=UTF-8", "{\"amount\":\"5.00\"}")
        .statusCode()).isEqualTo(201);
    assertThat(balance()).isEqualTo(new java.math.BigDecimal(before).add(new java.math.BigDecimal("5.00")).toPlainString());
  }

  @Test
  void anErrorRepeatsAtMost64CharactersOfAValue() {
    String longId = "x".repeat(5_000);
    for (HttpApi.Answer answer : List.of(operator.get("/v1/accounts/" + longId), operator.get("/v1/no-such/" + longId),
        operator.post("/v1/resources", Map.of("accountId", longId, "plan", "koodrive-basic", "billing", Map.of("mode", "PAYG"))),
        operator.post("/v1/clock/advance", "{\"" + longId + "\":1}"),
        operator.get("/v1/accounts/" + account + "/ledger?before=" + "9".repeat(150)))) {
      assertThat(answer.status()).as("%s", answer).isBetween(400, 499);
      assertThat(answer.errorMessage()).as("%s", answer).doesNotContain("x".repeat(65)).doesNotContain("9".repeat(65)).hasSizeLessThan(400);
    }
  }

  @Test
  void messagesNameTheFieldAndTheExpectedShapeNotAJavaClass() {
    expectField(operator.post("/v1/partners", "{\"name\":\"P\",\"contacts\":{}}"), "contacts", "must be an array");
    expectField(operator.post("/v1/partners", "{\"name\":\"P\",\"contacts\":[5]}"), "contacts[0]", "must be an object");
    expectField(operator.put("/v1/resources/res_none/add-ons", "{}"), "", "must be an array");
  }

  @Test
  void aReplayedRefusalSaysItIsAReplayAndHowToRetry() {
    String poor = Fixtures.account(operator, "V3");
    Map<String, Object> purchase = Map.of("accountId", poor, "plan", "koodrive-basic",
        "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1));
    String key = key();
    HttpApi.Answer refused = operator.post("/v1/resources", purchase, key);
    assertThat(refused.status()).as("%s", refused).isEqualTo(409);
    Fixtures.topUp(operator, poor, "1000.00");
    HttpApi.Answer replayed = operator.post("/v1/resources", purchase, key);
    assertThat(replayed.status()).isEqualTo(409);
    assertThat(replayed.errorCode()).isEqualTo(refused.errorCode());
    assertThat(replayed.errorMessage()).startsWith("An earlier request with this Idempotency-Key was refused")
        .contains(refused.errorMessage()).endsWith("To try again, send a new Idempotency-Key.");
    assertThat(operator.post("/v1/resources", purchase, key()).status()).isEqualTo(201);
  }

  @Test
  void aCatalogPriceInOtherDigitsThanAsciiIsRefused() throws IOException {
    String demo;
    try (InputStream input = HostileRequestsIT.class.getResourceAsStream("/catalog/demo.yaml")) {
      demo = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    }
    String arabic = demo.replace("version: 1", "version: 2").replace("{MONTH: 180.00, YEAR: 1800.00}", "{MONTH: \"١٢\", YEAR: 1800.00}");
    HttpApi.Answer answer = operator.send("PUT", "/v1/catalog", arabic, null);
    assertThat(answer.status()).as("%s", answer).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("INVALID_CATALOG");
    assertThat(operator.get("/v1/catalog").json().path("version").asInt()).isEqualTo(1);
  }

  private static HttpResponse<String> sendDeclared(String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shared.server().baseUrl() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + TestServer.OPERATOR_KEY).header("Idempotency-Key", key());
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expectInvalidAmount(HttpApi.Answer answer, String field) {
    assertThat(answer.status()).as("%s", answer).isEqualTo(400);
    assertThat(answer.errorCode()).as("%s", answer).isEqualTo("INVALID_AMOUNT");
    assertThat(answer.errorMessage()).isEqualTo("Field '" + field + "': must be a decimal string like \"10.00\".");
  }

  private static void expectField(HttpApi.Answer answer, String field, String problem) {
    assertThat(answer.status()).as("%s", answer).isEqualTo(400);
    assertThat(answer.errorCode()).as("%s", answer).isEqualTo("INVALID_FIELD");
    String prefix = field.isEmpty() ? "The body " : "Field '" + field + "': ";
    assertThat(answer.errorMessage()).as("%s", answer).startsWith(prefix + problem);
    assertReadable(answer.errorMessage());
  }

  private static void assertReadable(String message) {
    assertThat(message).isNotBlank().endsWith(".")
        .doesNotContain("io.tenure", "java.", "org.eclipse", "Exception", "com.fasterxml", "<");
  }

  private static String balance() {
    return operator.get("/v1/accounts/" + account).get("balance");
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }
}
