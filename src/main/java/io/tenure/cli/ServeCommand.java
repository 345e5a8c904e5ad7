package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.Tenure;
import io.tenure.account.AccountLocale;
import io.tenure.error.InvalidInputException;
import io.tenure.payment.PaymentSettings;
import io.tenure.subscription.NoticeRoutingFile;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenure serve}: runs the HTTP API and the engine until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Runs Tenure: the HTTP API and the lifecycle engine.",
        "Every option can also be set by the environment variable named in its description; "
            + "an option on the command line wins over the variable.",
        "TENURE_OPERATOR_KEY (environment only) sets an operator API key to accept; without it the first "
            + "start prints a new operator key once.",
        "TENURE_SMTP_PASSWORD (environment only) is the password of --smtp-username."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "1:could not start (data directory or port in use, database unreachable)",
        "2:bad option or environment variable"})
final class ServeCommand implements Callable<Integer> {
  static final String OPERATOR_KEY_VARIABLE = "TENURE_OPERATOR_KEY";

  @Spec
  CommandSpec spec;

  @Mixin
  DataDirectoryOption dataDirectory;

  @Mixin
  DatabaseOptions database;

  @Mixin
  EngineOptions engine;

  @Mixin
  ChannelOptions channels;

  @Mixin
  DispatcherOptions dispatcher;

  @Mixin
  WebhookOptions webhooks;

