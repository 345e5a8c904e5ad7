package io.tenure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Settings;
import io.tenure.delivery.SmtpSecurity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelOptionsTest {

  private static Settings settings(Map<String, String> environment, String... args) {
    return ServeOptions.settings(environment, args);
  }

  private static String errors(Map<String, String> environment, String... args) {
    return ServeOptions.errors(environment, args);
  }

  @Test
  void withoutHostOrUrlNeitherChannelIsConfigured() {
    Settings settings = settings(Map.of(), "serve");
    assertThat(settings.channels().email()).isEmpty();
    assertThat(settings.channels().sms()).isEmpty();
  }

  @Test
  void theEnvironmentConfiguresBothChannels() {
    Settings settings = settings(Map.of("TENURE_SMTP_HOST", "smtp.example.com", "TENURE_SMTP_SECURITY", "tls",
        "TENURE_SMTP_FROM", "Tenure <noreply@example.com>", "TENURE_SMTP_USERNAME", "tenure",
        "TENURE_SMTP_PASSWORD", "secret", "TENURE_SMS_URL", "https://sms.example.com/send",
        "TENURE_SMS_HEADERS", "X-Api-Key: k1\nX-Tenant: t2", "TENURE_SMS_BODY", "{\"to\":\"{{phone}}\"}",
        "TENURE_SMS_SUCCESS_FIELD", "Code=OK"), "serve");
    assertThat(settings.channels().email()).hasValueSatisfying(email -> {
      assertThat(email.security()).isEqualTo(SmtpSecurity.TLS);
      assertThat(email.port()).isEqualTo(465);
      assertThat(email.password()).hasValue("secret");
    });
    assertThat(settings.channels().sms()).hasValueSatisfying(sms -> {
      assertThat(sms.headers()).containsOnly(Map.entry("X-Api-Key", "k1"), Map.entry("X-Tenant", "t2"));
      assertThat(sms.success().successField()).hasValue("Code");
      assertThat(sms.success().successValue()).hasValue("OK");
    });
  }

  @Test
  void printedSettingsShowNoPasswordOrHeaderValue() {
    Settings settings = settings(Map.of("TENURE_SMTP_HOST", "smtp.example.com", "TENURE_SMTP_FROM", "a@example.com",
        "TENURE_SMTP_USERNAME", "tenure", "TENURE_SMTP_PASSWORD", "smtp-secret", "TENURE_SMS_URL",
        "https://sms.example.com/send", "TENURE_SMS_HEADERS", "X-Api-Key: sms-secret", "TENURE_SMS_BODY",
        "{\"to\":\"{{phone}}\"}"), "serve");
    assertThat(settings.toString()).contains("smtp.example.com", "X-Api-Key").doesNotContain("smtp-secret", "sms-secret");
  }

  @Test
  void aHostWithoutFromAddressIsRefusedAsItsVariable() {
    assertThat(errors(Map.of("TENURE_SMTP_HOST", "smtp.example.com"), "serve"))
        .startsWith("Invalid value for option '--smtp-from': '' is required with --smtp-host.");
  }

  @Test
  void anUnknownSecurityIsRefusedNamingTheVariable() {
    assertThat(errors(Map.of("TENURE_SMTP_HOST", "smtp.example.com", "TENURE_SMTP_FROM", "a@example.com",
        "TENURE_SMTP_SECURITY", "ssl"), "serve"))
        .startsWith("Invalid value for environment variable TENURE_SMTP_SECURITY: 'ssl' must be one of NONE, STARTTLS, TLS.");
  }

  @Test
  void aUsernameWithoutPasswordIsRefusedWithoutShowingAnything() {
    assertThat(errors(Map.of("TENURE_SMTP_HOST", "smtp.example.com", "TENURE_SMTP_FROM", "a@example.com"),
        "serve", "--smtp-username", "tenure")).contains("TENURE_SMTP_PASSWORD", "go together");
  }

  @Test
  void aBodyTemplateWithAnUnknownPlaceholderIsRefused() {
    assertThat(errors(Map.of(), "serve", "--sms-url", "https://sms.example.com/send", "--sms-body",
        "{\"to\":\"{{mobile}}\"}")).startsWith("Invalid value for option '--sms-body'").contains("{{mobile}}");
  }

  @Test
  void aHeaderWithoutColonIsRefusedWithoutRepeatingIt() {
    assertThat(errors(Map.of("TENURE_SMS_HEADERS", "X-Api-Key secret-value"), "serve", "--sms-url",
        "https://sms.example.com/send", "--sms-body", "{\"to\":\"{{phone}}\"}"))
        .contains("TENURE_SMS_HEADERS", "'Name: value'").doesNotContain("secret-value");
  }

  @Test
  void anSmsOptionWithoutUrlIsRefused() {
    assertThat(errors(Map.of(), "serve", "--sms-body", "{\"to\":\"{{phone}}\"}"))
        .contains("--sms-body", "--sms-url is not");
  }
}
