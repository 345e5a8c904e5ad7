package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.store.Database;
import io.tenure.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** V22 moves each delivery's attempt state out of its content row and keeps it: status, attempts, due time, error. */
class DeliveryStatesMigrationIT {
  private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");

  @Test
  void deliveriesWrittenBeforeKeepTheirStateAndAPendingOneIsClaimedWhenItWasDue() {
    String url = TestDatabases.fresh();
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("17").load().migrate();
    Jdbi.create(url).useHandle(handle -> handle.execute("""
        INSERT INTO accounts (id, name, tier, time_zone, currency, created_at)
        VALUES ('acc_1', 'One', 'STANDARD', 'Asia/Shanghai', 'CNY', now());
        INSERT INTO deliveries (account_id, message_sequence, message_type, channel, address, dedup_key, subject, html_body,
          text_body, status, attempts, next_attempt_at, last_error, provider_message_id, raised_at, created_at, delivered_at)
        VALUES ('acc_1', 8, 'EXPIRED', 'EMAIL', 'a@example.com', 'acc_1|8|EMAIL|a@example.com', 'Expired', '<p>x</p>', 'x',
                'PENDING', 2, '2026-03-02T01:00:00Z', 'SMTP 451', NULL, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', NULL),
               ('acc_1', 8, 'EXPIRED', 'SMS', '+8613800000000', 'acc_1|8|SMS|+8613800000000', '', '', 'x',
                'FAILED', 5, '2026-03-01T12:00:00Z', 'HTTP 400', NULL, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', NULL),
               ('acc_1', 8, 'EXPIRED', 'IN_APP', 'acc_1', 'acc_1|8|IN_APP|acc_1', 'Expired', '', 'x',
                'DELIVERED', 0, '2026-03-01T00:00:00Z', NULL, NULL, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z',
                '2026-03-01T00:00:00Z')"""));

    try (Database database = Database.connect(url, 2)) {
      Jdbi jdbi = database.jdbi();
      DeliveryStore store = new DeliveryStore();
      DeliveryStore.Filter all = new DeliveryStore.Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
      List<DeliveryStore.Listed> listed = jdbi.withHandle(handle -> store.list(handle, all, 10));
      assertThat(listed).extracting(row -> row.status() + " " + row.attempts() + " " + row.lastError().orElse("-"))
          .containsExactly("PENDING 2 SMTP 451", "FAILED 5 HTTP 400", "DELIVERED 0 -");
      assertThat(listed.getLast().deliveredAt()).contains(Instant.parse("2026-03-01T00:00:00Z"));

      List<DeliveryStore.Claimed> claimed = jdbi.inTransaction(handle -> store.claimDue(handle, NOW, NOW.plusSeconds(300), 10));
      assertThat(claimed).singleElement().satisfies(delivery -> {
        assertThat(delivery.attempt()).isEqualTo(3);
        assertThat(delivery.htmlBody()).isEqualTo("<p>x</p>");
      });
    }
  }
}
