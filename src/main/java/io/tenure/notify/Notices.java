package io.tenure.notify;

import io.tenure.clock.TenureClock;
import io.tenure.lifecycle.NoticeType;
import io.tenure.money.Money;
import io.tenure.store.Columns;
import io.tenure.store.Pipelined;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * The outbox of notices: each is written in the transaction of the change that caused it and delivered from
 * here later. Consecutive notices about one subject at one instant share a row (up to {@link #PER_ROW}); a
 * notice with a dedup key has a row of its own, and writing its key twice keeps the first. Thread-safe.
 */
public final class Notices {
  /** Messages one row numbers: the row's sequence steps by this much (V4 migration). */
  static final int PER_ROW = 8;
  /**
   * Rows in list order, so that sequences follow the list; types travel as one space-separated string a row
   * (a type's name has no space). The statement also queues the rows it wrote for the fan-out: one outbox row
   * for the whole statement (migration V13), not an index entry per notice row.
   */
  private static final String INSERT = Pipelined.DEFERRABLE + """
      WITH written AS (
        INSERT INTO notices (account_id, resource_id, types, due_at, release_at, term_end, created_at, dedup_key)
        SELECT notice.account_id, notice.resource_id, string_to_array(notice.types, ' '), notice.due_at, notice.release_at,
          notice.term_end, :createdAt, notice.dedup_key
        FROM unnest(CAST(:accountIds AS text[]), CAST(:resourceIds AS text[]), CAST(:types AS text[]),
            CAST(:dueAts AS timestamptz[]), CAST(:releaseAts AS timestamptz[]), CAST(:termEnds AS timestamptz[]),
            CAST(:dedupKeys AS text[]))
          WITH ORDINALITY AS notice (account_id, resource_id, types, due_at, release_at, term_end, dedup_key, position)
        ORDER BY notice.position
        %s
        RETURNING account_id, sequence)
      INSERT INTO notice_outbox (account_ids, sequences)
      SELECT array_agg(account_id ORDER BY sequence), array_agg(sequence ORDER BY sequence) FROM written HAVING count(*) > 0
      """;
  /**
   * Only when a notice names amounts (V12) or a hold's reason (V16): the other rows leave those columns null, so the
   * engine's usual insert stays as it was.
   */
  private static final String INSERT_NAMING_MORE = Pipelined.DEFERRABLE + """
      WITH written AS (
        INSERT INTO notices (account_id, resource_id, types, due_at, release_at, term_end, created_at, dedup_key,
          amount_currency, renewal_price_minor, balance_minor, threshold_minor, hold_reason)
        SELECT notice.account_id, notice.resource_id, string_to_array(notice.types, ' '), notice.due_at, notice.release_at,
          notice.term_end, :createdAt, notice.dedup_key, notice.currency, notice.price, notice.balance, notice.threshold,
          notice.hold_reason
        FROM unnest(CAST(:accountIds AS text[]), CAST(:resourceIds AS text[]), CAST(:types AS text[]),
            CAST(:dueAts AS timestamptz[]), CAST(:releaseAts AS timestamptz[]), CAST(:termEnds AS timestamptz[]),
            CAST(:dedupKeys AS text[]), CAST(:currencies AS text[]), CAST(:prices AS bigint[]), CAST(:balances AS bigint[]),
            CAST(:thresholds AS bigint[]), CAST(:holdReasons AS text[]))
          WITH ORDINALITY AS notice (account_id, resource_id, types, due_at, release_at, term_end, dedup_key, currency, price,
            balance, threshold, hold_reason, position)
        ORDER BY notice.position
        %s
        RETURNING account_id, sequence)
      INSERT INTO notice_outbox (account_ids, sequences)
      SELECT array_agg(account_id ORDER BY sequence), array_agg(sequence ORDER BY sequence) FROM written HAVING count(*) > 0
      """;
  /** Only when a row carries a dedup key: the conflict check costs every row of the statement an extra write. */
  private static final String KEEP_FIRST = "ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING";

  private final TenureClock clock;

  public Notices(TenureClock clock) {
    this.clock = clock;
  }

  /** Writes {@code notices} in one statement on the caller's handle. */
  public void record(Handle handle, List<Notice> notices) {
    if (notices.isEmpty()) {
      return;
    }
    List<List<Notice>> rows = rows(notices);
    boolean deduplicated = notices.stream().anyMatch(notice -> notice.dedupKey().isPresent());
    boolean namingMore = notices.stream().anyMatch(Notice::namesMore);
    String sql = namingMore ? INSERT_NAMING_MORE : INSERT;
    Update insert = handle.createUpdate(sql.formatted(deduplicated ? KEEP_FIRST : ""));
    if (namingMore) {
      bindMore(insert, rows);
    }
    Columns.text(insert, "accountIds", rows, row -> row.getFirst().accountId());
    Columns.text(insert, "resourceIds", rows, row -> row.getFirst().resourceId().orElse(null));
    Columns.text(insert, "types", rows, row -> String.join(" ", row.stream().map(notice -> notice.type().name()).toList()));
    Columns.instants(insert, "dueAts", rows, row -> row.getFirst().dueAt());
    Columns.instants(insert, "releaseAts", rows, row -> row.getFirst().releaseAt().orElse(null));
    Columns.instants(insert, "termEnds", rows, row -> row.getFirst().termEnd().orElse(null));
    Columns.text(insert, "dedupKeys", rows, row -> row.getFirst().dedupKey().orElse(null));
    insert.bind("createdAt", clock.now()).execute();
  }

  private static void bindMore(Update insert, List<List<Notice>> rows) {
    Columns.text(insert, "holdReasons", rows, row -> row.getFirst().holdReason().orElse(null));
    Columns.text(insert, "currencies", rows, row -> row.getFirst().amounts().currency().orElse(null));
    Columns.text(insert, "prices", rows, row -> minor(row.getFirst().amounts().renewalPrice()));
    Columns.text(insert, "balances", rows, row -> minor(row.getFirst().amounts().balance()));
    Columns.text(insert, "thresholds", rows, row -> minor(row.getFirst().amounts().threshold()));
  }

  private static String minor(Optional<Money> amount) {
    return amount.map(money -> Long.toString(money.minor())).orElse(null);
  }

  /** The amounts of the notices row read into {@code row} (its V12 columns); none when it names none. */
  static NoticeAmounts amounts(ResultSet row) throws SQLException {
    String currency = row.getString("amount_currency");
    if (currency == null) {
      return NoticeAmounts.NONE;
    }
    Currency unit = Currency.getInstance(currency.strip());
    return new NoticeAmounts(money(row, "renewal_price_minor", unit), money(row, "balance_minor", unit),
        money(row, "threshold_minor", unit));
  }

  private static Optional<Money> money(ResultSet row, String column, Currency currency) throws SQLException {
    long minor = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(new Money(minor, currency));
  }

  /** The hold reason of the notices row read into {@code row} (its V16 column); empty for a notice about no hold. */
  static Optional<String> holdReason(ResultSet row) throws SQLException {
    return Optional.ofNullable(row.getString("hold_reason"));
  }

  /**
   * A notice row not yet fanned out into deliveries: its messages in position order (message i is numbered
   * {@code sequence + i}), with the plan of its resource as the inbox reads it, the amounts and the hold reason it names.
   */
  public record Unsent(String accountId, long sequence, List<NoticeType> types, Optional<String> resourceId, Instant dueAt,
      Optional<Instant> releaseAt, Optional<Instant> termEnd, Optional<String> planCode, int catalogVersion,
      NoticeAmounts amounts, Optional<String> holdReason) {}

  /**
   * Takes up to {@code limit} notice rows out of the fan-out's outbox, oldest outbox rows first, skipping outbox rows
   * another fan-out holds, so that several nodes share the work. The caller fans them out in the same transaction:
   * its commit removes them from the outbox for good, its rollback puts them back. The notice rows themselves are
   * only read, never marked.
   */
  public List<Unsent> claimUnsent(Handle handle, int limit) {
    List<NoticeKey> taken = NoticeOutbox.take(handle, limit);
    if (taken.isEmpty()) {
      return List.of();
    }
    Query query = handle.createQuery("""
        SELECT n.account_id, n.sequence, array_to_string(n.types, ' ') AS types, n.resource_id, n.due_at, n.release_at,
          n.term_end, r.plan_code, r.catalog_version, n.amount_currency, n.renewal_price_minor, n.balance_minor,
          n.threshold_minor, n.hold_reason
        FROM unnest(CAST(:accountIds AS text[]), CAST(:sequences AS bigint[])) AS taken (account_id, sequence)
          JOIN notices n ON n.account_id = taken.account_id AND n.sequence = taken.sequence
          LEFT JOIN resources r ON r.id = n.resource_id
        ORDER BY n.sequence
        """);
    Columns.text(query, "accountIds", taken, NoticeKey::accountId);
    Columns.text(query, "sequences", taken, key -> Long.toString(key.sequence()));
    return query
        .map((row, context) -> new Unsent(row.getString("account_id"), row.getLong("sequence"),
            Arrays.stream(row.getString("types").split(" ")).map(NoticeType::valueOf).toList(),
            Optional.ofNullable(row.getString("resource_id")), row.getTimestamp("due_at").toInstant(),
            Optional.ofNullable(row.getTimestamp("release_at")).map(Timestamp::toInstant),
            Optional.ofNullable(row.getTimestamp("term_end")).map(Timestamp::toInstant),
            Optional.ofNullable(row.getString("plan_code")), row.getInt("catalog_version"), amounts(row),
            holdReason(row)))
        .list();
  }

  /** Groups consecutive notices that share a row, at most {@link #PER_ROW} to a row. */
  static List<List<Notice>> rows(List<Notice> notices) {
    List<List<Notice>> rows = new ArrayList<>();
    List<Notice> row = new ArrayList<>();
    for (Notice notice : notices) {
      if (!row.isEmpty() && (row.size() == PER_ROW || !row.getFirst().sharesRowWith(notice))) {
        rows.add(row);
        row = new ArrayList<>();
      }
      row.add(notice);
    }
    rows.add(row);
    return rows;
  }
}
