package io.tenure.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Short ways to set up the common things of a test through the API. */
public final class Fixtures {

  private Fixtures() {}

  /** Creates an account with one owner and returns its id. */
  public static String account(HttpApi api, String tier) {
    return account(api, tier, Map.of());
  }

  /** Creates an account with one owner, plus {@code extra} fields of the body, and returns its id. */
  public static String account(HttpApi api, String tier, Map<String, Object> extra) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Acme " + tier, "tier", tier, "contacts",
        List.of(Map.of("name", "Olivia Owner", "role", "OWNER", "email", "owner@acme.example", "phone", "+8613800000000"),
            Map.of("name", "Fiona Finance", "role", "FINANCE_COLLABORATOR", "email", "finance@acme.example"))));
    body.putAll(extra);
    HttpApi.Answer created = api.post("/v1/accounts", body);
    assertThat(created.status()).as("create account: %s", created).isEqualTo(201);
    return created.get("id");
  }

  /** Buys {@code periods} months of {@code plan} with optional add-ons (code, quantity, ...) and returns the answer. */
  public static HttpApi.Answer buyMonths(HttpApi api, String accountId, String plan, int periods, Object... addOns) {
    List<Map<String, Object>> addOnList = new java.util.ArrayList<>();
    for (int i = 0; i < addOns.length; i += 2) {
      addOnList.add(Map.of("code", addOns[i], "quantity", addOns[i + 1]));
    }
    return api.post("/v1/resources", Map.of("accountId", accountId, "plan", plan,
        "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", periods), "addOns", addOnList));
  }

  /** Buys and returns the new resource's id, failing the test if the purchase is refused. */
  public static String bought(HttpApi api, String accountId, String plan, int periods) {
    HttpApi.Answer answer = buyMonths(api, accountId, plan, periods);
    assertThat(answer.status()).as("buy %s: %s", plan, answer).isEqualTo(201);
    return answer.get("id");
  }

  /** Buys an {@code ecs-general} pay-as-you-go and returns its id, failing the test if the purchase is refused. */
  public static String payAsYouGo(HttpApi api, String accountId) {
    HttpApi.Answer answer = api.post("/v1/resources", Map.of("accountId", accountId, "plan", "ecs-general",
        "billing", Map.of("mode", "PAYG")));
    assertThat(answer.status()).as("buy ecs-general: %s", answer).isEqualTo(201);
    return answer.get("id");
  }

  /** Moves the simulated clock to {@code instant} (ISO-8601 with offset). */
  public static void advanceTo(HttpApi operator, String instant) {
    HttpApi.Answer answer = operator.post("/v1/clock/advance", Map.of("to", instant));
    assertThat(answer.status()).as("advance to %s: %s", instant, answer).isEqualTo(200);
  }

  /** The resource's phase now. */
  public static String phase(HttpApi api, String resourceId) {
    return api.get("/v1/resources/" + resourceId).get("phase");
  }

  /** The account's in-app messages, oldest first. */
  public static List<JsonNode> messages(HttpApi api, String accountId) {
    List<JsonNode> messages = new java.util.ArrayList<>();
    api.get("/v1/accounts/" + accountId + "/messages?limit=1000").json().path("items").forEach(message -> messages.add(0, message));
    return messages;
  }

  /** Tops the account up by {@code amount} and returns the new balance. */
  public static String topUp(HttpApi api, String accountId, String amount) {
    HttpApi.Answer answer = api.post("/v1/accounts/" + accountId + "/top-ups", Map.of("amount", amount), UUID.randomUUID().toString());
    assertThat(answer.status()).as("top up: %s", answer).isEqualTo(201);
    return answer.get("balance");
  }

  /**
   * The demo catalog as version 2, its pay-as-you-go instance {@code ecs-general} at {@code hourlyPrice} an hour
   * (3.00 in the arrears tests), to load with {@code PUT /v1/catalog}.
   */
  public static String demoCatalogWithHourlyPrice(String hourlyPrice) {
    try (java.io.InputStream input = Fixtures.class.getResourceAsStream("/catalog/demo.yaml")) {
      return new String(input.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("version: 1", "version: 2")
          .replace("hourlyPrice: 0.10", "hourlyPrice: " + hourlyPrice);
    } catch (java.io.IOException failure) {
      throw new java.io.UncheckedIOException(failure);
    }
  }
}
