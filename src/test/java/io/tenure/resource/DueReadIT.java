package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Capabilities;
import io.tenure.clock.TenureClock;
import io.tenure.store.Database;
import io.tenure.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's read of a claimed account's due resources ({@link ResourceStore#readDue}) relies on the account's lock,
 * which every writer of a resource holds: locking each resource row as well cost the server a lock record and a row
 * change per resource (5% of its CPU in the drain), for nothing the account's lock does not already give.
 */
class DueReadIT {
  private static final Instant NOW = Instant.parse("2026-03-21T00:00:00Z");

  @Test
  void readingAClaimedAccountsDueResourcesTakesNoRowLockAndReadsThemInDueOrder() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      ResourceStore store = Capabilities.wire(database.jdbi(), TenureClock.simulated(NOW)).resourceStore();
      database.jdbi().useTransaction(handle -> {
        handle.execute("""
            INSERT INTO accounts (id, name, tier, time_zone, currency, created_at)
            VALUES ('acc_due', 'acc_due', 'standard', 'Asia/Shanghai', 'CNY', TIMESTAMPTZ '2026-03-01Z')""");
        handle.execute("""
            INSERT INTO resources (id, account_id, plan_code, catalog_version, mode, billing_period, created_at, term_start,
              term_periods, plan_paid_minor, phase, policy_code, policy_version, term_end, policy_phase_index, phase_started_at,
              auto_renew, auto_renew_periods, periodic_handled_through, next_due_at)
            SELECT 'res_' || i, 'acc_due', 'koodrive-basic', 1, 'PREPAID', 'MONTH', TIMESTAMPTZ '2026-03-01Z',
              TIMESTAMPTZ '2026-03-01Z', 1, 18000, 'ACTIVE', 'huawei-drive', 1, TIMESTAMPTZ '2026-04-01Z', -1,
              TIMESTAMPTZ '2026-03-01Z', false, 1, TIMESTAMPTZ '2026-03-01Z', TIMESTAMPTZ '2026-03-20Z' - i * interval '1 hour'
            FROM generate_series(1, 3) AS i""");
      });
      database.jdbi().useTransaction(handle -> {
        List<ResourceRecord> due = store.readDue(handle, List.of("acc_due"), NOW, 10);

        assertThat(due).extracting(ResourceRecord::id).containsExactly("res_3", "res_2", "res_1");
        // A row locked by this transaction carries its id in xmax until the transaction ends.
        assertThat(handle.createQuery("SELECT count(*) FROM resources WHERE xmax <> '0'").mapTo(Long.class).one()).isZero();
      });
    }
  }
}
