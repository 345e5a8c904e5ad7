package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.delivery.SmsBodyTemplate;
import io.tenure.delivery.SmsGatewaySettings;
import io.tenure.delivery.SmsSuccessRule;
import io.tenure.error.Echo;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The SMS gateway's options ({@code --sms-*}); without {@code --sms-url} no SMS is sent. */
final class SmsOptions {
  private static final Settings.Range TIMEOUT_MILLIS = new Settings.Range(100, 300_000);

  @Option(names = "--sms-url", paramLabel = "URL",
      description = {"HTTP gateway for SMS notices; without it no SMS is sent.", "Env TENURE_SMS_URL.",
          "Default: none (no SMS)"})
  String url;

  @Option(names = "--sms-method", paramLabel = "POST|GET", defaultValue = "POST",
      description = {"POST sends the body template as the body; GET sends it, as a form, as the URL's query.",
          "Env TENURE_SMS_METHOD.", "Default: ${DEFAULT-VALUE}"})
  String method;

  @Option(names = "--sms-header", paramLabel = "'NAME: VALUE'", split = "\\r?\\n",
      description = {"A header of every SMS request, such as an API key; repeat the option for more. In the "
          + "variable, one header per line.", "Env TENURE_SMS_HEADERS.", "Default: none"})
  List<String> headers;

  @Option(names = "--sms-body", paramLabel = "TEMPLATE",
      description = {"Body template with {{phone}}, {{text}}, {{deliveryKey}}, {{param.NAME}} and {{parameters}}; "
          + "required when an SMS URL is set. See docs/notices.md.", "Env TENURE_SMS_BODY.", "Default: none"})
  String body;

  @Option(names = "--sms-body-format", paramLabel = "json|form", defaultValue = "json",
      description = {"json: the template is a JSON object whose string values hold the placeholders. form: "
          + "name=value pairs joined by &.", "Env TENURE_SMS_BODY_FORMAT.", "Default: ${DEFAULT-VALUE}"})
  String bodyFormat;

  @Option(names = "--sms-success-status", paramLabel = "STATUSES", defaultValue = "2xx",
      description = {"HTTP statuses that mean sent, like 2xx or 200,202.", "Env TENURE_SMS_SUCCESS_STATUS.",
          "Default: ${DEFAULT-VALUE}"})
  String successStatus;

  @Option(names = "--sms-success-field", paramLabel = "PATH=VALUE",
      description = {"A field of the JSON answer and its value that mean sent, like Code=OK.",
          "Env TENURE_SMS_SUCCESS_FIELD.", "Default: none (the status alone decides)"})
  String successField;

  @Option(names = "--sms-message-id-field", paramLabel = "PATH",
      description = {"The field of the JSON answer that holds the gateway's message id, like BizId.",
          "Env TENURE_SMS_MESSAGE_ID_FIELD.", "Default: none"})
  String messageIdField;

  @Option(names = "--sms-retryable-codes", paramLabel = "CODES",
      description = {"Values of the success field, comma-separated, that mean 'try again later' (throttling).",
          "Env TENURE_SMS_RETRYABLE_CODES.", "Default: none"})
  String retryableCodes;

  @Option(names = "--sms-timeout-ms", paramLabel = "MS", defaultValue = "10000",
      description = {"Longest wait to connect to the gateway and for its answer, 100 to 300000 ms.",
          "Env TENURE_SMS_TIMEOUT_MS.", "Default: ${DEFAULT-VALUE}"})
  long timeoutMillis;

  Optional<SmsGatewaySettings> sms(CommandSpec spec) {
    if (url == null || url.isBlank()) {
      for (String option : new String[] {"--sms-header", "--sms-body", "--sms-success-field"}) {
        if (spec.findOption(option).getValue() != null) {
          throw OptionChecks.invalid(spec, option, "(set)", "is set but --sms-url is not");
        }
      }
      return Optional.empty();
    }
    OptionChecks.within(spec, "--sms-timeout-ms", timeoutMillis, TIMEOUT_MILLIS);
    String upperMethod = method.strip().toUpperCase(Locale.ROOT);
    if (!upperMethod.equals("POST") && !upperMethod.equals("GET")) {
      throw OptionChecks.invalid(spec, "--sms-method", method, "must be POST or GET");
    }
    try {
      return Optional.of(new SmsGatewaySettings(upperMethod, uri(spec), headers(spec), template(spec),
          successRule(spec), Duration.ofMillis(timeoutMillis)));
    } catch (IllegalArgumentException refused) {
      throw new ParameterException(spec.commandLine(), refused.getMessage());
    }
  }

  private URI uri(CommandSpec spec) {
    try {
      return new URI(url.strip());
    } catch (URISyntaxException malformed) {
      throw OptionChecks.invalid(spec, "--sms-url", Echo.of(url), "must be an http or https URL");
    }
  }

  private Map<String, String> headers(CommandSpec spec) {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String header : headers == null ? List.<String>of() : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        // The value is not repeated: headers often hold keys.
        throw OptionChecks.invalid(spec, "--sms-header", "(hidden)", "must read 'Name: value'");
      }
      parsed.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    return parsed;
  }

  private SmsBodyTemplate template(CommandSpec spec) {
    if (body == null || body.isBlank()) {
      throw OptionChecks.invalid(spec, "--sms-body", "", "is required with --sms-url");
    }
    SmsBodyTemplate.Format format = switch (bodyFormat.strip().toLowerCase(Locale.ROOT)) {
      case "json" -> SmsBodyTemplate.Format.JSON;
      case "form" -> SmsBodyTemplate.Format.FORM;
      default -> throw OptionChecks.invalid(spec, "--sms-body-format", bodyFormat, "must be json or form");
    };
    try {
      return SmsBodyTemplate.parse(format, body);
    } catch (IllegalArgumentException refused) {
      throw OptionChecks.invalid(spec, "--sms-body", Echo.of(body), refused.getMessage());
    }
  }

  private SmsSuccessRule successRule(CommandSpec spec) {
    Optional<String> field = Optional.empty();
    Optional<String> value = Optional.empty();
    if (successField != null && !successField.isBlank()) {
      int equals = successField.indexOf('=');
      if (equals <= 0) {
        throw OptionChecks.invalid(spec, "--sms-success-field", successField, "must read PATH=VALUE, like Code=OK");
      }
      field = Optional.of(successField.substring(0, equals).strip());
      value = Optional.of(successField.substring(equals + 1).strip());
    }
    Set<String> codes = retryableCodes == null ? Set.of() : Arrays.stream(retryableCodes.split(","))
        .map(String::strip).filter(code -> !code.isEmpty()).collect(Collectors.toSet());
    try {
      return new SmsSuccessRule(successStatus, field, value,
          Optional.ofNullable(messageIdField).filter(path -> !path.isBlank()), codes);
    } catch (IllegalArgumentException refused) {
      throw OptionChecks.invalid(spec, "--sms-success-status", successStatus,
          "must be HTTP statuses like 2xx or 200,202");
    }
  }
}
