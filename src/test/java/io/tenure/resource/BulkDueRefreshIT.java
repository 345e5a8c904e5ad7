package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Capabilities;
import io.tenure.clock.TenureClock;
import io.tenure.store.Database;
import io.tenure.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The bulk loaders' {@link AccountsDue#refreshAll} must leave every account's due markers as the
 * per-account refresh of the API's changes does: in particular the hourly settlement of bulk-loaded pay-as-you-go
 * resources, which it once left unset (so they were never billed).
 */
class BulkDueRefreshIT {
  private static final Instant BOUGHT = Instant.parse("2026-03-02T01:20:00Z");

  @Test
  void theBulkRefreshStartsTheHourlySettlementOfPayAsYouGoResourcesAsThePerAccountRefreshDoes() {
    List<Map<String, Object>> bulk = markersAfter(handle -> AccountsDue.refreshAll(handle));
    List<Map<String, Object>> perAccount = markersAfter(handle -> AccountsDue.refresh(handle,
        List.of("acc_payg", "acc_prepaid", "acc_released", "acc_empty")));

    assertThat(bulk).isEqualTo(perAccount);
    assertThat(bulk.getFirst()).containsEntry("id", "acc_empty").containsEntry("settle_due_at", null);
    assertThat(bulk.get(1)).containsEntry("id", "acc_payg")
        .containsEntry("settle_due_at", java.sql.Timestamp.from(Instant.parse("2026-03-02T02:00:00Z")))
        .containsEntry("next_due_at", java.sql.Timestamp.from(Instant.parse("2026-03-02T02:00:00Z")));
    assertThat(bulk.get(2)).containsEntry("id", "acc_prepaid").containsEntry("settle_due_at", null)
        .containsEntry("next_due_at", java.sql.Timestamp.from(Instant.parse("2026-03-20T16:00:00Z")));
    assertThat(bulk.get(3)).containsEntry("id", "acc_released").containsEntry("settle_due_at", null);
  }

  @Test
  void theRefreshOfOneAccountByItsIdLeavesTheMarkersTheRefreshOfAListLeaves() {
    List<String> ids = List.of("acc_payg", "acc_prepaid", "acc_released", "acc_empty");
    List<Map<String, Object>> list = markersAfter(handle -> AccountsDue.refresh(handle, ids));
    List<Map<String, Object>> one = markersAfter(handle -> ids.forEach(id -> AccountsDue.refresh(handle, id)));

    assertThat(one).isEqualTo(list);
  }

  @Test
  void refreshingAnAccountOfPrepaidResourcesLooksForItsPayAsYouGoResourcesWithoutReadingThePrepaidOnes() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Capabilities.wire(database.jdbi(), TenureClock.simulated(BOUGHT)); // the demo catalog, version 1
      List<String> plan = database.jdbi().inTransaction(handle -> {
        handle.execute("""
            INSERT INTO accounts (id, name, tier, time_zone, currency, created_at)
            VALUES ('acc_prepaid', 'acc_prepaid', 'standard', 'Asia/Shanghai', 'CNY', TIMESTAMPTZ '2026-03-01Z')""");
        handle.createUpdate("""
            INSERT INTO resources (id, account_id, plan_code, catalog_version, mode, billing_period, created_at, term_start,
              term_periods, plan_paid_minor, phase, policy_code, policy_version, term_end, policy_phase_index, phase_started_at,
              auto_renew, auto_renew_periods, periodic_handled_through, next_due_at)
            SELECT 'res_' || i, 'acc_prepaid', 'koodrive-basic', 1, 'PREPAID', 'MONTH', :bought, :bought, 1, 18000, 'ACTIVE',
              'huawei-drive', 1, TIMESTAMPTZ '2026-04-02T15:59:59Z', -1, :bought, false, 1, :bought, TIMESTAMPTZ '2026-03-20T16:00:00Z'
            FROM generate_series(1, 1000) AS i""").bind("bought", BOUGHT).execute();
        handle.execute("ANALYZE resources");
        // The engine refreshes the accounts of every batch: the bench's accounts hold 1,000 prepaid resources and no other.
        return handle.createQuery("EXPLAIN (ANALYZE, FORMAT TEXT) " + AccountsDue.MANY)
            .bind("accountIds", "{acc_prepaid}").mapTo(String.class).list();
      });
      assertThat(plan).noneMatch(line -> line.contains("Rows Removed by Filter"));
      assertThat(String.join("\n", plan)).contains("resources_payg_by_account");
    }
  }

  /** A fresh database with four accounts (pay-as-you-go, prepaid, released pay-as-you-go, none), refreshed. */
  private static List<Map<String, Object>> markersAfter(Consumer<Handle> refresh) {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Capabilities.wire(database.jdbi(), TenureClock.simulated(BOUGHT)); // the demo catalog, version 1
      return database.jdbi().inTransaction(handle -> {
        handle.execute("""
            INSERT INTO accounts (id, name, tier, time_zone, currency, created_at)
            SELECT id, id, 'standard', 'Asia/Shanghai', 'CNY', TIMESTAMPTZ '2026-03-01Z'
            FROM unnest(ARRAY['acc_payg', 'acc_prepaid', 'acc_released', 'acc_empty']) AS id""");
        handle.createUpdate("""
            INSERT INTO resources (id, account_id, plan_code, catalog_version, mode, billing_period, created_at, term_start,
              term_periods, plan_paid_minor, phase, policy_code, policy_version, term_end, policy_phase_index, phase_started_at,
              auto_renew, auto_renew_periods, periodic_handled_through, next_due_at)
            VALUES ('res_payg', 'acc_payg', 'ecs-general', 1, 'PAYG', NULL, :bought, NULL, 0, 0, 'ACTIVE', 'alibaba-payg', 1,
                NULL, -1, :bought, false, 1, :bought, NULL),
              ('res_released', 'acc_released', 'ecs-general', 1, 'PAYG', NULL, :bought, NULL, 0, 0, 'RELEASED', 'alibaba-payg', 1,
                NULL, -1, :bought, false, 1, :bought, NULL),
              ('res_prepaid', 'acc_prepaid', 'koodrive-basic', 1, 'PREPAID', 'MONTH', :bought, :bought, 1, 18000, 'ACTIVE',
                'huawei-drive', 1, TIMESTAMPTZ '2026-04-02T15:59:59Z', -1, :bought, false, 1, :bought,
                TIMESTAMPTZ '2026-03-20T16:00:00Z')""").bind("bought", BOUGHT).execute();
        refresh.accept(handle);
        return handle.createQuery("SELECT id, next_due_at, settle_due_at FROM accounts ORDER BY id").mapToMap().list();
      });
    }
  }
}
