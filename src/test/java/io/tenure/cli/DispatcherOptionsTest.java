package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Settings;
import io.tenure.delivery.DispatcherSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherOptionsTest {

  private static Settings settings(Map<String, String> environment, String... args) {
    return ServeOptions.settings(environment, args);
  }

  private static String errors(Map<String, String> environment, String... args) {
    return ServeOptions.errors(environment, args);
  }

  @Test
  void withoutOptionsServeRunsTheDispatcherWithItsDefaults() {
    assertThat(settings(Map.of(), "serve").dispatcher()).isEqualTo(DispatcherSettings.DEFAULT);
  }

  @Test
  void theOptionsAndTheEnvironmentSetEveryComponentTheOptionWinning() {
    DispatcherSettings dispatcher = settings(Map.of("TENURE_DISPATCHER", "off", "TENURE_DISPATCHER_POLL_MS", "250",
        "TENURE_DISPATCHER_BATCH_SIZE", "200", "TENURE_DISPATCHER_MAX_ATTEMPTS", "3", "TENURE_DISPATCHER_SENDERS", "4"), "serve",
        "--dispatcher-max-attempts", "5", "--dispatcher-backoff-ms", "2000", "--dispatcher-max-backoff-ms", "60000",
        "--dispatcher-unknown-pause-ms", "120000").dispatcher();
    assertThat(dispatcher).isEqualTo(new DispatcherSettings(false, Duration.ofMillis(250), 200, 5, Duration.ofSeconds(2),
        Duration.ofMinutes(1), Duration.ofMinutes(2), DispatcherSettings.DEFAULT.lease(), 4));
  }

  @Test
  void aValueOutsideItsBoundsIsRefusedNamingWhereItCameFrom() {
    assertThat(errors(Map.of("TENURE_DISPATCHER_BATCH_SIZE", "0"), "serve"))
        .startsWith("Invalid value for environment variable TENURE_DISPATCHER_BATCH_SIZE: '0' must be between 1 and 1000.");
    assertThat(errors(Map.of(), "serve", "--dispatcher-poll-ms", "5"))
        .startsWith("Invalid value for option '--dispatcher-poll-ms': '5' must be between 10 and 60000.");
    assertThat(errors(Map.of(), "serve", "--dispatcher-max-attempts", "101")).startsWith("Invalid value for option '--dispatcher-max-attempts'");
    assertThat(errors(Map.of(), "serve", "--dispatcher-unknown-pause-ms", "0"))
        .startsWith("Invalid value for option '--dispatcher-unknown-pause-ms'");
    assertThat(errors(Map.of(), "serve", "--dispatcher", "maybe"))
        .startsWith("Invalid value for option '--dispatcher': 'maybe' must be on or off.");
  }

  @Test
  void aBackoffLongerThanTheMaximumBackoffIsRefused() {
    assertThat(errors(Map.of("TENURE_DISPATCHER_MAX_BACKOFF_MS", "10000"), "serve", "--dispatcher-backoff-ms", "30000"))
        .startsWith("Invalid value for option '--dispatcher-backoff-ms': '30000' must not exceed --dispatcher-max-backoff-ms (10000).");
  }
}
