package io.tenure.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  @Test
  void eachRetryFollowsTheStandardScheduleWithinTenPercent() {
    for (int attempt = 1; attempt <= WebhookSettings.STANDARD_RETRIES.size(); attempt++) {
      Duration scheduled = WebhookSettings.STANDARD_RETRIES.get(attempt - 1);
      Duration pause = RetrySchedule.pause(WebhookSettings.STANDARD_RETRIES, attempt, Optional.empty());
      assertThat(pause).isBetween(scheduled.multipliedBy(9).dividedBy(10), scheduled.multipliedBy(11).dividedBy(10));
    }
    assertThat(WebhookSettings.STANDARD_RETRIES).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
        Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
        Duration.ofHours(20), Duration.ofHours(24));
    assertThat(WebhookSettings.DEFAULT.maxAttempts()).isEqualTo(10);
    assertThat(WebhookSettings.DEFAULT.timeout()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void aLongerRetryAfterOfTheEndpointIsHonouredAndAShorterOneIsNot() {
    assertThat(RetrySchedule.pause(WebhookSettings.STANDARD_RETRIES, 1, Optional.of(Duration.ofMinutes(3))))
        .isEqualTo(Duration.ofMinutes(3));
    assertThat(RetrySchedule.pause(WebhookSettings.STANDARD_RETRIES, 2, Optional.of(Duration.ofSeconds(1))))
        .isGreaterThan(Duration.ofMinutes(4));
  }
}
