package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.lifecycle.Operation;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A resource's {@code allowedOperations} against its endpoints, for every billing mode and phase the API can
 * reach: each listed operation is accepted, every other one refused with 409 and a stable code, never a 500.
 * Each operation is tried on a resource of its own, so that an accepted one does not change the next one's case.
 */
class AllowedOperationsIT {
  private static final String PREPAID_PLAN = "koodrive-basic";
  private static final String PAYG_PLAN = "ecs-general";

  /** One resource per operation, all in the same mode and phase. */
  private record Case(String name, Map<Operation, String> resources) {}

  @Test
  void everyEndpointAcceptsExactlyTheOperationsItsResourceLists() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi api = server.operator();
      String account = Fixtures.account(api, "V3");
      Fixtures.topUp(api, account, "100000.00");
      List<String> failures = new ArrayList<>();

      Case prepaidActive = buyCase(api, account, "PREPAID ACTIVE", true);
      Case prepaidUnsubscribed = unsubscribed(api, buyCase(api, account, "PREPAID UNSUBSCRIBED", true));
      Case payAsYouGoActive = buyCase(api, account, "PAYG ACTIVE", false);
      Case payAsYouGoUnsubscribed = unsubscribed(api, buyCase(api, account, "PAYG UNSUBSCRIBED", false));
      Case grace = buyCase(api, account, "PREPAID GRACE", true);
      Case frozen = buyCase(api, account, "PREPAID FROZEN", true);
      Case released = buyCase(api, account, "PREPAID RELEASED", true);
      for (Case each : List.of(prepaidActive, prepaidUnsubscribed, payAsYouGoActive, payAsYouGoUnsubscribed)) {
        check(api, each, failures);
      }
      Fixtures.advanceTo(api, "2023-04-10T00:00:00+08:00");
      check(api, grace, failures);
      Fixtures.advanceTo(api, "2023-04-17T00:00:00+08:00");
      check(api, frozen, failures);
      Fixtures.advanceTo(api, "2023-04-24T00:00:00+08:00");
      check(api, released, failures);

      assertThat(failures).isEmpty();
    }
  }

  private static Case buyCase(HttpApi api, String account, String name, boolean prepaid) {
    Map<Operation, String> resources = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      HttpApi.Answer bought = prepaid ? Fixtures.buyMonths(api, account, PREPAID_PLAN, 1)
          : api.post("/v1/resources", Map.of("accountId", account, "plan", PAYG_PLAN, "billing", Map.of("mode", "PAYG")));
      assertThat(bought.status()).as("buy: %s", bought).isEqualTo(201);
      resources.put(operation, bought.get("id"));
    }
    return new Case(name, resources);
  }

  private static Case unsubscribed(HttpApi api, Case bought) {
    bought.resources().values().forEach(id -> assertThat(call(api, Operation.UNSUBSCRIBE, id).status()).isEqualTo(200));
    return bought;
  }

  private static void check(HttpApi api, Case each, List<String> failures) {
    for (Map.Entry<Operation, String> entry : each.resources().entrySet()) {
      Operation operation = entry.getKey();
      HttpApi.Answer resource = api.get("/v1/resources/" + entry.getValue());
      assertThat(resource.get("phase")).as(each.name()).isEqualTo(each.name().split(" ")[1]);
      List<String> allowed = new ArrayList<>();
      resource.json().path("allowedOperations").forEach(value -> allowed.add(value.asText()));
      HttpApi.Answer answer = call(api, operation, entry.getValue());
      boolean listed = allowed.contains(operation.name());
      boolean accepted = answer.status() / 100 == 2;
      boolean stableRefusal = answer.status() == 409 && answer.errorCode() != null && answer.errorCode().matches("[A-Z_]+");
      if (listed != accepted || (!accepted && !stableRefusal)) {
        failures.add(each.name() + " " + operation + " listed=" + listed + " answered " + answer);
      }
    }
  }

  private static HttpApi.Answer call(HttpApi api, Operation operation, String id) {
    String key = UUID.randomUUID().toString();
    return switch (operation) {
      case RENEW -> api.post("/v1/resources/" + id + "/renewals", Map.of("periods", 1), key);
      case CHANGE_ADD_ONS -> api.put("/v1/resources/" + id + "/add-ons", List.of(Map.of("code", "koodrive-users", "quantity", 2)), key);
      case UNSUBSCRIBE -> api.post("/v1/resources/" + id + "/unsubscribe", Map.of(), key);
      case SET_AUTO_RENEW -> api.put("/v1/resources/" + id + "/auto-renew", Map.of("enabled", true, "periods", 1), key);
    };
  }
}
