package io.tenure.notify;

import io.tenure.clock.TenureClock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import io.tenure.store.Columns;
import org.jdbi.v3.core.statement.Update;

/**
 * The outbox of notices: each is written in the transaction of the change that caused it and delivered from
 * here later. Writing the same dedup key twice keeps the first. Thread-safe.
 */
public final class Notices {
  /**
   * One statement for the whole list, rows in list order (so that of two notices with one dedup key the
   * first is kept, and sequences follow the list).
   */
  private static final String INSERT = """
      INSERT INTO notices (dedup_key, account_id, resource_id, type, due_at, release_at, created_at)
      SELECT notice.dedup_key, notice.account_id, notice.resource_id, notice.type, notice.due_at, notice.release_at, :createdAt
      FROM unnest(CAST(:dedupKeys AS text[]), CAST(:accountIds AS text[]), CAST(:resourceIds AS text[]), CAST(:types AS text[]),
          CAST(:dueAts AS timestamptz[]), CAST(:releaseAts AS timestamptz[]))
        WITH ORDINALITY AS notice (dedup_key, account_id, resource_id, type, due_at, release_at, position)
      ORDER BY notice.position
      ON CONFLICT (dedup_key) DO NOTHING
      """;

  private final TenureClock clock;

  public Notices(TenureClock clock) {
    this.clock = clock;
  }

  /** Writes {@code notices} in one statement on the caller's handle. */
  public void record(Handle handle, List<Notice> notices) {
    if (notices.isEmpty()) {
      return;
    }
    Update insert = handle.createUpdate(INSERT);
    Columns.text(insert, "dedupKeys", notices, Notice::dedupKey);
    Columns.text(insert, "accountIds", notices, Notice::accountId);
    Columns.text(insert, "resourceIds", notices, notice -> notice.resourceId().orElse(null));
    Columns.text(insert, "types", notices, Notice::type);
    Columns.instants(insert, "dueAts", notices, Notice::dueAt);
    Columns.instants(insert, "releaseAts", notices, notice -> notice.releaseAt().orElse(null));
    insert.bind("createdAt", clock.now()).execute();
  }

  /** A resource's notices, oldest first: type, due instant and release instant. */
  public List<Notice> forResource(Handle handle, String resourceId) {
    return handle.createQuery("SELECT * FROM notices WHERE resource_id = :id ORDER BY due_at, sequence").bind("id", resourceId)
        .map((row, context) -> new Notice(row.getString("dedup_key"), row.getString("account_id"),
            Optional.ofNullable(row.getString("resource_id")), row.getString("type"), row.getTimestamp("due_at").toInstant(),
            Optional.ofNullable(row.getTimestamp("release_at")).map(java.sql.Timestamp::toInstant)))
        .list();
  }
}
