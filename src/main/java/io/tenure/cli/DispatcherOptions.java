package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.delivery.DispatcherSettings;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The dispatcher's options ({@code --dispatcher*}): whether this process fans notices out and sends them, and how it
 * paces its rounds and retries. Real time, also under the simulated clock. The lease keeps its default.
 */
final class DispatcherOptions {
  static final Settings.Range POLL_MILLIS = new Settings.Range(10, 60_000);
  static final Settings.Range BATCH_SIZE = new Settings.Range(1, 1_000);
  static final Settings.Range MAX_ATTEMPTS = new Settings.Range(1, 100);
  /** A pause between attempts: at least a tenth of a second, at most a day. */
  static final Settings.Range PAUSE_MILLIS = new Settings.Range(100, 86_400_000);
  static final Settings.Range SENDERS = new Settings.Range(1, 64);

  @Option(names = "--dispatcher", paramLabel = "on|off", defaultValue = "on",
      description = {"on: this process fans notices out into deliveries and sends them. off: it leaves that to other "
          + "processes on the same database.", "Env TENURE_DISPATCHER.", "Default: ${DEFAULT-VALUE}"})
  String enabled;

  @Option(names = "--dispatcher-poll-ms", paramLabel = "MS", defaultValue = "1000",
      description = {"The dispatcher's pause after a round that found nothing to do, 10 to 60000 ms.",
          "Env TENURE_DISPATCHER_POLL_MS.", "Default: ${DEFAULT-VALUE}"})
  long pollMillis;

  @Option(names = "--dispatcher-batch-size", paramLabel = "N", defaultValue = "50",
      description = {"Notice rows fanned out, and deliveries claimed and recorded, per transaction, 1 to 1000;",
          "also the most messages a crash may send twice per sending thread.",
          "Env TENURE_DISPATCHER_BATCH_SIZE.", "Default: ${DEFAULT-VALUE}"})
  long batchSize;

  @Option(names = "--dispatcher-max-attempts", paramLabel = "N", defaultValue = "8",
      description = {"Attempts of a delivery before it is failed (failures that may pass and unknown outcomes count), "
          + "1 to 100.", "Env TENURE_DISPATCHER_MAX_ATTEMPTS.", "Default: ${DEFAULT-VALUE}"})
  long maxAttempts;

  @Option(names = "--dispatcher-backoff-ms", paramLabel = "MS", defaultValue = "30000",
      description = {"The pause after a first failed attempt, doubled with each attempt (±20%% jitter), 100 to 86400000 "
          + "ms and at most the maximum backoff.", "Env TENURE_DISPATCHER_BACKOFF_MS.", "Default: ${DEFAULT-VALUE}"})
  long backoffMillis;

  @Option(names = "--dispatcher-max-backoff-ms", paramLabel = "MS", defaultValue = "3600000",
      description = {"The longest pause between two attempts after a failure, 100 to 86400000 ms.",
          "Env TENURE_DISPATCHER_MAX_BACKOFF_MS.", "Default: ${DEFAULT-VALUE} (one hour)"})
  long maxBackoffMillis;

  @Option(names = "--dispatcher-unknown-pause-ms", paramLabel = "MS", defaultValue = "600000",
      description = {"The pause after an attempt whose outcome is unknown (it may have gone through), 100 to 86400000 ms.",
          "Env TENURE_DISPATCHER_UNKNOWN_PAUSE_MS.", "Default: ${DEFAULT-VALUE} (ten minutes)"})
  long unknownPauseMillis;

  @Option(names = "--dispatcher-senders", paramLabel = "N", defaultValue = "1",
      description = {"Threads of this process that fan out, claim and send, each with connections of its own, 1 to 64.",
          "Env TENURE_DISPATCHER_SENDERS.", "Default: ${DEFAULT-VALUE}"})
  long senders;

  DispatcherSettings dispatcher(CommandSpec spec) {
    boolean on = switch (enabled.strip().toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw OptionChecks.invalid(spec, "--dispatcher", enabled, "must be on or off");
    };
    OptionChecks.within(spec, "--dispatcher-poll-ms", pollMillis, POLL_MILLIS);
    OptionChecks.within(spec, "--dispatcher-batch-size", batchSize, BATCH_SIZE);
    OptionChecks.within(spec, "--dispatcher-max-attempts", maxAttempts, MAX_ATTEMPTS);
    OptionChecks.within(spec, "--dispatcher-backoff-ms", backoffMillis, PAUSE_MILLIS);
    OptionChecks.within(spec, "--dispatcher-max-backoff-ms", maxBackoffMillis, PAUSE_MILLIS);
    OptionChecks.within(spec, "--dispatcher-unknown-pause-ms", unknownPauseMillis, PAUSE_MILLIS);
    OptionChecks.within(spec, "--dispatcher-senders", senders, SENDERS);
    if (backoffMillis > maxBackoffMillis) {
      throw OptionChecks.invalid(spec, "--dispatcher-backoff-ms", Long.toString(backoffMillis),
          "must not exceed --dispatcher-max-backoff-ms (" + maxBackoffMillis + ")");
    }
    DispatcherSettings defaults = DispatcherSettings.DEFAULT;
    return new DispatcherSettings(on, Duration.ofMillis(pollMillis), (int) batchSize, (int) maxAttempts,
        Duration.ofMillis(backoffMillis), Duration.ofMillis(maxBackoffMillis), Duration.ofMillis(unknownPauseMillis),
        defaults.lease(), (int) senders);
  }
}
