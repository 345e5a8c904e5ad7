package io.tenure.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** When a failed webhook is tried again: its place in the schedule, with jitter, or later if the endpoint asked. */
final class RetrySchedule {
  private RetrySchedule() {}

  /**
   * The pause after failed attempt {@code attempt} (from 1): the schedule's pause ±10% (so that the retries of many
   * events do not arrive together), or the endpoint's {@code Retry-After} when that is longer.
   */
  static Duration pause(List<Duration> retries, int attempt, Optional<Duration> retryAfter) {
    Duration scheduled = retries.get(Math.min(attempt, retries.size()) - 1);
    double jitter = 0.9 + 0.2 * ThreadLocalRandom.current().nextDouble();
    Duration jittered = Duration.ofNanos((long) (scheduled.toNanos() * jitter));
    return retryAfter.filter(asked -> asked.compareTo(jittered) > 0).orElse(jittered);
  }
}
