package io.tenure.cli;

import io.tenure.Settings;
import io.tenure.Tenure;
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
            + "start prints a new operator key once."})
final class ServeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Mixin
  EngineOptions engine;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:TENURE_PORT:-8080}",
      description = "HTTP port, 0 to 65535 (0: any free port). Env TENURE_PORT. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--clock", paramLabel = "system|simulated", defaultValue = "${env:TENURE_CLOCK:-system}",
      description = "system: real time. simulated: time stands still until POST /v1/clock/advance. "
          + "Env TENURE_CLOCK. Default: ${DEFAULT-VALUE}.")
  String clock;

  @Option(names = "--start", paramLabel = "INSTANT", defaultValue = "${env:TENURE_START}",
      description = "First instant of the simulated clock, ISO-8601 with offset (2026-01-01T00:00:00+08:00). "
          + "A restart resumes from the saved simulated time if that is later. Env TENURE_START. Default: now.")
  String start;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "${env:TENURE_ZONE:-Asia/Shanghai}",
      description = "The operator's time zone: default billing zone of new accounts and zone of instants not "
          + "tied to an account. Env TENURE_ZONE. Default: ${DEFAULT-VALUE}.")
  String zone;

  @Option(names = "--max-request-bytes", paramLabel = "BYTES",
      defaultValue = "${env:TENURE_MAX_REQUEST_BYTES:-8388608}",
      description = "Largest request body accepted, 1024 to 268435456 bytes; larger ones get 413. "
          + "Env TENURE_MAX_REQUEST_BYTES. Default: ${DEFAULT-VALUE}.")
  long maxRequestBytes;

  @Option(names = "--tick-interval-ms", paramLabel = "MS", defaultValue = "${env:TENURE_TICK_INTERVAL_MS:-1000}",
      description = "With the system clock, how often the engine looks for due work, 10 to 3600000 ms. "
          + "Env TENURE_TICK_INTERVAL_MS. Default: ${DEFAULT-VALUE}.")
  long tickIntervalMillis;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = settings();
    Tenure tenure = Tenure.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      tenure.close();
      stopped.countDown();
    }, "tenure-shutdown"));
    tenure.newOperatorKey().ifPresent(key -> System.out.printf("%n"
        + "  Operator API key (shown once, keep it safe): %s%n"
        + "  Use it as 'Authorization: Bearer %s'.%n%n", key, key));
    System.out.printf("Tenure is running on http://localhost:%d (health: /health, API description: /openapi.yaml)%n",
        tenure.port());
    // Standard output to a pipe is buffered; whoever launched Tenure is waiting for these lines now.
    System.out.flush();
    stopped.await();
    return 0;
  }

  Settings settings() {
    if (!clock.equals("system") && !clock.equals("simulated")) {
      throw invalid("--clock", clock, "must be 'system' or 'simulated'");
    }
    try {
      return new Settings(port, database.dataDirectory, database.databaseUrl(), clock.equals("simulated"),
          parseStart(), parseZone(), Optional.ofNullable(System.getenv("TENURE_OPERATOR_KEY")).filter(k -> !k.isBlank()),
          database.poolSize, maxRequestBytes, tickIntervalMillis, engine.engineWorkers);
    } catch (IllegalArgumentException failure) {
      throw new ParameterException(spec.commandLine(), failure.getMessage());
    }
  }

  private Instant parseStart() {
    if (start == null || start.isBlank()) {
      return Instant.now();
    }
    try {
      return OffsetDateTime.parse(start).toInstant();
    } catch (DateTimeParseException failure) {
      throw invalid("--start", start, "must be ISO-8601 with an offset, like 2026-01-01T00:00:00+08:00");
    }
  }

  private ZoneId parseZone() {
    try {
      return ZoneId.of(zone);
    } catch (RuntimeException failure) {
      throw invalid("--zone", zone, "must be a time zone id like Asia/Shanghai or UTC");
    }
  }

  private ParameterException invalid(String option, String value, String rule) {
    return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': '" + value + "' " + rule + ".");
  }
}
