package io.tenure.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.clock.TenureClock;
import io.tenure.lifecycle.NoticeType;
import io.tenure.store.Database;
import io.tenure.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** V4 turns the one-notice rows of V3 into rows of grouped notices without renumbering a message. */
class NoticesMigrationIT {
  private static final Instant AT = Instant.parse("2023-04-08T16:00:00Z");

  @Test
  void earlierNoticesKeepTheirNumbersAndKeysAndNewRowsNumberAfterThem() {
    String url = TestDatabases.fresh();
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("3").load().migrate();
    Jdbi before = Jdbi.create(url);
    before.useHandle(handle -> handle.execute("""
        INSERT INTO notices (dedup_key, account_id, resource_id, type, due_at, release_at, created_at)
        VALUES ('res_a|EXPIRED|2023-04-08T16:00:00Z', 'acc_1', 'res_a', 'EXPIRED', '2023-04-08T16:00:00Z', NULL, now()),
               ('res_a|AUTO_RENEW_INSUFFICIENT_BALANCE|2023-04-09', 'acc_1', 'res_a', 'AUTO_RENEW_INSUFFICIENT_BALANCE',
                '2023-04-09T04:00:00Z', NULL, now()),
               ('res_b|FROZEN|2023-04-08T16:00:00Z', 'acc_2', 'res_b', 'FROZEN', '2023-04-08T16:00:00Z', '2023-05-08T16:00:00Z', now())
        """));

    try (Database database = Database.connect(url, 2)) {
      Jdbi jdbi = database.jdbi();
      assertThat(rows(jdbi, "SELECT sequence || ' ' || account_id || ' ' || array_to_string(types, ',') FROM notices ORDER BY sequence"))
          .containsExactly("1 acc_1 EXPIRED", "2 acc_1 AUTO_RENEW_INSUFFICIENT_BALANCE", "3 acc_2 FROZEN");

      Notices notices = new Notices(TenureClock.simulated(AT));
      Notice shortfallAgain = Notice.once("res_a|AUTO_RENEW_INSUFFICIENT_BALANCE|2023-04-09", "acc_1", "res_a",
          NoticeType.AUTO_RENEW_INSUFFICIENT_BALANCE, AT);
      jdbi.useHandle(handle -> notices.record(handle, List.of(
          Notice.ofTransition("acc_1", "res_c", NoticeType.EXPIRED, AT, Optional.empty()),
          Notice.ofTransition("acc_1", "res_c", NoticeType.FROZEN, AT, Optional.empty()),
          shortfallAgain)));

      assertThat(rows(jdbi, "SELECT sequence || ' ' || array_to_string(types, ',') FROM notices WHERE sequence > 3 ORDER BY sequence"))
          .as("a new row numbers its messages from a multiple of 8 after the old ones; the old dedup key still holds")
          .containsExactly("8 EXPIRED,FROZEN");
    }
  }

  private static List<String> rows(Jdbi jdbi, String sql) {
    return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
  }
}
