package io.tenure.delivery;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that runs rounds of delivery work until closed: a round that did nothing is followed by a
 * pause of {@code poll}; a round that failed (the database away for a moment) is logged and tried again after the
 * same pause. Shared by the notices' dispatcher and the webhooks'. Thread-safe.
 */
public final class RoundLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RoundLoop.class);

  private final String name;
  private final IntSupplier round;
  private final Duration poll;
  private final Thread thread;
  private volatile boolean running = true;

  /** {@code round} answers how much it did; 0 means there was nothing to do. */
  public RoundLoop(String name, IntSupplier round, Duration poll) {
    this.name = name;
    this.round = round;
    this.poll = poll;
    this.thread = Thread.ofPlatform().name("tenure-" + name).daemon().unstarted(this::loop);
  }

  public void start() {
    thread.start();
  }

  /** False once {@link #close} began: a round should stop starting new work. */
  public boolean running() {
    return running;
  }

  private void loop() {
    while (running) {
      try {
        if (round.getAsInt() == 0) {
          Thread.sleep(poll);
        }
      } catch (InterruptedException stopped) {
        return;
      } catch (RuntimeException failure) {
        LOG.warn("{} - a round failed: {}", name, failure.toString());
        try {
          Thread.sleep(poll);
        } catch (InterruptedException stopped) {
          return;
        }
      }
    }
  }

  /** Stops the thread and lets a round under way finish (at most 30 s). */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(30));
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }
}
