package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Renewals under a policy with {@code renewFrom: NOW}. Found by the simulator (seed 16): renewing for fewer months
 * than the term still has would end the term earlier, and answered 500.
 */
class RenewFromNowIT {

  @Test
  void aRenewalFromNowThatWouldEndTheTermEarlierIsRefusedAndChargesNothing() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      ObjectNode catalog = (ObjectNode) operator.get("/v1/catalog").json().deepCopy();
      catalog.withArray("policies").forEach(policy -> {
        if (policy.path("code").asText().equals("huawei-drive")) {
          ((ObjectNode) policy).put("renewFrom", "NOW");
        }
      });
      assertThat(operator.put("/v1/catalog", catalog).status()).isBetween(200, 201);
      String account = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, account, "1000.00");
      String resource = Fixtures.buyMonths(operator, account, "koodrive-basic", 3).get("id");

      HttpApi.Answer renewed = operator.post("/v1/resources/" + resource + "/renewals", Map.of("periods", 1), "renew-short");

      assertThat(renewed.status()).as("%s", renewed).isEqualTo(409);
      assertThat(renewed.errorCode()).isEqualTo("RENEWAL_TOO_SHORT");
      assertThat(renewed.errorMessage()).contains("2023-04-08 23:59").contains("2023-06-08 23:59").endsWith(".");
      assertThat(operator.get("/v1/accounts/" + account).get("balance")).isEqualTo("460.00");
      assertThat(operator.get("/v1/resources/" + resource).json().path("term").path("end").asText())
          .isEqualTo("2023-06-08T23:59:59+08:00");
    }
  }

  /** Found by the simulator (seed 10): the renewal counted from the old end, the policy the resource was bought under. */
  @Test
  void anActiveResourceRenewsFromNowOnceANewCatalogVersionSaysSo() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, account, "1000.00");
      String resource = Fixtures.buyMonths(operator, account, "koodrive-basic", 1).get("id");
      Fixtures.advanceTo(operator, "2023-03-20T10:00:00+08:00");
      ObjectNode catalog = (ObjectNode) operator.get("/v1/catalog").json().deepCopy();
      catalog.withArray("policies").forEach(policy -> {
        if (policy.path("code").asText().equals("huawei-drive")) {
          ((ObjectNode) policy).put("renewFrom", "NOW");
        }
      });
      assertThat(operator.put("/v1/catalog", catalog).status()).isBetween(200, 201);

      HttpApi.Answer renewed = operator.post("/v1/resources/" + resource + "/renewals", Map.of("periods", 2), "renew-now");

      assertThat(renewed.status()).as("%s", renewed).isEqualTo(201);
      assertThat(renewed.json().path("term").path("end").asText()).isEqualTo("2023-05-20T23:59:59+08:00");
    }
  }
}
