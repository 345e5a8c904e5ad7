package io.tenure.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Capabilities;
import io.tenure.clock.Pace;
import io.tenure.clock.TenureClock;
import io.tenure.store.Database;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The settlements of a batch's accounts written set-based ({@link SettlementBatch}, through the engine's claimed
 * batches) leave exactly the rows of the same settlements made one account at a time (an API change's catch-up,
 * which never settles ahead): the bills and their lines, the ledger, the wallets, the arrears, the resources, the
 * notices and the billed events. Two hours are due, so the engine settles the first ahead and the second one by one.
 */
class SettlementBatchIT {
  private static final Instant END = Instant.parse("2026-03-01T03:00:00Z");

  @Test
  void accountsSettledTogetherInOneBatchGetExactlyTheBillsLedgerAndArrearsOfAccountsSettledOneByOne() {
    String world = buildWorld();
    Snapshot together = taken(world, (capabilities, jdbi) -> {
      LifecycleEngine engine = capabilities.lifecycleEngine(1);
      engine.processDue(END, Pace.LIVE);
    });
    Snapshot oneByOne = taken(world, (capabilities, jdbi) -> {
      LifecycleEngine engine = capabilities.lifecycleEngine(1);
      List<String> accounts = jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM accounts ORDER BY id").mapTo(String.class).list());
      for (String account : accounts) {
        jdbi.useTransaction(handle -> engine.change(handle, account, END, () -> null));
      }
    });
    assertThat(together.bills()).as("bills and lines").hasSizeGreaterThan(10).isEqualTo(oneByOne.bills());
    assertThat(together.bills()).anySatisfy(bill -> assertThat(bill).contains("Adjustment for 2026-03-01 00:00"));
    assertThat(together.ledger()).as("ledger").isEqualTo(oneByOne.ledger());
    assertThat(together.accounts()).as("wallets, arrears, next settlements").isEqualTo(oneByOne.accounts());
    assertThat(together.accounts()).filteredOn(row -> row.contains("arrears since")).hasSize(2);
    assertThat(together.resources()).as("resources").isEqualTo(oneByOne.resources());
    assertThat(together.notices()).as("notices").isEqualTo(oneByOne.notices()).isNotEmpty();
    assertThat(together.events()).as("billed events").isEqualTo(oneByOne.events());
  }

  /**
   * Accounts at 3.00 an hour each, with usage: well funded ones, one that goes into arrears at the first hour left
   * to settle, one at the second, one in arrears paid by an adjustment (no hook: its next settlement ends the
   * arrears), late events billed as adjustments. The clock stops at 01:10, with 02:00 and 03:00 left to settle.
   */
  private static String buildWorld() {
    try (TestServer server = TestServer.simulatedAt("2026-03-01T00:00:00Z")) {
      HttpApi operator = server.operator();
      assertThat(operator.send("PUT", "/v1/catalog", Fixtures.demoCatalogWithHourlyPrice("3.00"), null).status()).isEqualTo(201);
      List<String> instances = new ArrayList<>();
      for (String balance : List.of("100.00", "100.00", "100.00", "7.00", "16.00", "1.00")) {
        if (balance.equals("1.00")) {
          Fixtures.advanceTo(operator, "2026-03-01T00:30:00Z");
        }
        String account = Fixtures.account(operator, "silver");
        Fixtures.topUp(operator, account, balance);
        for (int count = 0; count < 2; count++) {
          instances.add(Fixtures.payAsYouGo(operator, account));
        }
      }
      Fixtures.advanceTo(operator, "2026-03-01T00:59:00Z");
      sendUsage(operator, instances, "a", "2026-03-01T00:40:00Z");
      Fixtures.advanceTo(operator, "2026-03-01T01:10:00Z");
      sendUsage(operator, instances.subList(0, 3), "late", "2026-03-01T00:50:00Z");
      sendUsage(operator, instances, "b", "2026-03-01T01:05:00Z");
      String refunded = operator.get("/v1/resources/" + instances.getLast()).get("accountId");
      assertThat(operator.get("/v1/accounts/" + refunded).json().path("inArrears").asBoolean()).isTrue();
      HttpApi.Answer adjusted = operator.post("/v1/accounts/" + refunded + "/adjustments", Map.of("amount", "20.00", "reason", "goodwill"),
          "settlement-batch-adjustment");
      assertThat(adjusted.status()).as("%s", adjusted).isEqualTo(201);
      return server.databaseUrl();
    }
  }

  private static void sendUsage(HttpApi operator, List<String> instances, String batch, String time) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (int index = 0; index < instances.size(); index++) {
      events.add(Map.of("id", batch + "-cpu-" + index, "resourceId", instances.get(index), "meter", "vcpu_hours",
          "quantity", "1.25", "time", time));
      events.add(Map.of("id", batch + "-egress-" + index, "resourceId", instances.get(index), "meter", "egress_gb",
          "quantity", "0.333", "time", time));
    }
    assertThat(operator.post("/v1/usage", Map.of("events", events)).json().path("accepted").asInt()).isEqualTo(events.size());
  }

  /** A copy of {@code world} after {@code pass} settled it up to {@link #END}. */
  private static Snapshot taken(String world, BiConsumer<Capabilities, Jdbi> pass) {
    try (Database copy = Database.connect(TestDatabases.copyOf(world), 2)) {
      pass.accept(Capabilities.wire(copy.jdbi(), TenureClock.simulated(END)), copy.jdbi());
      return Snapshot.of(copy.jdbi());
    }
  }

  /** What the settlements wrote, in forms that do not depend on the generated ids of bills and transactions. */
  private record Snapshot(List<String> bills, List<String> ledger, List<String> accounts, List<String> resources,
      List<String> notices, List<String> events) {

    static Snapshot of(Jdbi jdbi) {
      return new Snapshot(
          rows(jdbi, """
              SELECT concat_ws(' ', b.account_id, b.type, b.total_minor, b.currency, b.created_at,
                (SELECT string_agg(l.position || ':' || l.description || '=' || l.amount_minor, ' | ' ORDER BY l.position)
                 FROM bill_lines l WHERE l.bill_id = b.id))
              FROM bills b ORDER BY b.account_id, b.created_at, b.type
              """),
          rows(jdbi, """
              SELECT concat_ws(' ', t.account_id, t.kind, t.description, t.created_at, t.bill_id IS NULL,
                (SELECT b.created_at FROM bills b WHERE b.id = t.bill_id),
                (SELECT string_agg(e.book || '=' || e.amount_minor || e.currency, ',' ORDER BY e.book) FROM ledger_entries e
                 WHERE e.transaction_id = t.id))
              FROM ledger_transactions t ORDER BY t.account_id, t.sequence
              """),
          rows(jdbi, """
              SELECT concat_ws(' ', a.id, w.balance_minor, a.settle_due_at, a.next_due_at, 'arrears since ' || a.arrears_since)
              FROM accounts a JOIN wallets w ON w.account_id = a.id ORDER BY a.id
              """),
          rows(jdbi, """
              SELECT concat_ws(' ', id, phase, policy_phase_index, phase_started_at, arrears_started_at, next_due_at)
              FROM resources ORDER BY id
              """),
          rows(jdbi, "SELECT concat_ws(' ', account_id, resource_id, array_to_string(types, '+'), due_at) FROM notices ORDER BY 1"),
          rows(jdbi, "SELECT concat_ws(' ', resource_id, meter, time, settled_at) FROM usage_events ORDER BY 1"));
    }

    private static List<String> rows(Jdbi jdbi, String sql) {
      return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }
  }
}
