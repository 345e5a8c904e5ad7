package io.tenure.delivery;

import java.time.Duration;
import java.util.List;

/**
 * Sends prepared messages over a channel in a plain loop, with no database and no dispatcher, to measure the
 * channel's own rate: the ceiling that {@code bench notices} compares the dispatcher against.
 */
public final class BareChannelRun {

  private BareChannelRun() {}

  /**
   * What a run did.
   *
   * @param sent messages the channel answered {@link Outcome.Sent}
   * @param notSent messages answered otherwise
   * @param elapsed the wall time of the whole loop
   */
  public record Result(int sent, int notSent, Duration elapsed) {
    /** Messages sent per second. */
    public double sentPerSecond() {
      return elapsed.isZero() ? 0 : sent / (elapsed.toNanos() / 1e9);
    }
  }

  /** Sends each of {@code messages} once, in order, on the calling thread. */
  public static Result run(Channel channel, List<Outbound> messages) {
    int sent = 0;
    long started = System.nanoTime();
    for (Outbound message : messages) {
      if (channel.send(message) instanceof Outcome.Sent) {
        sent++;
      }
    }
    return new Result(sent, messages.size() - sent, Duration.ofNanos(System.nanoTime() - started));
  }
}
