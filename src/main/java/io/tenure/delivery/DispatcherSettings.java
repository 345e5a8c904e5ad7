package io.tenure.delivery;

import java.time.Duration;

/**
 * How the dispatcher of this process runs (docs/notices.md, "Deliveries"). Durations are real time, also under the
 * simulated clock.
 *
 * @param enabled whether this process fans notices out and sends deliveries; off for tests that need it off
 * @param poll the pause after a round that found nothing to do
 * @param batchSize notice rows fanned out, and deliveries claimed, per transaction; a claimed batch's outcomes are
 *     recorded together, so it is also the most a crash may resend per sending thread
 * @param maxAttempts attempts of a delivery before it is failed (a retryable failure or an unknown outcome counts)
 * @param backoff the pause after the first failed attempt; it doubles with each attempt, with ±20% jitter
 * @param maxBackoff the longest pause between two attempts after a failure
 * @param unknownPause the pause after an attempt whose outcome is unknown (it may have gone through)
 * @param lease how long a claimed delivery belongs to the dispatcher that claimed it; after that another one may take
 *     it over (the first one crashed)
 * @param senders threads of this process that fan out, claim and send, each with its own e-mail connection; while one
 *     waits for a provider or a commit, another can work
 */
public record DispatcherSettings(boolean enabled, Duration poll, int batchSize, int maxAttempts, Duration backoff,
    Duration maxBackoff, Duration unknownPause, Duration lease, int senders) {

  public static final DispatcherSettings DEFAULT = new DispatcherSettings(true, Duration.ofSeconds(1), 50, 8,
      Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5), 1);
  /** No dispatcher in this process. */
  public static final DispatcherSettings OFF = DEFAULT.withEnabled(false);

  public DispatcherSettings {
    check(!poll.isNegative() && !poll.isZero(), "dispatcher poll", poll);
    check(batchSize >= 1 && batchSize <= 1000, "dispatcher batch size (1 to 1000)", batchSize);
    check(maxAttempts >= 1 && maxAttempts <= 100, "dispatcher attempts (1 to 100)", maxAttempts);
    check(!backoff.isNegative() && backoff.compareTo(maxBackoff) <= 0, "dispatcher backoff", backoff);
    check(!unknownPause.isNegative(), "dispatcher unknown pause", unknownPause);
    check(lease.compareTo(Duration.ofSeconds(1)) >= 0, "dispatcher lease (at least one second)", lease);
    check(senders >= 1 && senders <= 64, "dispatcher senders (1 to 64)", senders);
  }

  public DispatcherSettings withEnabled(boolean on) {
    return new DispatcherSettings(on, poll, batchSize, maxAttempts, backoff, maxBackoff, unknownPause, lease, senders);
  }

  /** These settings with other pauses: tests use milliseconds. */
  public DispatcherSettings withPauses(Duration newPoll, Duration newBackoff, Duration newMaxBackoff, Duration newUnknownPause) {
    return new DispatcherSettings(enabled, newPoll, batchSize, maxAttempts, newBackoff, newMaxBackoff, newUnknownPause, lease, senders);
  }

  public DispatcherSettings withSenders(int threads) {
    return new DispatcherSettings(enabled, poll, batchSize, maxAttempts, backoff, maxBackoff, unknownPause, lease, threads);
  }

  public DispatcherSettings withMaxAttempts(int attempts) {
    return new DispatcherSettings(enabled, poll, batchSize, attempts, backoff, maxBackoff, unknownPause, lease, senders);
  }

  private static void check(boolean valid, String setting, Object value) {
    if (!valid) {
      throw new IllegalArgumentException("Invalid " + setting + " '" + value + "'.");
    }
  }
}
