package io.tenure.subscription;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every version of the notice routing, kept in the database as its source text and here once parsed. Each start
 * declares the routing in force (the operator's file, else the one shipped): it is stored as the next version
 * when its text differs from the newest stored, so that the table is the history of what applied when. Every
 * Tenure on the database uses the newest version. Thread-safe.
 */
public final class NoticeRoutings {
  private static final Logger LOG = LoggerFactory.getLogger(NoticeRoutings.class);
  private final Jdbi jdbi;
  private final ConcurrentHashMap<Integer, NoticeRouting> versions = new ConcurrentHashMap<>();

  private NoticeRoutings(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Validates {@code source} (an {@code INVALID_NOTICE_ROUTING} stops the start before anything is stored) and
   * makes it the newest version unless it already is.
   */
  public static NoticeRoutings load(Jdbi jdbi, String source, String sourceName, Instant now) {
    NoticeRouting parsed = NoticeRoutingFile.parse(source, sourceName);
    NoticeRoutings routings = new NoticeRoutings(jdbi);
    NoticeRouting stored = jdbi.inTransaction(handle -> {
      // Two Tenures starting at once must not both take the next number.
      handle.execute("LOCK TABLE notice_routing_versions IN SHARE ROW EXCLUSIVE MODE");
      Optional<Newest> newest = newest(handle);
      if (newest.isPresent() && newest.get().source().equals(source)) {
        return parsed.withVersion(newest.get().version());
      }
      int version = newest.map(Newest::version).orElse(0) + 1;
      handle.createUpdate("INSERT INTO notice_routing_versions (version, source, loaded_at) VALUES (:version, :source, :now)")
          .bind("version", version).bind("source", source).bind("now", now).execute();
      LOG.info("notices - routing version {} loaded from {}", version, sourceName);
      return parsed.withVersion(version);
    });
    routings.versions.put(stored.version(), stored);
    return routings;
  }

  /** The newest version, as the database has it in {@code handle}'s transaction. */
  public NoticeRouting current(Handle handle) {
    int version = handle.createQuery("SELECT MAX(version) FROM notice_routing_versions").mapTo(Integer.class).one();
    return versions.computeIfAbsent(version, number -> {
      String source = handle.createQuery("SELECT source FROM notice_routing_versions WHERE version = :version")
          .bind("version", number).mapTo(String.class).one();
      return NoticeRoutingFile.parse(source, "notice routing version " + number).withVersion(number);
    });
  }

  /** The newest version. */
  public NoticeRouting current() {
    return jdbi.withHandle(this::current);
  }

  private record Newest(int version, String source) {}

  private static Optional<Newest> newest(Handle handle) {
    return handle.createQuery("SELECT version, source FROM notice_routing_versions ORDER BY version DESC LIMIT 1")
        .map((row, context) -> new Newest(row.getInt("version"), row.getString("source"))).findOne();
  }
}
