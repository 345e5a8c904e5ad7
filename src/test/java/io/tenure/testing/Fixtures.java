package io.tenure.testing;

import static org.assertj.core.api.Assertions.assertThat;

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

  /** Tops the account up by {@code amount} and returns the new balance. */
  public static String topUp(HttpApi api, String accountId, String amount) {
    HttpApi.Answer answer = api.post("/v1/accounts/" + accountId + "/top-ups", Map.of("amount", amount), UUID.randomUUID().toString());
    assertThat(answer.status()).as("top up: %s", answer).isEqualTo(201);
    return answer.get("balance");
  }
}
