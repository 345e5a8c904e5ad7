package io.tenure.notify;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The fan-out's queue (table {@code notice_outbox}, migration V13): each statement that writes notice rows adds one
 * outbox row naming them, in sequence order, and the fan-out takes entries off the front. Stateless.
 */
final class NoticeOutbox {
  private NoticeOutbox() {}

  /** One outbox row as locked: its first entries (as many as the batch still wants), and how many it has in all. */
  private record Claimed(long id, List<NoticeKey> front, int size) {}

  /**
   * Removes up to {@code limit} entries from the oldest outbox rows not locked by another transaction and answers
   * them, in outbox order. The outbox rows stay locked until the caller's transaction ends: a commit takes the
   * entries for good, a rollback puts them back. An outbox row taken in part keeps the rest of its entries. Rows are
   * locked one at a time, only as many as the batch needs: one engine statement's row usually fills a batch, and
   * the rows behind it stay free for another fan-out.
   */
  static List<NoticeKey> take(Handle handle, int limit) {
    List<NoticeKey> taken = new ArrayList<>();
    List<Long> emptied = new ArrayList<>();
    long after = 0;
    while (taken.size() < limit) {
      int wanted = limit - taken.size();
      Optional<Claimed> next = next(handle, after, wanted);
      if (next.isEmpty()) {
        break;
      }
      Claimed outboxRow = next.get();
      taken.addAll(outboxRow.front());
      if (outboxRow.size() <= wanted) {
        emptied.add(outboxRow.id());
      } else {
        keepRest(handle, outboxRow.id(), wanted);
      }
      after = outboxRow.id();
    }
    if (!emptied.isEmpty()) {
      handle.createUpdate("DELETE FROM notice_outbox WHERE id = ANY(CAST(:ids AS bigint[]))")
          .bind("ids", emptied.toArray(Long[]::new))
          .execute();
    }
    return taken;
  }

  /** Locks the oldest outbox row after {@code after} that no other transaction holds, reading its first entries. */
  private static Optional<Claimed> next(Handle handle, long after, int wanted) {
    return handle.createQuery("""
            SELECT id, account_ids[1 : :wanted] AS account_ids, sequences[1 : :wanted] AS sequences,
              cardinality(sequences) AS size
            FROM notice_outbox WHERE id > :after ORDER BY id LIMIT 1
            FOR UPDATE SKIP LOCKED
            """)
        .bind("after", after).bind("wanted", wanted)
        .map((row, context) -> new Claimed(row.getLong("id"), keys(row.getArray("account_ids"), row.getArray("sequences")),
            row.getInt("size")))
        .findOne();
  }

  /** Drops the first {@code count} entries of outbox row {@code id}. */
  private static void keepRest(Handle handle, long id, int count) {
    handle.createUpdate("""
            UPDATE notice_outbox SET account_ids = account_ids[CAST(:from AS integer):], sequences = sequences[CAST(:from AS integer):]
            WHERE id = :id
            """)
        .bind("id", id).bind("from", count + 1)
        .execute();
  }

  private static List<NoticeKey> keys(Array accountIds, Array sequences) throws SQLException {
    String[] accounts = (String[]) accountIds.getArray();
    Long[] numbers = (Long[]) sequences.getArray();
    List<NoticeKey> keys = new ArrayList<>(accounts.length);
    for (int index = 0; index < accounts.length; index++) {
      keys.add(new NoticeKey(accounts[index], numbers[index]));
    }
    return keys;
  }
}
