package io.tenure.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Settings;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The days of usage past retention go with the clock, while no usage arrives, and only once settled
 * (docs/usage.md, "How it is stored"): a fresh server on the simulated clock, moved by the clock API.
 */
class UsageRetentionIT {

  @Test
  void aDayPastRetentionIsDroppedByTheClockOnceSettledAndKeptWhileAnEventWaits() throws SQLException {
    try (TestServer server = TestServer.start(new Settings(0, Path.of("target", "unused-data"), Optional.of(TestDatabases.fresh()),
        true, Instant.parse("2026-03-10T12:00:00Z"), ZoneId.of("UTC"), Optional.of(TestServer.OPERATOR_KEY), 6, 1 << 20, 50, 2))) {
      HttpApi operator = server.operator();
      String account = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, account, "1000.00");
      String resource = Fixtures.payAsYouGo(operator, account);
      HttpApi.Answer sent = operator.post("/v1/usage", Map.of("events", List.of(Map.of("id", "late", "resourceId", resource,
          "meter", "vcpu_hours", "quantity", "2", "time", "2026-03-09T02:00:00Z"))));
      assertThat(sent.json().path("accepted").asInt()).as("%s", sent).isEqualTo(1);

      Fixtures.advanceTo(operator, "2026-03-16T00:00:00Z");
      assertThat(query(server, "SELECT count(*) FROM usage_events WHERE settled_at IS NULL")).containsExactly("0");
      // An event that no settlement has billed yet, as one of an account whose due work another process holds.
      execute(server, "INSERT INTO usage_events (resource_id, event_id, day, meter, quantity, time, received_at) VALUES "
          + "('res_lagging', 'waiting', DATE '2026-03-15', 'vcpu_hours', 1, TIMESTAMPTZ '2026-03-15T01:00:00Z', now())");

      // No usage arrives from here on. On 2026-04-22 the days before 2026-03-16 (37 days) are past retention; the
      // partitions kept for acceptance start at 2026-03-17 (36 days back) and end tomorrow.
      Fixtures.advanceTo(operator, "2026-04-22T06:00:00Z");
      List<String> days = query(server, """
          SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'usage_events'::regclass ORDER BY 1""");
      assertThat(days).doesNotContain("usage_events_20260309", "usage_events_20260314");
      assertThat(days.subList(0, 2)).containsExactly("usage_events_20260315", "usage_events_20260316");
      assertThat(days.getLast()).isEqualTo("usage_events_20260423");
      assertThat(query(server, "SELECT event_id FROM usage_events")).containsExactly("waiting");
    }
  }

  private static List<String> query(TestServer server, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.databaseUrl());
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  private static void execute(TestServer server, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.databaseUrl())) {
      connection.createStatement().execute(sql);
    }
  }
}
