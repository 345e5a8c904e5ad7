package io.tenure.clock;

import io.tenure.store.TransientFailures;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps the simulated clock's instant in the database, so that a restarted simulation resumes where it
 * stopped instead of travelling back to {@code --start} while its data lives in the future, and so that
 * every Tenure on one database shows the same simulated time; and the target of the advance in progress, so
 * that a start after a crash knows an advance was cut short. The saved instant only ever moves forward.
 * Each read and write is one idempotent statement, so one whose connection was lost is simply sent again: an advance
 * or a call does not fail for a connection ended between statements. Thread-safe.
 */
public final class ClockStore {
  private static final int ATTEMPTS_MAX = 10;
  private final Jdbi jdbi;

  /** What a previous run left: its clock's instant, and the target of an advance it did not finish. */
  public record Saved(Instant now, Optional<Instant> advancingTo) {}

  public ClockStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<Saved> load() {
    return retrying(handle -> handle.createQuery("SELECT simulated_now, advancing_to FROM clock_state WHERE id = 1")
        .map((row, context) -> new Saved(row.getTimestamp("simulated_now").toInstant(),
            Optional.ofNullable(row.getTimestamp("advancing_to")).map(java.sql.Timestamp::toInstant)))
        .findOne());
  }

  /**
   * Saves {@code now} (unless a later instant is saved already) and ends the record of an advance in progress
   * if the clock has reached its target: an advance that another node still drives further stays recorded.
   */
  public void save(Instant now) {
    retrying(handle -> handle.createUpdate("""
            INSERT INTO clock_state (id, simulated_now) VALUES (1, :now)
            ON CONFLICT (id) DO UPDATE SET simulated_now = GREATEST(clock_state.simulated_now, EXCLUDED.simulated_now),
                advancing_to = CASE WHEN clock_state.advancing_to > GREATEST(clock_state.simulated_now, EXCLUDED.simulated_now)
                                    THEN clock_state.advancing_to END
            """).bind("now", now).execute());
  }

  /**
   * Saves {@code now} after a failed advance and records that no advance is in progress, whatever its target:
   * what is still due is processed by the next advance.
   */
  public void abandonAdvance(Instant now) {
    retrying(handle -> handle.createUpdate("""
            INSERT INTO clock_state (id, simulated_now) VALUES (1, :now)
            ON CONFLICT (id) DO UPDATE SET simulated_now = GREATEST(clock_state.simulated_now, EXCLUDED.simulated_now),
                                           advancing_to = NULL
            """).bind("now", now).execute());
  }

  /**
   * Publishes {@code target} as the clock's instant and records an advance to it in progress, before any of its
   * work is processed: every node on the database then serves at the target and helps with the work, and a start
   * after a crash finishes it. {@link #save} at the target ends the record.
   */
  public void beginAdvance(Instant target) {
    retrying(handle -> handle.createUpdate("""
            INSERT INTO clock_state (id, simulated_now, advancing_to) VALUES (1, :target, :target)
            ON CONFLICT (id) DO UPDATE SET simulated_now = GREATEST(clock_state.simulated_now, EXCLUDED.simulated_now),
                advancing_to = GREATEST(clock_state.advancing_to, EXCLUDED.advancing_to)
            """).bind("target", target).execute());
  }

  private <T> T retrying(HandleCallback<T, RuntimeException> statement) {
    return TransientFailures.retrying(ATTEMPTS_MAX, "clock - a read or write of the clock", () -> jdbi.withHandle(statement));
  }
}