  private static final Settings.Range PAYMENT_TIMEOUT_MILLIS = new Settings.Range(100, 120_000);

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = {"HTTP port, 0 to 65535 (0: any free port).", "Env TENURE_PORT.", "Default: ${DEFAULT-VALUE}"})
  int port;

  @Option(names = "--clock", paramLabel = "system|simulated", defaultValue = "system",
      description = {"system: real time. simulated: time stands still until POST /v1/clock/advance.",
          "Env TENURE_CLOCK.", "Default: ${DEFAULT-VALUE}"})
  String clock;

  @Option(names = "--start", paramLabel = "INSTANT",
      description = {"First instant of the simulated clock, ISO-8601 with offset (2026-01-01T00:00:00+08:00). "
          + "A restart resumes from the saved simulated time if that is later.", "Env TENURE_START.", "Default: now"})
  String start;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = Settings.DEFAULT_ZONE,
      description = {"The operator's time zone: default billing zone of new accounts and zone of instants not "
          + "tied to an account.", "Env TENURE_ZONE.", "Default: ${DEFAULT-VALUE}"})
  String zone;

  @Option(names = "--default-locale", paramLabel = "LOCALE", defaultValue = "en",
      description = {"The language of a new account's notices when it names none: en or zh-CN.",
          "Env TENURE_DEFAULT_LOCALE.", "Default: ${DEFAULT-VALUE}"})
  String defaultLocale;

  @Option(names = "--max-request-bytes", paramLabel = "BYTES", defaultValue = "8388608",
      description = {"Largest request body accepted, 1024 to 268435456 bytes; larger ones get 413.",
          "Env TENURE_MAX_REQUEST_BYTES.", "Default: ${DEFAULT-VALUE} (8 MiB)"})
  long maxRequestBytes;

  @Option(names = "--tick-interval-ms", paramLabel = "MS", defaultValue = "1000",
      description = {"With the system clock, how often the engine looks for due work, 10 to 3600000 ms.",
          "Env TENURE_TICK_INTERVAL_MS.", "Default: ${DEFAULT-VALUE}"})
  long tickIntervalMillis;

  @Option(names = "--payment-gateway", paramLabel = "sandbox", defaultValue = "sandbox",
      description = {"The payment gateway auto-recharge charges through (docs/recharge.md); Tenure ships the sandbox, "
          + "whose test payment methods succeed, decline or time out.", "Env TENURE_PAYMENT_GATEWAY.", "Default: ${DEFAULT-VALUE}"})
  String paymentGateway;

  @Option(names = "--payment-timeout-ms", paramLabel = "MS", defaultValue = "10000",
      description = {"How long one call to the payment gateway may take, 100 to 120000 ms; a later answer counts as "
          + "timed out and the call is repeated with the same idempotency key.", "Env TENURE_PAYMENT_TIMEOUT_MS.",
          "Default: ${DEFAULT-VALUE}"})
  long paymentTimeoutMillis;

  @Option(names = "--notice-routing", paramLabel = "FILE",
      description = {"The operator's notice routing: who receives each message type over which channels by default, "
          + "and the floor an account cannot go below (YAML, docs/notices.md). Loaded at start as a new version when "
          + "it differs from the newest stored.", "Env TENURE_NOTICE_ROUTING.", "Default: the routing shipped with Tenure"})
  Path noticeRouting;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = settings();
    Tenure tenure = start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      tenure.close();
      stopped.countDown();
    }, "tenure-shutdown"));
    System.out.print(OperatorKeyNotice.of(tenure.newOperatorKey(), settings.operatorKey().isPresent()));
    System.out.printf("Tenure is running on http://localhost:%d (health: /health, API description: /openapi.yaml)%n",
        tenure.port());
    // Standard output to a pipe is buffered; whoever launched Tenure is waiting for these lines now.
    System.out.flush();
    stopped.await();
    return 0;
  }

  private static Tenure start(Settings settings) {
    try {
      return Tenure.start(settings);
    } catch (RuntimeException failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof BindException) {
          throw new CommandFailure("Port " + settings.port() + " is already in use; choose another with --port "
              + "or TENURE_PORT.", failure);
        }
      }
      throw failure;
    }
  }

  Settings settings() {
    if (!clock.equals("system") && !clock.equals("simulated")) {
      throw OptionChecks.invalid(spec, "--clock", clock, "must be 'system' or 'simulated'");
    }
    OptionChecks.within(spec, "--port", port, Settings.PORT);
    OptionChecks.within(spec, "--max-request-bytes", maxRequestBytes, Settings.MAX_REQUEST_BYTES);
    OptionChecks.within(spec, "--tick-interval-ms", tickIntervalMillis, Settings.TICK_INTERVAL_MILLIS);
    database.check(spec);
    engine.check(spec);
    checkNoticeRouting();
    Optional<String> operatorKey = Environment.of(spec).get(OPERATOR_KEY_VARIABLE);
    if (operatorKey.isPresent() && operatorKey.get().length() < 16) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for environment variable " + OPERATOR_KEY_VARIABLE + ": must be at least 16 characters.");
    }
    return new Settings(port, dataDirectory.dataDirectory, database.databaseUrl(), clock.equals("simulated"),
        parseStart(), parseZone(), operatorKey, database.poolSize, maxRequestBytes, tickIntervalMillis,
        engine.engineWorkers, parseDefaultLocale(), Optional.ofNullable(noticeRouting),
        channels.channels(spec)).withDispatcher(dispatcher.dispatcher(spec))
        .withWebhooks(webhooks.webhooks(spec)).withPayments(payments());
  }

  private PaymentSettings payments() {
    if (!PaymentSettings.GATEWAYS.contains(paymentGateway)) {
      throw OptionChecks.invalid(spec, "--payment-gateway", paymentGateway, "must be one of " + PaymentSettings.GATEWAYS);
    }
    OptionChecks.within(spec, "--payment-timeout-ms", paymentTimeoutMillis, PAYMENT_TIMEOUT_MILLIS);
    return new PaymentSettings(paymentGateway, Duration.ofMillis(paymentTimeoutMillis));
  }

  private AccountLocale parseDefaultLocale() {
    return AccountLocale.ofTag(defaultLocale).orElseThrow(() ->
        OptionChecks.invalid(spec, "--default-locale", defaultLocale, "must be one of " + AccountLocale.tags()));
  }

  /** A routing file that cannot be read or is invalid is a bad option: one line naming the file's line, exit 2. */
  private void checkNoticeRouting() {
    if (noticeRouting == null) {
      return;
    }
    try {
      NoticeRoutingFile.parse(Files.readString(noticeRouting, StandardCharsets.UTF_8), noticeRouting.toString());
    } catch (IOException failure) {
      throw OptionChecks.invalid(spec, "--notice-routing", noticeRouting.toString(), "is not a readable file");
    } catch (InvalidInputException invalid) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--notice-routing': " + invalid.getMessage()
          + (invalid.getMessage().endsWith(".") ? "" : "."), spec.findOption("--notice-routing"), noticeRouting.toString());
    }
  }

  private Instant parseStart() {
    if (start == null || start.isBlank()) {
      return Instant.now();
    }
    try {
      return OffsetDateTime.parse(start).toInstant();
    } catch (DateTimeParseException failure) {
      throw OptionChecks.invalid(spec, "--start", start, "must be ISO-8601 with an offset, like 2026-01-01T00:00:00+08:00");
    }
  }

  private ZoneId parseZone() {
    try {
      return ZoneId.of(zone);
    } catch (RuntimeException failure) {
      throw OptionChecks.invalid(spec, "--zone", zone, "must be a time zone id like Asia/Shanghai or UTC");
    }
  }
}
