package io.tenure.webhook;

import java.time.Duration;
import java.util.List;

/**
 * How this process delivers webhooks (docs/providers.md, "Webhooks"). Durations are real time, also under the
 * simulated clock.
 *
 * @param enabled whether this process fans events out and delivers them
 * @param poll the pause after a round that found nothing to do
 * @param batchSize events fanned out, and deliveries claimed, per transaction
 * @param retries the pause before each attempt after the first (the first goes at once); after the last one fails
 *     the delivery is failed for good. Each pause gets ±10% jitter
 * @param timeout the longest wait for an endpoint's answer
 * @param lease how long a claimed delivery belongs to this dispatcher
 * @param failingWarning an endpoint failing this long is reported to the operator
 * @param failingDisable an endpoint failing this long is disabled
 * @param rotationOverlap how long the previous secret keeps signing after a rotation
 * @param confirmationTimeout a release not confirmed this long after it was requested alerts the operator, and its
 *     event is sent again
 */
public record WebhookSettings(boolean enabled, Duration poll, int batchSize, List<Duration> retries, Duration timeout,
    Duration lease, Duration failingWarning, Duration failingDisable, Duration rotationOverlap, Duration confirmationTimeout) {

  /** At once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h (the schedule Svix publishes). */
  public static final List<Duration> STANDARD_RETRIES = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
      Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
      Duration.ofHours(20), Duration.ofHours(24));

  public static final WebhookSettings DEFAULT = new WebhookSettings(true, Duration.ofSeconds(1), 100, STANDARD_RETRIES,
      Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofDays(3), Duration.ofDays(5), Duration.ofHours(24),
      Duration.ofHours(24));

  public WebhookSettings {
    retries = List.copyOf(retries);
    check(!poll.isNegative() && !poll.isZero(), "webhook poll", poll);
    check(batchSize >= 1 && batchSize <= 1000, "webhook batch size (1 to 1000)", batchSize);
    check(retries.stream().noneMatch(Duration::isNegative), "webhook retries", retries);
    check(timeout.compareTo(Duration.ofMillis(100)) >= 0, "webhook timeout", timeout);
    check(lease.compareTo(timeout.multipliedBy(2)) >= 0, "webhook lease (at least twice the timeout)", lease);
    check(failingWarning.compareTo(failingDisable) <= 0, "webhook failing warning (at most the disabling)", failingWarning);
    check(!rotationOverlap.isNegative(), "webhook rotation overlap", rotationOverlap);
    check(!confirmationTimeout.isNegative() && !confirmationTimeout.isZero(), "release confirmation timeout", confirmationTimeout);
  }

  /** These settings with short pauses, for tests: real time, so tests use milliseconds. */
  public WebhookSettings withPauses(Duration newPoll, List<Duration> newRetries, Duration newConfirmationTimeout) {
    return new WebhookSettings(enabled, newPoll, batchSize, newRetries, timeout, lease, failingWarning, failingDisable,
        rotationOverlap, newConfirmationTimeout);
  }

  /** Attempts in all: the first and one per retry. */
  public int maxAttempts() {
    return retries.size() + 1;
  }

  private static void check(boolean valid, String setting, Object value) {
    if (!valid) {
      throw new IllegalArgumentException("Invalid " + setting + " '" + value + "'.");
    }
  }
}
