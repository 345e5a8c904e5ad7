package io.tenure.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;

/**
 * Samples how many lifecycle events are committed while the engine drains, from its own thread and
 * connection, so that the benchmark can tell the rate at the start of a drain from the rate at its end
 * without touching the engine. Reads {@code max(sequence)}: a scan of the event log, which has no index on
 * the sequence alone (probing the provider commands' primary key instead measured no different). Thread-safe.
 */
final class DrainProgress {
  private final Jdbi jdbi;
  private final Duration interval;
  private final long baseline;
  private final long startNanos;
  private final List<long[]> samples = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private DrainProgress(Jdbi jdbi, Duration interval) {
    this.jdbi = jdbi;
    this.interval = interval;
    this.baseline = lastSequence();
    this.startNanos = System.nanoTime();
    this.sampler = Thread.ofPlatform().name("bench-progress").daemon().start(this::sample);
  }

  static DrainProgress start(Jdbi jdbi, Duration interval) {
    return new DrainProgress(jdbi, interval);
  }

  /**
   * Events committed since the start against nanoseconds since the start.
   *
   * @param samples pairs of (nanoseconds, events), in time order, ending with the final count
   */
  record Timeline(List<long[]> samples, long elapsedNanos) {
    long total() {
      return samples.getLast()[1];
    }

    /** The first sampled moment at which at least {@code events} events were committed. */
    long nanosAt(long events) {
      return samples.stream().filter(sample -> sample[1] >= events).findFirst().orElseThrow()[0];
    }
  }

  /** Stops sampling and takes the final count. */
  Timeline stop() {
    long elapsed = System.nanoTime() - startNanos;
    running = false;
    try {
      sampler.join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bench - interrupted while stopping the progress sampler", interrupted);
    }
    synchronized (samples) {
      samples.add(new long[] {elapsed, lastSequence() - baseline});
      return new Timeline(List.copyOf(samples), elapsed);
    }
  }

  private void sample() {
    while (running) {
      long events = lastSequence() - baseline;
      synchronized (samples) {
        samples.add(new long[] {System.nanoTime() - startNanos, events});
      }
      LockSupport.parkNanos(interval.toNanos());
    }
  }

  private long lastSequence() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT coalesce(max(sequence), 0) FROM lifecycle_events")
        .mapTo(Long.class).one());
  }
}
