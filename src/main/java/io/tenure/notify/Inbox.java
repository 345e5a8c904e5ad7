package io.tenure.notify;

import io.tenure.lifecycle.NoticeType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The account's in-app inbox over the notices rows: its messages, one read at a time, and how many are unread.
 * Message i (from 0) of a row is numbered {@code sequence + i} and is read when bit i of the row's
 * {@code read_mask} is set (migration V11). Stateless.
 */
public final class Inbox {
  /** Rows with an unread message: the predicate of the partial index notices_unread, written the same way so it is used. */
  private static final String ROW_UNREAD = "n.read_mask <> (1 << cardinality(n.types)) - 1";
  private static final String MESSAGES = """
      SELECT n.sequence + message.position - 1 AS message_sequence, message.type, n.resource_id, n.due_at, n.release_at,
        n.term_end, r.plan_code, r.catalog_version, n.amount_currency, n.renewal_price_minor, n.balance_minor, n.threshold_minor,
        n.hold_reason,
        n.read_mask & (1 << CAST(message.position - 1 AS integer)) <> 0 AS read
      FROM notices n CROSS JOIN LATERAL unnest(n.types) WITH ORDINALITY AS message (type, position)
        LEFT JOIN resources r ON r.id = n.resource_id
      WHERE n.account_id = :id
      """;
  /** Visible to the tests, which check that it reads the partial index. */
  static final String UNREAD_COUNT = """
      SELECT count(*) FROM notices n CROSS JOIN LATERAL generate_series(0, cardinality(n.types) - 1) AS position
      WHERE n.account_id = :id AND n.read_mask & (1 << position) = 0 AND\s""" + ROW_UNREAD;
  /** The row that carries message {@code :message}: at most 7 below it, and with at least that many types. */
  private static final String ROW_OF_MESSAGE = """
      n.account_id = :id AND n.sequence BETWEEN CAST(:message AS bigint) - 7 AND :message
        AND :message - n.sequence < cardinality(n.types)
      """;

  private Inbox() {}

  /**
   * One message of the inbox: a notice, numbered {@code sequence}, with the plan of its resource (code and the
   * catalog version of its current term) when it is about one, the amounts and the hold reason it names, and whether
   * it was read.
   */
  public record Message(long sequence, NoticeType type, Optional<String> resourceId, Instant dueAt, Optional<Instant> releaseAt,
      Optional<Instant> termEnd, Optional<String> planCode, int catalogVersion, NoticeAmounts amounts, Optional<String> holdReason,
      boolean read) {}

  /**
   * The account's messages newest first, at most {@code limit}, numbered below {@code before} if given, only the
   * unread ones if {@code unreadOnly}. Newest first is by row, then by position in the row.
   */
  public static List<Message> messages(Handle handle, String accountId, Optional<Long> before, boolean unreadOnly, int limit) {
    String unread = unreadOnly ? " AND " + ROW_UNREAD + " AND n.read_mask & (1 << CAST(message.position - 1 AS integer)) = 0" : "";
    return handle.createQuery(MESSAGES + unread + """
             AND (CAST(:before AS bigint) IS NULL OR (n.sequence < :before AND n.sequence + message.position - 1 < :before))
            ORDER BY n.sequence DESC, message.position DESC LIMIT :limit
            """)
        .bind("id", accountId).bind("before", before.orElse(null)).bind("limit", limit)
        .map((row, context) -> message(row))
        .list();
  }

  /** Message {@code sequence} of the account, if it has one so numbered. */
  public static Optional<Message> message(Handle handle, String accountId, long sequence) {
    return handle.createQuery(MESSAGES + " AND n.sequence + message.position - 1 = :message AND " + ROW_OF_MESSAGE)
        .bind("id", accountId).bind("message", sequence)
        .map((row, context) -> message(row))
        .findOne();
  }

  /**
   * Marks message {@code sequence} of the account read; reading it again changes nothing. False when the account
   * has no message so numbered. Setting a bit in place is safe beside a concurrent read of another message of the
   * same row: the update locks the row.
   */
  public static boolean markRead(Handle handle, String accountId, long sequence) {
    String bit = "(1 << CAST(:message - n.sequence AS integer))";
    return handle.createUpdate("UPDATE notices n SET read_mask = n.read_mask | CAST(" + bit + " AS smallint) WHERE "
            + ROW_OF_MESSAGE + " AND n.read_mask & " + bit + " = 0")
        .bind("id", accountId).bind("message", sequence)
        .execute() > 0 || message(handle, accountId, sequence).isPresent();
  }

  /** How many of the account's messages are unread; reads only the rows with one (the partial index). */
  public static long unread(Handle handle, String accountId) {
    return handle.createQuery(UNREAD_COUNT)
        .bind("id", accountId)
        .mapTo(Long.class)
        .one();
  }

  private static Message message(ResultSet row) throws SQLException {
    return new Message(row.getLong("message_sequence"), NoticeType.valueOf(row.getString("type")),
        Optional.ofNullable(row.getString("resource_id")), row.getTimestamp("due_at").toInstant(),
        Optional.ofNullable(row.getTimestamp("release_at")).map(Timestamp::toInstant),
        Optional.ofNullable(row.getTimestamp("term_end")).map(Timestamp::toInstant),
        Optional.ofNullable(row.getString("plan_code")), row.getInt("catalog_version"), Notices.amounts(row), Notices.holdReason(row),
        row.getBoolean("read"));
  }
}
