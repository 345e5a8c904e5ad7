package io.tenure.simulation;

import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults of a run with {@code --faults}: a server killed ({@code kill -9}) and restarted, or a database
 * connection ended, a few milliseconds after the simulation sends a call or a clock advance, so that it lands
 * while that call is in flight. The seed decides which calls get a fault, which node and how late; the instant it
 * lands is the machine's. One thread injects them, one after the other, so the cluster is driven from one thread.
 */
final class Faults implements AutoCloseable {
  /** Per hundred calls, and per hundred clock advances, how many get a fault. */
  private static final int CALL_FAULTS_PERCENT = 1;
  private static final int ADVANCE_FAULTS_PERCENT = 40;
  private static final int DELAY_MILLIS_MAX = 400;
  private static final int ADVANCE_DELAY_MILLIS_MAX = 1_500;

  private final Cluster cluster;
  private final Random random;
  private final Random connections;
  private final ScheduledExecutorService injector =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("simulate-faults").daemon().factory());
  private final AtomicLong kills = new AtomicLong();
  private final AtomicLong connectionsEnded = new AtomicLong();
  private final AtomicReference<RuntimeException> failed = new AtomicReference<>();

  /** Faults drawn from their own random source, so that a run with faults sends the calls of the run without. */
  Faults(Cluster cluster, long seed) {
    this.cluster = cluster;
    this.random = new Random(seed ^ 0x5DEECE66DL);
    this.connections = new Random(seed);
  }

  /** Before a call: perhaps a fault that lands while it is in flight. */
  void beforeCall() {
    if (random.nextInt(100) < CALL_FAULTS_PERCENT) {
      schedule(random.nextInt(DELAY_MILLIS_MAX));
    }
  }

  /** Before a clock advance: more likely a fault, later, while the engine processes what fell due. */
  void beforeAdvance() {
    if (random.nextInt(100) < ADVANCE_FAULTS_PERCENT) {
      schedule(random.nextInt(ADVANCE_DELAY_MILLIS_MAX));
    }
  }

  private void schedule(int delayMillis) {
    boolean kill = random.nextInt(3) > 0;
    int node = random.nextInt(cluster.size());
    injector.schedule(() -> inject(kill, node), delayMillis, TimeUnit.MILLISECONDS);
  }

  private void inject(boolean kill, int node) {
    try {
      if (kill) {
        cluster.killAndRestart(node);
        kills.incrementAndGet();
      } else if (cluster.terminateConnection(connections)) {
        connectionsEnded.incrementAndGet();
      }
    } catch (RuntimeException failure) {
      // A node that does not come back is the run's failure, reported when the simulation next settles.
      failed.compareAndSet(null, failure);
    }
  }

  long injected() {
    return kills.get() + connectionsEnded.get();
  }

  /** What landed, for the run's report: {@code 94 servers killed, 47 connections ended}. */
  String landed() {
    return kills.get() + " servers killed, " + connectionsEnded.get() + " database connections ended";
  }

  /**
   * Waits for every fault already scheduled to have landed and its node to be back: a marker scheduled after the
   * latest delay runs after all of them on the one injecting thread.
   */
  void settle() {
    try {
      injector.schedule(() -> { }, ADVANCE_DELAY_MILLIS_MAX + 1, TimeUnit.MILLISECONDS).get();
      if (failed.get() != null) {
        throw new IllegalStateException("a fault could not be injected: " + failed.get().getMessage(), failed.get());
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the faults to land", interrupted);
    } catch (ExecutionException failure) {
      throw new IllegalStateException("a fault could not be injected", failure.getCause());
    }
  }

  @Override
  public void close() {
    injector.shutdownNow();
  }
}
