package io.tenure.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.clock.TenureClock;
import io.tenure.lifecycle.NoticeType;
import io.tenure.store.Database;
import io.tenure.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The fan-out's queue of notice rows (V13): rows are queued by the statement that writes them, taken in batches in
 * the fan-out's transaction, shared between fan-outs running at once, and never updated.
 */
class NoticeOutboxIT {
  private static final Instant AT = Instant.parse("2023-04-08T16:00:00Z");

  @Test
  void theFanOutTakesEveryRowOnceInBatchesAndNeverUpdatesANoticeRow() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Jdbi jdbi = database.jdbi();
      Notices notices = new Notices(TenureClock.simulated(AT));
      jdbi.useHandle(handle -> notices.record(handle, transitions("acc_1", 5)));
      jdbi.useHandle(handle -> notices.record(handle, transitions("acc_2", 2)));
      List<String> versionsBefore = rowVersions(jdbi);

      List<Long> first = take(jdbi, notices, 3);
      List<Long> second = take(jdbi, notices, 3);
      List<Long> third = take(jdbi, notices, 3);

      assertThat(first).containsExactly(8L, 16L, 24L);
      assertThat(second).as("the rest of the first statement's rows, then the second's").containsExactly(32L, 40L, 48L);
      assertThat(third).containsExactly(56L);
      assertThat(take(jdbi, notices, 3)).isEmpty();
      assertThat(rowVersions(jdbi)).as("the notice rows' versions (ctid, xmin)").isEqualTo(versionsBefore);
    }
  }

  @Test
  void aFanOutThatRollsBackLeavesItsRowsForTheNext() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Jdbi jdbi = database.jdbi();
      Notices notices = new Notices(TenureClock.simulated(AT));
      jdbi.useHandle(handle -> notices.record(handle, transitions("acc_1", 2)));

      jdbi.useHandle(handle -> {
        handle.begin();
        assertThat(notices.claimUnsent(handle, 1)).hasSize(1);
        handle.rollback();
      });

      assertThat(take(jdbi, notices, 10)).containsExactly(8L, 16L);
    }
  }

  @Test
  void twoFanOutsAtOnceTakeDifferentRows() throws Exception {
    try (Database database = Database.connect(TestDatabases.fresh(), 4)) {
      Jdbi jdbi = database.jdbi();
      Notices notices = new Notices(TenureClock.simulated(AT));
      jdbi.useHandle(handle -> notices.record(handle, transitions("acc_1", 2)));
      jdbi.useHandle(handle -> notices.record(handle, transitions("acc_2", 2)));
      CountDownLatch firstHolds = new CountDownLatch(1);
      CountDownLatch secondDone = new CountDownLatch(1);

      CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> jdbi.inTransaction(handle -> {
        List<Long> taken = sequences(notices.claimUnsent(handle, 2));
        firstHolds.countDown();
        awaitQuietly(secondDone);
        return taken;
      }));
      if (!firstHolds.await(30, TimeUnit.SECONDS)) {
        first.join();
      }
      List<Long> second = take(jdbi, notices, 2);
      secondDone.countDown();

      assertThat(first.get()).containsExactly(8L, 16L);
      assertThat(second).as("skips the outbox row the first holds, without waiting").containsExactly(24L, 32L);
    }
  }

  @Test
  void aNoticeWhoseDedupKeyIsTakenQueuesNothing() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      Jdbi jdbi = database.jdbi();
      Notices notices = new Notices(TenureClock.simulated(AT));
      Notice shortfall = Notice.once("res_a|AUTO_RENEW_INSUFFICIENT_BALANCE|2023-04-09", "acc_1", "res_a",
          NoticeType.AUTO_RENEW_INSUFFICIENT_BALANCE, AT);
      jdbi.useHandle(handle -> notices.record(handle, List.of(shortfall)));
      jdbi.useHandle(handle -> notices.record(handle, List.of(shortfall)));

      long outboxRows = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM notice_outbox").mapTo(Long.class).one());
      assertThat(outboxRows).isEqualTo(1);
      assertThat(take(jdbi, notices, 10)).containsExactly(8L);
    }
  }

  @Test
  void rowsNotFannedOutBeforeTheOutboxAreQueuedInOrderAndTheOthersAreNot() {
    String url = TestDatabases.fresh();
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("11").load().migrate();
    Jdbi.create(url).useHandle(handle -> handle.execute("""
        INSERT INTO notices (account_id, types, due_at, created_at, fanned_out_at)
        VALUES ('acc_1', '{EXPIRED}', '2023-04-08T16:00:00Z', now(), NULL),
               ('acc_1', '{FROZEN}', '2023-04-08T16:00:00Z', now(), now()),
               ('acc_2', '{FROZEN,RELEASE_SCHEDULED}', '2023-04-08T16:00:00Z', now(), NULL)
        """));
    try (Database database = Database.connect(url, 2)) {
      Notices notices = new Notices(TenureClock.simulated(AT));
      assertThat(take(database.jdbi(), notices, 10)).containsExactly(8L, 24L);
    }
  }

  private static List<Notice> transitions(String accountId, int count) {
    return IntStream.range(0, count)
        .mapToObj(index -> Notice.ofTransition(accountId, "res_" + index, NoticeType.EXPIRED, AT, Optional.empty()))
        .toList();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the second fan-out did not finish");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** One fan-out transaction's take: the sequences of the rows it claimed. */
  private static List<Long> take(Jdbi jdbi, Notices notices, int limit) {
    return jdbi.inTransaction(handle -> sequences(notices.claimUnsent(handle, limit)));
  }

  private static List<Long> sequences(List<Notices.Unsent> rows) {
    return rows.stream().map(Notices.Unsent::sequence).toList();
  }

  private static List<String> rowVersions(Jdbi jdbi) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT sequence || ' ' || ctid || ' ' || xmin FROM notices ORDER BY sequence")
        .mapTo(String.class).list());
  }
}
