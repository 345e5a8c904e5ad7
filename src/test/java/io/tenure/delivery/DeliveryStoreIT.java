package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tenure.store.Database;
import io.tenure.subscription.Channel;
import io.tenure.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The dispatcher's statements on the deliveries table: what a claim reads, and what a record leaves behind. */
class DeliveryStoreIT {
  private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
  private static final int DUE = 3000;

  private final DeliveryStore store = new DeliveryStore();

  @Test
  void aClaimReadsItsBatchNotEveryDueDeliveryEvenWithStatisticsOfAnEmptyTable() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Jdbi jdbi = database.jdbi();
      dueAfterStatisticsOfAnEmptyTable(jdbi);

      long rowsRead = jdbi.inTransaction(handle -> {
        long before = rowsRead(handle);
        assertThat(store.claimDue(handle, NOW, NOW.plus(Duration.ofMinutes(5)), 50)).hasSize(50);
        return rowsRead(handle) - before;
      });

      assertThat(rowsRead).as("rows of deliveries read by one claim of 50 among %d due", DUE).isLessThan(200);
    }
  }

  @Test
  void aRecordAndAReleaseReadTheirDeliveriesNotEveryPendingOneEvenWithStatisticsOfAnEmptyTable() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Jdbi jdbi = database.jdbi();
      dueAfterStatisticsOfAnEmptyTable(jdbi);
      List<DeliveryStore.Claimed> claimed = jdbi.inTransaction(handle -> store.claimDue(handle, NOW, NOW.plusSeconds(300), 50));
      List<DeliveryStore.Attempted> outcomes = claimed.subList(0, 49).stream().map(one -> new DeliveryStore.Attempted(one,
          DeliveryStore.Status.DELIVERED, NOW, Optional.empty(), Optional.empty(), NOW)).toList();

      long recordRead = jdbi.inTransaction(handle -> {
        long before = rowsRead(handle);
        assertThat(store.recordAll(handle, outcomes)).isEqualTo(49);
        return rowsRead(handle) - before;
      });
      long releaseRead = jdbi.inTransaction(handle -> {
        long before = rowsRead(handle);
        store.release(handle, claimed.get(49));
        return rowsRead(handle) - before;
      });

      assertThat(recordRead).as("rows of deliveries read by one record of 49 among %d pending", DUE).isLessThan(200);
      assertThat(releaseRead).as("rows of deliveries read by the release of one among %d pending", DUE).isLessThan(10);
    }
  }

  @Test
  void aRecordOnAHandleWithoutATransactionLeavesTheConnectionWaitingForTheDiskAgain() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Jdbi jdbi = database.jdbi();
      jdbi.useHandle(handle -> store.insert(handle, due(1), NOW.minusSeconds(60)));
      DeliveryStore.Claimed claimed = jdbi.inTransaction(handle -> store.claimDue(handle, NOW, NOW.plusSeconds(300), 1)).getFirst();

      jdbi.useHandle(handle -> {
        handle.execute("SET synchronous_commit = on"); // the test databases run without it
        assertThat(store.record(handle, claimed, DeliveryStore.Status.DELIVERED, NOW, Optional.empty(), Optional.of("id-1"), NOW))
            .isTrue();
        assertThat(handle.createQuery("SHOW synchronous_commit").mapTo(String.class).one())
            .as("the setting of the record's own transaction only").isEqualTo("on");
        assertThat(store.record(handle, claimed, DeliveryStore.Status.FAILED, NOW, Optional.of("late"), Optional.empty(), NOW))
            .as("a second record of the same attempt").isFalse();
      });
      String status = jdbi.withHandle(handle -> handle.createQuery("SELECT status FROM deliveries").mapTo(String.class).one());
      assertThat(status).isEqualTo("DELIVERED");
    }
  }

  @Test
  void aBatchOfOutcomesIsRecordedByOneStatementExceptForADeliveryThatMovedOnSinceItsClaim() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Jdbi jdbi = database.jdbi();
      jdbi.useHandle(handle -> store.insert(handle, due(3), NOW.minusSeconds(60)));
      List<DeliveryStore.Claimed> claimed = jdbi.inTransaction(handle -> store.claimDue(handle, NOW, NOW.plusSeconds(300), 3));
      // The third one's lease ran out and another dispatcher claimed it again.
      jdbi.useHandle(handle -> handle.execute("UPDATE deliveries SET attempts = attempts + 1 WHERE id = ?", claimed.get(2).id()));
      Instant retryAt = NOW.plusSeconds(30);

      int recorded = jdbi.withHandle(handle -> store.recordAll(handle, List.of(
          new DeliveryStore.Attempted(claimed.get(0), DeliveryStore.Status.DELIVERED, NOW, Optional.empty(), Optional.of("id-1"), NOW),
          new DeliveryStore.Attempted(claimed.get(1), DeliveryStore.Status.PENDING, retryAt, Optional.of("451 try later, \"busy\""),
              Optional.empty(), NOW),
          new DeliveryStore.Attempted(claimed.get(2), DeliveryStore.Status.DELIVERED, NOW, Optional.empty(), Optional.empty(), NOW))));

      assertThat(recorded).isEqualTo(2);
      List<String> rows = jdbi.withHandle(handle -> handle.createQuery("""
              SELECT status || ' ' || attempts || ' ' || coalesce(provider_message_id, '-') || ' ' || coalesce(last_error, '-')
                || ' ' || (next_attempt_at = :retryAt) || ' ' || (delivered_at IS NOT NULL) FROM deliveries ORDER BY id""")
          .bind("retryAt", retryAt).mapTo(String.class).list());
      assertThat(rows).containsExactly("DELIVERED 1 id-1 - false true", "PENDING 1 - 451 try later, \"busy\" true false",
          "PENDING 2 - - false false");
    }
  }

  @Test
  void aClaimCountsTheAttemptAndLeasesEachDeliveryByAHotUpdateThatWritesNoIndexEntry() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Jdbi jdbi = database.jdbi();
      jdbi.useHandle(handle -> store.insert(handle, due(100), NOW.minusSeconds(60)));

      long[] updates = jdbi.inTransaction(handle -> {
        assertThat(store.claimDue(handle, NOW, NOW.plusSeconds(300), 50)).hasSize(50);
        return handle.createQuery("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = 'deliveries'")
            .map((row, context) -> new long[] {row.getLong(1), row.getLong(2)}).one();
      });

      assertThat(updates).as("row versions written by the claim, and of them HOT").containsExactly(50, 50);
    }
  }

  @Test
  void aLeasedDeliveryIsClaimedAgainOnlyOnceItsLeaseEndsOrItIsGivenBackAndIsListedAsDueAtTheLeasesEnd() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Jdbi jdbi = database.jdbi();
      jdbi.useHandle(handle -> {
        // The operator's view of a delivery joins its account.
        handle.execute("""
            INSERT INTO accounts (id, name, tier, time_zone, currency, created_at)
            SELECT 'acc_' || i, 'acc_' || i, 'standard', 'Asia/Shanghai', 'CNY', TIMESTAMPTZ '2026-03-01Z' FROM generate_series(0, 1) AS i""");
        store.insert(handle, due(2), NOW.minusSeconds(60));
      });
      Instant leaseEnd = NOW.plusSeconds(300);
      List<DeliveryStore.Claimed> first = jdbi.inTransaction(handle -> store.claimDue(handle, NOW, leaseEnd, 2));
      jdbi.useHandle(handle -> store.release(handle, first.get(1)));

      assertThat(jdbi.withHandle(handle -> store.find(handle, first.get(0).id())).orElseThrow().nextAttemptAt())
          .as("the next attempt of a leased delivery").isEqualTo(leaseEnd);
      List<DeliveryStore.Claimed> during = jdbi.inTransaction(handle -> store.claimDue(handle, NOW.plusSeconds(10), NOW.plusSeconds(1000), 2));
      assertThat(during).as("claimed during the lease").extracting(DeliveryStore.Claimed::id, DeliveryStore.Claimed::attempt)
          .containsExactly(tuple(first.get(1).id(), 1));
      List<DeliveryStore.Claimed> after = jdbi.inTransaction(handle ->
          store.claimDue(handle, leaseEnd.plusSeconds(1), leaseEnd.plusSeconds(301), 2));
      assertThat(after).as("claimed once the first lease ended").extracting(DeliveryStore.Claimed::id, DeliveryStore.Claimed::attempt)
          .containsExactly(tuple(first.get(0).id(), 2));
    }
  }

  /**
   * {@link #DUE} due deliveries, with the statistics a new database has: taken while the table was empty, and not
   * refreshed by the burst.
   */
  private void dueAfterStatisticsOfAnEmptyTable(Jdbi jdbi) {
    jdbi.useHandle(handle -> {
      handle.execute("ALTER TABLE deliveries SET (autovacuum_enabled = false)");
      handle.execute("ANALYZE deliveries");
    });
    jdbi.useHandle(handle -> store.insert(handle, due(DUE), NOW.minusSeconds(60)));
  }

  private static List<DeliveryStore.NewDelivery> due(int count) {
    return IntStream.range(0, count).mapToObj(index -> new DeliveryStore.NewDelivery("acc_" + (index % 100), index,
        "EXPIRY_WARNING", Channel.EMAIL, "owner" + index + "@example.com", "acc|" + index + "|EMAIL", "Subject", "<p>Body</p>",
        "Body", Map.of(), NOW, false)).toList();
  }

  /** Rows of deliveries this transaction has read so far, by sequential and index scans. */
  private static long rowsRead(Handle handle) {
    return handle.createQuery("""
            SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_stat_xact_user_tables WHERE relname = 'deliveries'""")
        .mapTo(Long.class).one();
  }
}
