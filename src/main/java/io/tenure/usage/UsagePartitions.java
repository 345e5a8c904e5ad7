package io.tenure.usage;

import io.tenure.clock.DueWork;
import io.tenure.clock.Pace;
import io.tenure.store.TransientFailures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one partition of {@code usage_events} per UTC day: every day an event may be accepted for now (35 days
 * back to 5 minutes ahead) exists before a batch is written, and a day more than {@value #RETENTION_DAYS} days
 * old is dropped whole once none of its events waits for settlement. Due work of the clock as well as a step of
 * every batch, so that old days go while no usage arrives too; checked at most once per Tenure day on each
 * process, after the engine's work of that tick. Several processes on one database take turns under an advisory
 * lock. Thread-safe.
 */
public final class UsagePartitions implements DueWork {
  private static final Logger LOG = LoggerFactory.getLogger(UsagePartitions.class);
  /** Days after which a day's partition is dropped: the 35 days of acceptance plus 2 days' margin. */
  static final int RETENTION_DAYS = 37;
  private static final int ACCEPTANCE_DAYS = 35;
  /** Tries of each step when its connection is lost or ended. */
  private static final int ATTEMPTS = 10;
  /** Arbitrary, only unique among Tenure's advisory locks. */
  private static final long LOCK_KEY = 0x7573616765L;
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final Jdbi jdbi;
  private volatile LocalDate preparedFor;

  public UsagePartitions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The start of the next UTC day this process has not kept the partitions for (at once when none yet). */
  @Override
  public Optional<Instant> earliestDue() {
    LocalDate prepared = preparedFor;
    return Optional.of(prepared == null ? Instant.EPOCH : prepared.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Override
  public int processDue(Instant now, Pace pace) {
    return prepare(now) ? 1 : 0;
  }

  /**
   * Makes sure the partitions of every day an event may be accepted for at {@code now} exist and drops the days
   * past retention; false when that was done for this day already. Each partition is created or dropped in a short
   * transaction of its own, retried when its connection is lost, so that a retry goes on from where the last one
   * stopped: the whole window at once is a long run of DDL that a connection ended every few dozen milliseconds
   * never lets finish (ProcessClusterIT).
   */
  boolean prepare(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (today.equals(preparedFor)) {
      return false;
    }
    List<String> existing = TransientFailures.retrying(ATTEMPTS, "usage - reading the partitions", () -> jdbi.withHandle(handle ->
        handle.createQuery("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'usage_events'::regclass""")
            .mapTo(String.class).list()));
    // Tomorrow is included so that an event up to 5 minutes ahead at midnight has its partition.
    for (LocalDate day = today.minusDays(ACCEPTANCE_DAYS + 1); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
      if (!existing.contains(name(day))) {
        String create = "CREATE TABLE IF NOT EXISTS " + name(day) + " PARTITION OF usage_events FOR VALUES FROM ('" + day
            + "') TO ('" + day.plusDays(1) + "')";
        inTurn("creating " + name(day), handle -> handle.execute(create));
      }
    }
    LocalDate oldestKept = today.minusDays(RETENTION_DAYS);
    for (String partition : existing) {
      if (LocalDate.parse(partition.substring("usage_events_".length()), NAME).isBefore(oldestKept)) {
        inTurn("retention of " + partition, handle -> dropUnlessUnsettled(handle, partition));
      }
    }
    preparedFor = today;
    return true;
  }

  /** {@code work} in a transaction of its own, under the advisory lock that gives several processes turns. */
  private void inTurn(String what, Consumer<Handle> work) {
    TransientFailures.retrying(ATTEMPTS, "usage - " + what, () -> {
      jdbi.useTransaction(handle -> {
        handle.createQuery("SELECT pg_advisory_xact_lock(:key)::text").bind("key", LOCK_KEY).mapTo(String.class).one();
        work.accept(handle);
      });
      return null;
    });
  }

  /**
   * Drops a day past retention unless an account's settlement has yet to bill some of its events (an account
   * whose due work another process holds, or an advance still on its way): no event is accepted for such a day
   * any more, so once none waits, none will. A day kept so is looked at again the next day. Another process may
   * have dropped it first.
   */
  private static void dropUnlessUnsettled(Handle handle, String partition) {
    if (handle.createQuery("SELECT to_regclass(:name) IS NULL").bind("name", partition).mapTo(Boolean.class).one()) {
      return;
    }
    boolean waiting = handle.createQuery("SELECT EXISTS (SELECT 1 FROM " + partition + " WHERE settled_at IS NULL)")
        .mapTo(Boolean.class).one();
    if (waiting) {
      LOG.warn("usage - {} is past retention but holds events not settled yet; kept until they are", partition);
      return;
    }
    handle.execute("DROP TABLE " + partition);
  }

  static String name(LocalDate day) {
    return "usage_events_" + NAME.format(day);
  }
}
