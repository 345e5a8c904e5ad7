package io.tenure.notify;

import io.tenure.clock.TenureClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The outbox of notices: each is written in the transaction of the change that caused it and delivered from
 * here later. Writing the same dedup key twice keeps the first. Thread-safe.
 */
public final class Notices {
  private static final String INSERT = """
      INSERT INTO notices (dedup_key, account_id, resource_id, type, due_at, release_at, created_at)
      VALUES (:dedupKey, :accountId, :resourceId, :type, :dueAt, :releaseAt, :createdAt) ON CONFLICT (dedup_key) DO NOTHING
      """;

  private final TenureClock clock;

  public Notices(TenureClock clock) {
    this.clock = clock;
  }

  /** Writes {@code notices} in one batch on the caller's handle. */
  public void record(Handle handle, List<Notice> notices) {
    if (notices.isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(INSERT);
    Instant now = clock.now();
    for (Notice notice : notices) {
      batch.bind("dedupKey", notice.dedupKey()).bind("accountId", notice.accountId())
          .bind("resourceId", notice.resourceId().orElse(null)).bind("type", notice.type()).bind("dueAt", notice.dueAt())
          .bind("releaseAt", notice.releaseAt().orElse(null)).bind("createdAt", now).add();
    }
    batch.execute();
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
