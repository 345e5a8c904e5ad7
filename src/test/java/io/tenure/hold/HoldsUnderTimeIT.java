package io.tenure.hold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Holds against the simulated clock: the lifecycle keeps moving under a hold, and an expired edition locks its features. */
class HoldsUnderTimeIT {

  @Test
  void thePhaseKeepsMovingUnderAHoldAndAnExpiredEditionLocksItsFeatures() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, account, "100000.00");
      String drive = Fixtures.bought(operator, account, "koodrive-basic", 1);
      String edition = Fixtures.bought(operator, account, "wedata-edition-basic", 1);
      assertThat(operator.post("/v1/holds", HoldsIT.body("RESOURCE", drive, null, "SECURITY", false)).status()).isEqualTo(201);

      Fixtures.advanceTo(operator, "2023-04-10T00:00:00+08:00");
      assertThat(Fixtures.phase(operator, drive)).isEqualTo("GRACE");
      JsonNode held = operator.get("/v1/resources/" + drive + "/entitlements").json();
      assertThat(held.path("phase").asText()).isEqualTo("GRACE");
      assertThat(held.path("serviceLevel").asText()).isEqualTo("NONE");

      JsonNode locked = operator.get("/v1/resources/" + edition + "/entitlements").json();
      assertThat(locked.path("phase").asText()).isEqualTo("FROZEN");
      assertThat(locked.path("features").findValuesAsText("locked")).hasSize(3).containsOnly("true");
      assertThat(locked.path("allowedOperations").toString()).contains("RENEW");
    }
  }
}
