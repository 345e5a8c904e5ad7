package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.webhook.WebhookSettings;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The webhook dispatcher's options ({@code --webhook*}, {@code --release-confirmation-timeout-seconds}): whether this
 * process fans provider commands out to endpoints and delivers them, and its periods. All are real time, also under
 * the simulated clock, like every delivery (docs/providers.md). The retry schedule and the lease keep their defaults.
 */
final class WebhookOptions {
  static final Settings.Range POLL_MILLIS = new Settings.Range(10, 60_000);
  static final Settings.Range BATCH_SIZE = new Settings.Range(1, 1_000);
  /** An endpoint's answer: at least a tenth of a second, at most a minute (a claimed delivery's lease is five). */
  static final Settings.Range TIMEOUT_MILLIS = new Settings.Range(100, 60_000);
  /** The failing-endpoint periods: a minute to 30 days. */
  static final Settings.Range FAILING_SECONDS = new Settings.Range(60, 2_592_000);
  /** Zero: the previous secret stops signing at the rotation. At most 30 days. */
  static final Settings.Range OVERLAP_SECONDS = new Settings.Range(0, 2_592_000);
  static final Settings.Range CONFIRMATION_SECONDS = new Settings.Range(1, 2_592_000);

  @Option(names = "--webhooks", paramLabel = "on|off", defaultValue = "on",
      description = {"on: this process fans provider commands out to webhook endpoints, delivers them and watches "
          + "release confirmations and failing endpoints. off: it leaves that to other processes on the same database.",
          "Env TENURE_WEBHOOKS.", "Default: ${DEFAULT-VALUE}"})
  String enabled;

  @Option(names = "--webhook-poll-ms", paramLabel = "MS", defaultValue = "1000",
      description = {"The webhook dispatcher's pause after a round that found nothing to do, 10 to 60000 ms.",
          "Env TENURE_WEBHOOK_POLL_MS.", "Default: ${DEFAULT-VALUE}"})
  long pollMillis;

  @Option(names = "--webhook-batch-size", paramLabel = "N", defaultValue = "100",
      description = {"Events fanned out, and webhook deliveries claimed, per transaction, 1 to 1000.",
          "Env TENURE_WEBHOOK_BATCH_SIZE.", "Default: ${DEFAULT-VALUE}"})
  long batchSize;

  @Option(names = "--webhook-timeout-ms", paramLabel = "MS", defaultValue = "15000",
      description = {"The longest wait for an endpoint's answer to one request, 100 to 60000 ms.",
          "Env TENURE_WEBHOOK_TIMEOUT_MS.", "Default: ${DEFAULT-VALUE}"})
  long timeoutMillis;

  @Option(names = "--webhook-failing-warning-seconds", paramLabel = "S", defaultValue = "259200",
      description = {"An endpoint failing this long is reported to the operator, 60 to 2592000 s and at most the "
          + "disabling period.", "Env TENURE_WEBHOOK_FAILING_WARNING_SECONDS.", "Default: ${DEFAULT-VALUE} (3 days)"})
  long failingWarningSeconds;

  @Option(names = "--webhook-failing-disable-seconds", paramLabel = "S", defaultValue = "432000",
      description = {"An endpoint failing this long is disabled, 60 to 2592000 s.",
          "Env TENURE_WEBHOOK_FAILING_DISABLE_SECONDS.", "Default: ${DEFAULT-VALUE} (5 days)"})
  long failingDisableSeconds;

  @Option(names = "--webhook-rotation-overlap-seconds", paramLabel = "S", defaultValue = "86400",
      description = {"How long an endpoint's previous secret keeps signing beside the new one after a rotation, "
          + "0 to 2592000 s.", "Env TENURE_WEBHOOK_ROTATION_OVERLAP_SECONDS.", "Default: ${DEFAULT-VALUE} (24 hours)"})
  long rotationOverlapSeconds;

  @Option(names = "--release-confirmation-timeout-seconds", paramLabel = "S", defaultValue = "86400",
      description = {"A release the provider has not confirmed this long after it was requested alerts the operator "
          + "and its event is sent again, 1 to 2592000 s.", "Env TENURE_RELEASE_CONFIRMATION_TIMEOUT_SECONDS.",
          "Default: ${DEFAULT-VALUE} (24 hours)"})
  long confirmationTimeoutSeconds;

  WebhookSettings webhooks(CommandSpec spec) {
    boolean on = switch (enabled.strip().toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw OptionChecks.invalid(spec, "--webhooks", enabled, "must be on or off");
    };
    OptionChecks.within(spec, "--webhook-poll-ms", pollMillis, POLL_MILLIS);
    OptionChecks.within(spec, "--webhook-batch-size", batchSize, BATCH_SIZE);
    OptionChecks.within(spec, "--webhook-timeout-ms", timeoutMillis, TIMEOUT_MILLIS);
    OptionChecks.within(spec, "--webhook-failing-warning-seconds", failingWarningSeconds, FAILING_SECONDS);
    OptionChecks.within(spec, "--webhook-failing-disable-seconds", failingDisableSeconds, FAILING_SECONDS);
    OptionChecks.within(spec, "--webhook-rotation-overlap-seconds", rotationOverlapSeconds, OVERLAP_SECONDS);
    OptionChecks.within(spec, "--release-confirmation-timeout-seconds", confirmationTimeoutSeconds, CONFIRMATION_SECONDS);
    if (failingWarningSeconds > failingDisableSeconds) {
      throw OptionChecks.invalid(spec, "--webhook-failing-warning-seconds", Long.toString(failingWarningSeconds),
          "must not exceed --webhook-failing-disable-seconds (" + failingDisableSeconds + ")");
    }
    WebhookSettings defaults = WebhookSettings.DEFAULT;
    return new WebhookSettings(on, Duration.ofMillis(pollMillis), (int) batchSize, defaults.retries(),
        Duration.ofMillis(timeoutMillis), defaults.lease(), Duration.ofSeconds(failingWarningSeconds),
        Duration.ofSeconds(failingDisableSeconds), Duration.ofSeconds(rotationOverlapSeconds),
        Duration.ofSeconds(confirmationTimeoutSeconds));
  }
}
