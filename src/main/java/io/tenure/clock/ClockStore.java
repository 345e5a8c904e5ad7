package io.tenure.clock;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps the simulated clock's instant in the database, so that a restarted simulation resumes where it
 * stopped instead of travelling back to {@code --start} while its data lives in the future.
 */
public final class ClockStore {
  private final Jdbi jdbi;

  public ClockStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<Instant> load() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT simulated_now FROM clock_state WHERE id = 1")
        .mapTo(Instant.class).findOne());
  }

  public void save(Instant now) {
    jdbi.useHandle(handle -> handle.createUpdate("""
            INSERT INTO clock_state (id, simulated_now) VALUES (1, :now)
            ON CONFLICT (id) DO UPDATE SET simulated_now = GREATEST(clock_state.simulated_now, EXCLUDED.simulated_now)
            """).bind("now", now).execute());
  }
}
