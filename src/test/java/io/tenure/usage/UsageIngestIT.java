package io.tenure.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.tenure.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/usage} over HTTP against a fresh server on the simulated clock (docs/usage.md). */
class UsageIngestIT {
  private static final String NOW = "2026-03-10T12:00:00Z";
  /** A body of 10,000 events is over the test servers' usual 1 MiB: this one has the default limit of 8 MiB. */
  private static TestServer server;
  private static HttpApi operator;

  @BeforeAll
  static void start() {
    server = TestServer.start(new Settings(0, Path.of("target", "unused-data"), Optional.of(TestDatabases.fresh()), true,
        Instant.parse(NOW), ZoneId.of("Asia/Shanghai"), Optional.of(TestServer.OPERATOR_KEY), 6, 8 << 20, 50, 2));
    operator = server.operator();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String accountWithResource() {
    String account = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, account, "100.00");
    return Fixtures.payAsYouGo(operator, account);
  }

  private static Map<String, Object> event(String id, String resource, String meter, Object quantity, String time) {
    return Map.of("id", id, "resourceId", resource, "meter", meter, "quantity", quantity, "time", time);
  }

  private static long stored(String resource) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.databaseUrl());
        var statement = connection.prepareStatement("SELECT count(*) FROM usage_events WHERE resource_id = ?")) {
      statement.setString(1, resource);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Test
  void theSameTenThousandEventsSentTwiceAreStoredOnceAndTheSecondAnswerIsAllDuplicates() throws SQLException {
    String resource = accountWithResource();
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      events.add(event("evt-" + i, resource, i % 2 == 0 ? "vcpu_hours" : "egress_gb", "0.5",
          "2026-03-%02dT02:00:00Z".formatted(1 + i % 10)));
    }
    HttpApi.Answer first = operator.post("/v1/usage", Map.of("events", events));
    assertThat(first.status()).as("%s", first.text().substring(0, Math.min(300, first.text().length()))).isEqualTo(200);
    assertThat(first.json().path("accepted").asLong()).isEqualTo(10_000);
    assertThat(first.json().path("duplicates").asLong()).isZero();
    assertThat(first.json().path("rejected")).isEmpty();

    HttpApi.Answer second = operator.post("/v1/usage", Map.of("events", events));
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().path("accepted").asLong()).isZero();
    assertThat(second.json().path("duplicates").asLong()).isEqualTo(10_000);
    assertThat(stored(resource)).isEqualTo(10_000);
  }

  @Test
  void badEventsAreRejectedOneByOneWithReasonsWhileTheRestIsAccepted() throws SQLException {
    String resource = accountWithResource();
    List<Object> events = List.of(
        event("ok-1", resource, "vcpu_hours", "1", "2026-03-10T11:00:00Z"),
        event("bad-meter", resource, "gpu_hours", "1", "2026-03-10T11:00:00Z"),
        event("bad-negative", resource, "vcpu_hours", "-1.5", "2026-03-10T11:00:00Z"),
        event("bad-old", resource, "vcpu_hours", "1", "2026-02-03T11:59:59Z"),
        event("bad-ahead", resource, "vcpu_hours", "1", "2026-03-10T12:05:01Z"),
        event("bad-text", resource, "vcpu_hours", "ten", "2026-03-10T11:00:00Z"),
        event("bad-exponent", resource, "vcpu_hours", "1e3", "2026-03-10T11:00:00Z"),
        Map.of("id", "bad-missing", "resourceId", resource, "meter", "vcpu_hours", "quantity", "1"),
        "not an event",
        event("bad-resource", "res_nothing", "vcpu_hours", "1", "2026-03-10T11:00:00Z"),
        event("ok-edge-old", resource, "vcpu_hours", "1", "2026-02-03T12:00:00Z"),
        event("ok-edge-ahead", resource, "vcpu_hours", "1", "2026-03-10T12:05:00Z"));
    HttpApi.Answer answer = operator.post("/v1/usage", Map.of("events", events));
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    assertThat(answer.json().path("accepted").asLong()).isEqualTo(3);
    assertThat(answer.json().path("rejected")).extracting(r -> r.path("index").asInt() + " " + r.path("code").asText())
        .containsExactly("1 UNKNOWN_METER", "2 INVALID_QUANTITY", "3 TIME_OUT_OF_RANGE", "4 TIME_OUT_OF_RANGE",
            "5 INVALID_QUANTITY", "6 INVALID_QUANTITY", "7 INVALID_EVENT", "8 INVALID_EVENT", "9 UNKNOWN_RESOURCE");
    assertThat(answer.json().path("rejected").get(0).path("message").asText())
        .isEqualTo("Field 'events[1].meter': no meter gpu_hours; the meters of the plan ecs-general are vcpu_hours, "
            + "storage_gb_hours, egress_gb.");
    assertThat(answer.json().path("rejected").get(1).path("message").asText())
        .isEqualTo("Field 'events[2].quantity': must not be negative.");
    assertThat(answer.json().path("rejected").get(6).path("message").asText()).isEqualTo("Field 'events[7].time': is required.");
    assertThat(stored(resource)).isEqualTo(3);
  }

  @Test
  void quantitiesAsJsonNumbersAndAsStringsAreStoredExactly() throws SQLException {
    String resource = accountWithResource();
    String body = """
        {"events": [
          {"id": "n1", "resourceId": "%1$s", "meter": "egress_gb", "quantity": 0.000001, "time": "2026-03-10T11:00:00Z"},
          {"id": "n2", "resourceId": "%1$s", "meter": "egress_gb", "quantity": 12345678901234.123456, "time": "2026-03-10T11:00:00Z"},
          {"id": "s1", "resourceId": "%1$s", "meter": "egress_gb", "quantity": "0.000001", "time": "2026-03-10T11:00:00Z"},
          {"id": "s2", "resourceId": "%1$s", "meter": "egress_gb", "quantity": "12345678901234.123456", "time": "2026-03-10T11:00:00Z"},
          {"id": "n3", "resourceId": "%1$s", "meter": "egress_gb", "quantity": 7, "time": "2026-03-10T11:00:00Z"}
        ]}""".formatted(resource);
    HttpApi.Answer answer = operator.post("/v1/usage", body);
    assertThat(answer.json().path("accepted").asLong()).as("%s", answer).isEqualTo(5);
    Map<String, BigDecimal> quantities = new java.util.HashMap<>();
    try (Connection connection = DriverManager.getConnection(server.databaseUrl());
        var statement = connection.prepareStatement("SELECT event_id, quantity::text FROM usage_events WHERE resource_id = ?")) {
      statement.setString(1, resource);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          quantities.put(rows.getString(1), new BigDecimal(rows.getString(2)));
        }
      }
    }
    assertThat(quantities.get("n1")).isEqualByComparingTo("0.000001").isEqualByComparingTo(quantities.get("s1"));
    assertThat(quantities.get("n2")).isEqualByComparingTo("12345678901234.123456").isEqualByComparingTo(quantities.get("s2"));
    assertThat(quantities.get("n3")).isEqualByComparingTo("7");
  }

  @Test
  void moreThanTenThousandEventsAreRefusedAsAWholeWithNothingStored() throws SQLException {
    String resource = accountWithResource();
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i <= 10_000; i++) {
      events.add(event("too-many-" + i, resource, "vcpu_hours", 1, "2026-03-10T11:00:00Z"));
    }
    HttpApi.Answer answer = operator.post("/v1/usage", Map.of("events", events));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("TOO_MANY_EVENTS");
    assertThat(stored(resource)).isZero();
    assertThat(operator.post("/v1/usage", "{\"events\": [").status()).isEqualTo(400);
    assertThat(operator.post("/v1/usage", Map.of("events", "none")).errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(operator.post("/v1/usage", Map.of()).errorCode()).isEqualTo("MISSING_FIELD");
  }

  @Test
  void anotherAccountsResourceIsRejectedAsUnknownAndAPrepaidResourceHasNoMeters() throws SQLException {
    String mine = Fixtures.account(operator, "V3");
    Fixtures.topUp(operator, mine, "1000.00");
    String myResource = Fixtures.payAsYouGo(operator, mine);
    String prepaid = Fixtures.bought(operator, mine, "koodrive-basic", 1);
    String theirResource = accountWithResource();
    HttpApi me = server.client(operator.post("/v1/api-keys", Map.of("scope", "ACCOUNT", "accountId", mine)).get("key"));
    HttpApi.Answer answer = me.post("/v1/usage", Map.of("events", List.of(
        event("e1", myResource, "vcpu_hours", "2", "2026-03-10T11:00:00Z"),
        event("e1", theirResource, "vcpu_hours", "2", "2026-03-10T11:00:00Z"),
        event("e1", prepaid, "vcpu_hours", "2", "2026-03-10T11:00:00Z"))));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("accepted").asLong()).isEqualTo(1);
    JsonNode rejected = answer.json().path("rejected");
    assertThat(rejected.get(0).path("code").asText()).isEqualTo("UNKNOWN_RESOURCE");
    assertThat(rejected.get(0).path("message").asText()).isEqualTo("Field 'events[1].resourceId': no resource " + theirResource + ".");
    assertThat(rejected.get(1).path("code").asText()).isEqualTo("UNKNOWN_METER");
    assertThat(stored(theirResource)).isZero();
    assertThat(stored(myResource)).isEqualTo(1);
  }

  @Test
  void aResendWithinABatchAndAcrossDaysIsADuplicateAndTheSameIdOnAnotherResourceIsNot() throws SQLException {
    String resource = accountWithResource();
    String other = accountWithResource();
    Map<String, Object> early = event("same", resource, "vcpu_hours", "1", "2026-02-10T01:00:00Z");
    HttpApi.Answer answer = operator.post("/v1/usage", Map.of("events", List.of(early, early,
        event("same", other, "vcpu_hours", "1", "2026-02-10T01:00:00Z"))));
    assertThat(answer.json().path("accepted").asLong()).as("%s", answer).isEqualTo(2);
    assertThat(answer.json().path("duplicates").asLong()).isEqualTo(1);
    Fixtures.advanceTo(operator, "2026-03-16T00:00:00Z");
    HttpApi.Answer later = operator.post("/v1/usage", Map.of("events", List.of(early)));
    assertThat(later.json().path("duplicates").asLong()).as("%s", later).isEqualTo(1);
    assertThat(stored(resource)).isEqualTo(1);
  }

  @Test
  void timesAreStoredToTheMicrosecondWithTheirUtcDayWhateverTheOffsetTheyWereSentIn() throws SQLException {
    String resource = accountWithResource();
    HttpApi.Answer answer = operator.post("/v1/usage", Map.of("events", List.of(
        event("t1", resource, "vcpu_hours", "1", "2026-03-10T07:59:59.123456789+08:00"),
        event("t2", resource, "vcpu_hours", "1", "2026-03-09T23:59:59.999999Z"),
        event("t3", resource, "vcpu_hours", "1", "2026-03-10T00:00:00.000001Z"),
        event("t4", resource, "vcpu_hours", "1", "2026-03-09T19:30:00.5-05:30"))));
    assertThat(answer.json().path("accepted").asLong()).as("%s", answer).isEqualTo(4);
    Map<String, String> stored = new java.util.HashMap<>();
    try (Connection connection = DriverManager.getConnection(server.databaseUrl());
        var statement = connection.prepareStatement("""
            SELECT event_id, to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || ' ' || day
            FROM usage_events WHERE resource_id = ?""")) {
      statement.setString(1, resource);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          stored.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    assertThat(stored).containsEntry("t1", "2026-03-09T23:59:59.123456 2026-03-09")
        .containsEntry("t2", "2026-03-09T23:59:59.999999 2026-03-09")
        .containsEntry("t3", "2026-03-10T00:00:00.000001 2026-03-10")
        .containsEntry("t4", "2026-03-10T01:00:00.500000 2026-03-10");
  }
}
