package io.tenure.api;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets the keyed calls (every one of them reads or writes the database) run at most N at a time, in the order
 * they arrived. Without it every request thread competes for the pool's connections and the cores at once, and
 * the pool hands a returned connection to whichever thread asks first, often the one that just returned it: a few
 * calls then wait many turns (a p99 several times the median). A call holds one permit for its whole run and
 * never asks for a second, so permits cannot deadlock. Thread-safe.
 */
public final class Admission {
  private static final Admission UNLIMITED = new Admission(null, Duration.ZERO);

  private final Semaphore permits;
  private final long waitNanos;

  private Admission(Semaphore permits, Duration wait) {
    this.permits = permits;
    this.waitNanos = wait.toNanos();
  }

  /** Every call runs at once (as a server without a database pool of its own, in tests). */
  public static Admission unlimited() {
    return UNLIMITED;
  }

  /**
   * At most {@code concurrent} calls at a time, each waiting its turn {@code wait} at most: as long as the pool
   * waits for a connection, after which the call fails as one that found no connection free.
   */
  public static Admission fair(int concurrent, Duration wait) {
    return new Admission(new Semaphore(concurrent, true), wait);
  }

  /** Runs {@code call} in its turn. */
  public void run(Call call) throws Exception {
    if (permits == null) {
      call.run();
      return;
    }
    if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
      throw new SQLTransientConnectionException("No turn to use the database came within "
          + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms.");
    }
    try {
      call.run();
    } finally {
      permits.release();
    }
  }

  /** A call's work. */
  @FunctionalInterface
  public interface Call {
    void run() throws Exception;
  }
}
