package io.tenure.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.Settings;
import io.tenure.testing.Fixtures;
import io.tenure.testing.TestDatabases;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the hourly settlement bills of the events {@code POST /v1/usage} accepted (docs/usage.md). */
class SettledUsageIT {

  private static Map<String, Object> event(String id, String resource, String meter, Object quantity, String time) {
    return Map.of("id", id, "resourceId", resource, "meter", meter, "quantity", quantity, "time", time);
  }

  private static List<String> lines(JsonNode bill) {
    List<String> lines = new ArrayList<>();
    bill.path("lines").forEach(line -> lines.add(line.path("description").asText() + " = " + line.path("amount").asText()));
    return lines;
  }

  @Test
  void duplicatesAreBilledOnceRejectedEventsNeverAndALateEventAsAnAdjustmentInTheNextHour() {
    // A body of 10,000 events is over the test servers' usual 1 MiB: this one has the default limit of 8 MiB.
    try (TestServer server = TestServer.start(new Settings(0, Path.of("target", "unused-data"), Optional.of(TestDatabases.fresh()),
        true, Instant.parse("2026-03-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"), Optional.of(TestServer.OPERATOR_KEY), 6, 8 << 20, 50, 2))) {
      HttpApi operator = server.operator();
      String account = SettlementIT.paygAccount(operator, "V3", "1000.00");
      String resource = SettlementIT.instance(operator, account);
      Fixtures.advanceTo(operator, "2026-03-01T00:59:00Z");
      Instant hour = Instant.parse("2026-03-01T00:00:00Z");
      List<Map<String, Object>> events = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        events.add(event("evt-" + i, resource, "vcpu_hours", "0.5", hour.plusMillis(i * 300L).toString()));
      }
      assertThat(operator.post("/v1/usage", Map.of("events", events)).json().path("accepted").asInt()).isEqualTo(10_000);
      assertThat(operator.post("/v1/usage", Map.of("events", events)).json().path("duplicates").asInt()).isEqualTo(10_000);
      HttpApi.Answer mixed = operator.post("/v1/usage", Map.of("events", List.of(
          event("bad-meter", resource, "gpu_hours", "1", "2026-03-01T00:10:00Z"),
          event("egress", resource, "egress_gb", 2, "2026-03-01T00:30:00Z"),
          event("negative", resource, "vcpu_hours", "-1", "2026-03-01T00:10:00Z"),
          event("ahead", resource, "vcpu_hours", "1", "2026-03-01T01:05:00Z"))));
      assertThat(mixed.json().path("accepted").asInt()).isEqualTo(1);
      assertThat(mixed.json().path("rejected")).extracting(rejection -> rejection.path("code").asText())
          .containsExactly("UNKNOWN_METER", "INVALID_QUANTITY", "TIME_OUT_OF_RANGE");

      Fixtures.advanceTo(operator, "2026-03-01T01:00:00Z");
      List<JsonNode> bills = SettlementIT.usageBills(operator, account);
      assertThat(bills).hasSize(1);
      assertThat(lines(bills.getFirst())).containsExactly(
          "ECS General Purpose (" + resource + "), 2026-03-01 00:00–01:00 UTC: hourly price 0.10 = 0.10",
          "ECS General Purpose (" + resource + "), 2026-03-01 00:00–01:00 UTC: egress_gb 2 × 0.5 = 1.00",
          "ECS General Purpose (" + resource + "), 2026-03-01 00:00–01:00 UTC: vcpu_hours 5000 × 0.12 = 600.00");
      assertThat(SettlementIT.balance(operator, account)).isEqualTo("398.90");

      assertThat(operator.post("/v1/usage", Map.of("events", List.of(
          event("late", resource, "vcpu_hours", "1", "2026-03-01T00:59:00Z")))).json().path("accepted").asInt()).isEqualTo(1);
      Fixtures.advanceTo(operator, "2026-03-01T03:00:00Z");
      bills = SettlementIT.usageBills(operator, account);
      assertThat(bills).hasSize(3);
      assertThat(lines(bills.get(1))).containsExactly(
          "ECS General Purpose (" + resource + "), 2026-03-01 01:00–02:00 UTC: hourly price 0.10 = 0.10",
          "Adjustment for 2026-03-01 00:00–01:00 UTC: ECS General Purpose (" + resource + "), vcpu_hours 1 × 0.12 = 0.12");
      assertThat(bills.get(2).path("total").asText()).as("nothing is billed twice").isEqualTo("0.10");
      assertThat(SettlementIT.balance(operator, account)).isEqualTo("398.58");
    }
  }
}
