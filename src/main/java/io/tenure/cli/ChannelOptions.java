package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.delivery.DeliveryChannels;
import io.tenure.delivery.SmtpSecurity;
import io.tenure.delivery.SmtpSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The outbound channels of notices: e-mail over SMTP ({@code --smtp-*}) and SMS through an HTTP gateway
 * ({@code --sms-*}, in {@link SmsOptions}). A channel whose host or URL is not set is absent.
 */
final class ChannelOptions {
  static final String SMTP_PASSWORD_VARIABLE = "TENURE_SMTP_PASSWORD";
  private static final Settings.Range PORT = new Settings.Range(1, 65_535);
  private static final Settings.Range TIMEOUT_MILLIS = new Settings.Range(100, 300_000);

  @Option(names = "--smtp-host", paramLabel = "HOST",
      description = {"SMTP server for e-mail notices; without it no e-mail is sent.", "Env TENURE_SMTP_HOST.",
          "Default: none (no e-mail)"})
  String smtpHost;

  @Option(names = "--smtp-port", paramLabel = "PORT",
      description = {"SMTP port, 1 to 65535.", "Env TENURE_SMTP_PORT.",
          "Default: 587 with STARTTLS, 465 with TLS, 25 with NONE"})
  Integer smtpPort;

  @Option(names = "--smtp-security", paramLabel = "NONE|STARTTLS|TLS", defaultValue = "STARTTLS",
      description = {"STARTTLS: upgrade the connection, refuse a server that does not offer it. TLS: TLS from the "
          + "first byte. NONE: plain text, for a relay on the same network.", "Env TENURE_SMTP_SECURITY.",
          "Default: ${DEFAULT-VALUE}"})
  String smtpSecurity;

  @Option(names = "--smtp-username", paramLabel = "NAME",
      description = {"SMTP login; its password is read from " + SMTP_PASSWORD_VARIABLE + " only.",
          "Env TENURE_SMTP_USERNAME.", "Default: none (no login)"})
  String smtpUsername;

  @Option(names = "--smtp-from", paramLabel = "ADDRESS",
      description = {"Sender of e-mail notices, like 'Tenure <noreply@example.com>'; required when an SMTP host "
          + "is set.",
          "Env TENURE_SMTP_FROM.", "Default: none"})
  String smtpFrom;

  @Option(names = "--smtp-timeout-ms", paramLabel = "MS", defaultValue = "10000",
      description = {"Longest wait to connect to the SMTP server and for each of its answers, 100 to 300000 ms.",
          "Env TENURE_SMTP_TIMEOUT_MS.", "Default: ${DEFAULT-VALUE}"})
  long smtpTimeoutMillis;

  @Mixin
  SmsOptions sms;

  DeliveryChannels channels(CommandSpec spec) {
    return new DeliveryChannels(email(spec), sms.sms(spec));
  }

  private Optional<SmtpSettings> email(CommandSpec spec) {
    Optional<String> password = Environment.of(spec).get(SMTP_PASSWORD_VARIABLE);
    if (smtpHost == null || smtpHost.isBlank()) {
      for (String option : new String[] {"--smtp-port", "--smtp-username", "--smtp-from"}) {
        if (spec.findOption(option).getValue() != null) {
          throw OptionChecks.invalid(spec, option, String.valueOf(spec.findOption(option).getValue()),
              "is set but --smtp-host is not");
        }
      }
      return Optional.empty();
    }
    SmtpSecurity security = security(spec);
    if (smtpPort != null) {
      OptionChecks.within(spec, "--smtp-port", smtpPort, PORT);
    }
    OptionChecks.within(spec, "--smtp-timeout-ms", smtpTimeoutMillis, TIMEOUT_MILLIS);
    if (smtpFrom == null || smtpFrom.isBlank()) {
      throw OptionChecks.invalid(spec, "--smtp-from", "", "is required with --smtp-host");
    }
    if ((smtpUsername != null) != password.isPresent()) {
      throw new ParameterException(spec.commandLine(), "Invalid SMTP login: --smtp-username (TENURE_SMTP_USERNAME) "
          + "and the environment variable " + SMTP_PASSWORD_VARIABLE + " go together; set both or neither.");
    }
    try {
      return Optional.of(new SmtpSettings(smtpHost, smtpPort == null ? security.defaultPort() : smtpPort, security,
          Optional.ofNullable(smtpUsername), password, smtpFrom, Duration.ofMillis(smtpTimeoutMillis)));
    } catch (IllegalArgumentException refused) {
      throw new ParameterException(spec.commandLine(), refused.getMessage());
    }
  }

  private SmtpSecurity security(CommandSpec spec) {
    try {
      return SmtpSecurity.valueOf(smtpSecurity.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw OptionChecks.invalid(spec, "--smtp-security", smtpSecurity, "must be one of NONE, STARTTLS, TLS");
    }
  }
}
