package io.tenure.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
   * @param firstProblem the outcome of the first message not answered {@link Outcome.Sent}, if any
   */
  public record Result(int sent, int notSent, Duration elapsed, Optional<String> firstProblem) {
    /** Messages sent per second. */
    public double sentPerSecond() {
      return elapsed.isZero() ? 0 : sent / (elapsed.toNanos() / 1e9);
    }
  }

  /** Sends each of {@code messages} once, in order, on the calling thread. */
  public static Result run(Channel channel, List<Outbound> messages) {
    long started = System.nanoTime();
    Tally tally = sendAll(channel, messages);
    return new Result(tally.sent(), messages.size() - tally.sent(), Duration.ofNanos(System.nanoTime() - started),
        tally.firstProblem());
  }

  /**
   * Sends each of {@code messages} once over several channels at a time, one thread per channel, each taking an
   * equal share: the bare rate to hold a dispatcher with as many sending threads against.
   */
  public static Result run(List<? extends Channel> channels, List<Outbound> messages) throws InterruptedException {
    int threads = channels.size();
    long started = System.nanoTime();
    int sent = 0;
    Optional<String> firstProblem = Optional.empty();
    try (ExecutorService senders = Executors.newFixedThreadPool(threads)) {
      List<Future<Tally>> shares = new ArrayList<>();
      for (int index = 0; index < threads; index++) {
        Channel channel = channels.get(index);
        List<Outbound> share = messages.subList(messages.size() * index / threads,
            messages.size() * (index + 1) / threads);
        shares.add(senders.submit(() -> sendAll(channel, share)));
      }
      for (Future<Tally> share : shares) {
        sent += share.get().sent();
        firstProblem = firstProblem.or(share.get()::firstProblem);
      }
    } catch (ExecutionException failure) {
      throw new IllegalStateException("a channel threw instead of answering an outcome", failure.getCause());
    }
    return new Result(sent, messages.size() - sent, Duration.ofNanos(System.nanoTime() - started), firstProblem);
  }

  private record Tally(int sent, Optional<String> firstProblem) {}

  private static Tally sendAll(Channel channel, List<Outbound> messages) {
    int sent = 0;
    Optional<String> firstProblem = Optional.empty();
    for (Outbound message : messages) {
      Outcome outcome = channel.send(message);
      if (outcome instanceof Outcome.Sent) {
        sent++;
      } else if (firstProblem.isEmpty()) {
        firstProblem = Optional.of(message.deliveryKey() + ": " + outcome);
      }
    }
    return new Tally(sent, firstProblem);
  }
}
