package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Settings;
import io.tenure.webhook.WebhookSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookOptionsTest {

  private static Settings settings(Map<String, String> environment, String... args) {
    return ServeOptions.settings(environment, args);
  }

  private static String errors(Map<String, String> environment, String... args) {
    return ServeOptions.errors(environment, args);
  }

  @Test
  void withoutOptionsServeRunsTheWebhookDispatcherWithItsDefaults() {
    assertThat(settings(Map.of(), "serve").webhooks()).isEqualTo(WebhookSettings.DEFAULT);
  }

  @Test
  void theOptionsAndTheEnvironmentSetEveryPeriodTheOptionWinning() {
    WebhookSettings webhooks = settings(Map.of("TENURE_WEBHOOKS", "off", "TENURE_WEBHOOK_POLL_MS", "250",
        "TENURE_WEBHOOK_BATCH_SIZE", "20", "TENURE_WEBHOOK_TIMEOUT_MS", "9000",
        "TENURE_RELEASE_CONFIRMATION_TIMEOUT_SECONDS", "60"), "serve",
        "--webhook-timeout-ms", "5000", "--webhook-failing-warning-seconds", "3600", "--webhook-failing-disable-seconds",
        "7200", "--webhook-rotation-overlap-seconds", "0", "--release-confirmation-timeout-seconds", "1800").webhooks();
    WebhookSettings defaults = WebhookSettings.DEFAULT;
    assertThat(webhooks).isEqualTo(new WebhookSettings(false, Duration.ofMillis(250), 20, defaults.retries(),
        Duration.ofSeconds(5), defaults.lease(), Duration.ofHours(1), Duration.ofHours(2), Duration.ZERO,
        Duration.ofMinutes(30)));
  }

  @Test
  void aValueOutsideItsBoundsIsRefusedNamingWhereItCameFrom() {
    assertThat(errors(Map.of("TENURE_WEBHOOK_BATCH_SIZE", "0"), "serve"))
        .startsWith("Invalid value for environment variable TENURE_WEBHOOK_BATCH_SIZE: '0' must be between 1 and 1000.");
    assertThat(errors(Map.of(), "serve", "--webhook-timeout-ms", "60001"))
        .startsWith("Invalid value for option '--webhook-timeout-ms': '60001' must be between 100 and 60000.");
    assertThat(errors(Map.of("TENURE_RELEASE_CONFIRMATION_TIMEOUT_SECONDS", "0"), "serve"))
        .startsWith("Invalid value for environment variable TENURE_RELEASE_CONFIRMATION_TIMEOUT_SECONDS: '0' must be between 1 "
            + "and 2592000.");
    assertThat(errors(Map.of(), "serve", "--webhook-rotation-overlap-seconds", "-1"))
        .startsWith("Invalid value for option '--webhook-rotation-overlap-seconds'");
    assertThat(errors(Map.of(), "serve", "--webhook-failing-disable-seconds", "59"))
        .startsWith("Invalid value for option '--webhook-failing-disable-seconds'");
    assertThat(errors(Map.of(), "serve", "--webhooks", "maybe"))
        .startsWith("Invalid value for option '--webhooks': 'maybe' must be on or off.");
  }

  @Test
  void aWarningLaterThanTheDisablingIsRefused() {
    assertThat(errors(Map.of("TENURE_WEBHOOK_FAILING_DISABLE_SECONDS", "86400"), "serve",
        "--webhook-failing-warning-seconds", "172800"))
        .startsWith("Invalid value for option '--webhook-failing-warning-seconds': '172800' must not exceed "
            + "--webhook-failing-disable-seconds (86400).");
  }
}
