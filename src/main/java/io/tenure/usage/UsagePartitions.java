package io.tenure.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps one partition of {@code usage_events} per UTC day: every day an event may be accepted for now (35 days
 * back to 5 minutes ahead) exists before a batch is written, and a day more than {@value #RETENTION_DAYS} days
 * old is dropped whole. Checked at most once per Tenure day on each process; several processes on one database
 * take turns under an advisory lock. Thread-safe.
 */
final class UsagePartitions {
  /** Days after which a day's partition is dropped: the 35 days of acceptance plus 2 days' margin. */
  static final int RETENTION_DAYS = 37;
  private static final int ACCEPTANCE_DAYS = 35;
  /** Arbitrary, only unique among Tenure's advisory locks. */
  private static final long LOCK_KEY = 0x7573616765L;
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final Jdbi jdbi;
  private volatile LocalDate preparedFor;

  UsagePartitions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Makes sure the partitions of every day an event may be accepted for at {@code now} exist. */
  void prepare(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    // Tomorrow is included so that an event up to 5 minutes ahead at midnight has its partition.
    if (today.equals(preparedFor)) {
      return;
    }
    jdbi.useTransaction(handle -> {
      handle.createQuery("SELECT pg_advisory_xact_lock(:key)::text").bind("key", LOCK_KEY).mapTo(String.class).one();
      List<String> existing = handle.createQuery("""
              SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
              WHERE i.inhparent = 'usage_events'::regclass""")
          .mapTo(String.class).list();
      for (LocalDate day = today.minusDays(ACCEPTANCE_DAYS + 1); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
        if (!existing.contains(name(day))) {
          handle.execute("CREATE TABLE " + name(day) + " PARTITION OF usage_events FOR VALUES FROM ('" + day + "') TO ('"
              + day.plusDays(1) + "')");
        }
      }
      LocalDate oldestKept = today.minusDays(RETENTION_DAYS);
      for (String partition : existing) {
        if (LocalDate.parse(partition.substring("usage_events_".length()), NAME).isBefore(oldestKept)) {
          handle.execute("DROP TABLE " + partition);
        }
      }
    });
    preparedFor = today;
  }

  static String name(LocalDate day) {
    return "usage_events_" + NAME.format(day);
  }
}
