package io.tenure.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Samples how many transitions the engine has committed while it drains, from its own thread, so that the
 * benchmark can tell the rate at the start of a drain from the rate at its end. It reads the engine's
 * in-memory counter: sampling the database instead (a scan of the event log every 20 ms) cost the server a
 * tenth of a core that the engine then lacked. Thread-safe.
 */
final class DrainProgress {
  private final LongSupplier committed;
  private final Duration interval;
  private final long baseline;
  private final long startNanos;
  private final List<long[]> samples = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private DrainProgress(LongSupplier committed, Duration interval) {
    this.committed = committed;
    this.interval = interval;
    this.baseline = committed.getAsLong();
    this.startNanos = System.nanoTime();
    this.sampler = Thread.ofPlatform().name("bench-progress").daemon().start(this::sample);
  }

  static DrainProgress start(LongSupplier committed, Duration interval) {
    return new DrainProgress(committed, interval);
  }

  /**
   * Transitions committed since the start against nanoseconds since the start.
   *
   * @param samples pairs of (nanoseconds, transitions), in time order, ending with the final count
   */
  record Timeline(List<long[]> samples, long elapsedNanos) {
    long total() {
      return samples.getLast()[1];
    }

    /** The first sampled moment at which at least {@code transitions} transitions were committed. */
    long nanosAt(long transitions) {
      return samples.stream().filter(sample -> sample[1] >= transitions).findFirst().orElseThrow()[0];
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
      samples.add(new long[] {elapsed, committed.getAsLong() - baseline});
      return new Timeline(List.copyOf(samples), elapsed);
    }
  }

  private void sample() {
    while (running) {
      long transitions = committed.getAsLong() - baseline;
      synchronized (samples) {
        samples.add(new long[] {System.nanoTime() - startNanos, transitions});
      }
      LockSupport.parkNanos(interval.toNanos());
    }
  }
}
