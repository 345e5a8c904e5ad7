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
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The inbox's read state in the database: a message is found by its number whether its row holds one message (the
 * numbers of rows from before V4) or several, the count reads the partial index, and two messages of one row
 * read at once both stay read.
 */
class InboxIT {
  private static final Instant AT = Instant.parse("2023-04-08T16:00:00Z");

  @Test
  void messagesOfOldOneMessageRowsAndOfGroupedRowsAreReadOneByOne() {
    String url = TestDatabases.fresh();
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("3").load().migrate();
    Jdbi.create(url).useHandle(handle -> handle.execute("""
        INSERT INTO notices (dedup_key, account_id, resource_id, type, due_at, created_at)
        VALUES ('res_a|EXPIRED', 'acc_1', 'res_a', 'EXPIRED', '2023-04-08T16:00:00Z', now()),
               ('res_a|FROZEN', 'acc_1', 'res_a', 'FROZEN', '2023-04-08T16:00:00Z', now()),
               ('res_b|FROZEN', 'acc_2', 'res_b', 'FROZEN', '2023-04-08T16:00:00Z', now())
        """));
    try (Database database = Database.connect(url, 2)) {
      Jdbi jdbi = database.jdbi();
      jdbi.useHandle(handle -> new Notices(TenureClock.simulated(AT)).record(handle, List.of(
          Notice.ofTransition("acc_1", "res_c", NoticeType.EXPIRED, AT, Optional.empty()),
          Notice.ofTransition("acc_1", "res_c", NoticeType.FROZEN, AT, Optional.empty()))));
      assertThat(unreadSequences(jdbi, "acc_1")).containsExactly(9L, 8L, 2L, 1L);

      assertThat(markRead(jdbi, "acc_1", 2)).isTrue();
      assertThat(markRead(jdbi, "acc_1", 9)).isTrue();
      assertThat(markRead(jdbi, "acc_1", 9)).as("again").isTrue();
      assertThat(markRead(jdbi, "acc_1", 3)).as("acc_2's message").isFalse();
      assertThat(markRead(jdbi, "acc_1", 10)).as("no such message").isFalse();

      assertThat(unreadSequences(jdbi, "acc_1")).containsExactly(8L, 1L);
      assertThat(unread(jdbi, "acc_1")).isEqualTo(2);
      assertThat(unread(jdbi, "acc_2")).isEqualTo(1);
    }
  }

  @Test
  void theCountReadsOnlyTheRowsWithAnUnreadMessage() {
    try (Database database = Database.connect(TestDatabases.fresh(), 2)) {
      String plan = database.jdbi().withHandle(handle -> {
        // The table is empty here, where a sequential scan is cheapest: switched off, the planner shows what it would use.
        handle.execute("SET enable_seqscan = off");
        return handle.createQuery("EXPLAIN " + Inbox.UNREAD_COUNT).bind("id", "acc_1").mapTo(String.class).list().toString();
      });
      assertThat(plan).contains("notices_unread");
    }
  }

  @Test
  void twoMessagesOfOneRowReadAtOnceBothStayRead() throws Exception {
    try (Database database = Database.connect(TestDatabases.fresh(), 4)) {
      Jdbi jdbi = database.jdbi();
      jdbi.useHandle(handle -> new Notices(TenureClock.simulated(AT)).record(handle, List.of(
          Notice.ofTransition("acc_1", "res_c", NoticeType.EXPIRED, AT, Optional.empty()),
          Notice.ofTransition("acc_1", "res_c", NoticeType.FROZEN, AT, Optional.empty()))));
      long first = unreadSequences(jdbi, "acc_1").getLast();

      CompletableFuture<Boolean> second;
      try (Handle holding = jdbi.open()) {
        holding.begin();
        assertThat(Inbox.markRead(holding, "acc_1", first)).isTrue();
        // Waits for the row the open transaction holds, then sets its own bit on the row as committed.
        second = CompletableFuture.supplyAsync(() -> markRead(jdbi, "acc_1", first + 1));
        Thread.sleep(300);
        holding.commit();
      }
      assertThat(second.get()).isTrue();
      assertThat(unreadSequences(jdbi, "acc_1")).isEmpty();
      assertThat(unread(jdbi, "acc_1")).isZero();
    }
  }

  private static boolean markRead(Jdbi jdbi, String accountId, long sequence) {
    return jdbi.withHandle(handle -> Inbox.markRead(handle, accountId, sequence));
  }

  private static long unread(Jdbi jdbi, String accountId) {
    return jdbi.withHandle(handle -> Inbox.unread(handle, accountId));
  }

  private static List<Long> unreadSequences(Jdbi jdbi, String accountId) {
    return jdbi.withHandle(handle -> Inbox.messages(handle, accountId, Optional.empty(), true, 100).stream()
        .map(Inbox.Message::sequence).toList());
  }
}
