package io.tenure;

import io.tenure.account.AccountLocale;
import io.tenure.delivery.DeliveryChannels;
import io.tenure.delivery.DispatcherSettings;
import io.tenure.webhook.WebhookSettings;
import io.tenure.error.Require;
import io.tenure.payment.PaymentSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Everything Tenure is started with, validated once: a bad value stops the start with a message that
 * names the option and the value. See docs/configuration.md for each setting's unit, default and bounds.
 *
 * @param port HTTP port, 0 for any free port
 * @param dataDirectory where the embedded PostgreSQL keeps its files
 * @param databaseUrl an external PostgreSQL; when present, no embedded server is started
 * @param simulatedClock whether time moves only by the clock API
 * @param start the simulated clock's first instant
 * @param zone the operator's time zone: default billing zone of accounts and zone of shown instants
 * @param operatorKey an operator API key to accept, instead of printing a generated one
 * @param poolSize database connections
 * @param maxRequestBytes the largest request body accepted
 * @param tickIntervalMillis how often due work is looked for with the system clock
 * @param engineWorkers concurrent workers of the lifecycle engine in this process
 * @param defaultLocale the language of a new account's notices when it names none
 * @param noticeRouting the operator's notice routing file; when absent, the routing shipped with Tenure applies
 * @param channels the outbound channels of notices (e-mail, SMS) the operator configured; none by default
 * @param dispatcher whether and how this process fans notices out and delivers them; on by default
 * @param webhooks whether and how this process fans provider commands out to webhook endpoints and delivers them
 * @param payments the payment gateway auto-recharge charges through, and its deadline
 */
public record Settings(
    int port,
    Path dataDirectory,
    Optional<String> databaseUrl,
    boolean simulatedClock,
    Instant start,
    ZoneId zone,
    Optional<String> operatorKey,
    int poolSize,
    long maxRequestBytes,
    long tickIntervalMillis,
    int engineWorkers,
    AccountLocale defaultLocale,
    Optional<Path> noticeRouting,
    DeliveryChannels channels,
    DispatcherSettings dispatcher,
    WebhookSettings webhooks,
    PaymentSettings payments) {

  /** The operator's zone when none is given. */
  public static final String DEFAULT_ZONE = "Asia/Shanghai";
  public static final Range PORT = new Range(0, 65_535);
  public static final Range POOL_SIZE = new Range(2, 200);
  public static final Range MAX_REQUEST_BYTES = new Range(1024, 256L << 20);
  public static final Range TICK_INTERVAL_MILLIS = new Range(10, 3_600_000);
  public static final Range ENGINE_WORKERS = new Range(1, 16);

  /** The bounds of a numeric setting, both included; the command line checks its options against the same ones. */
  public record Range(long min, long max) {
    public boolean contains(long value) {
      return value >= min && value <= max;
    }

    /** The rule in words, for example {@code must be between 2 and 200}. */
    public String rule() {
      return "must be between " + min + " and " + max;
    }
  }

  /**
   * Settings whose new accounts speak {@link AccountLocale#DEFAULT}, with the notice routing shipped with Tenure and
   * no outbound channels (tests, benchmarks).
   */
  public Settings(int port, Path dataDirectory, Optional<String> databaseUrl, boolean simulatedClock, Instant start,
      ZoneId zone, Optional<String> operatorKey, int poolSize, long maxRequestBytes, long tickIntervalMillis,
      int engineWorkers) {
    this(port, dataDirectory, databaseUrl, simulatedClock, start, zone, operatorKey, poolSize, maxRequestBytes,
        tickIntervalMillis, engineWorkers, AccountLocale.DEFAULT, Optional.empty(), DeliveryChannels.NONE);
  }

  /** Settings with the dispatcher's defaults. */
  public Settings(int port, Path dataDirectory, Optional<String> databaseUrl, boolean simulatedClock, Instant start,
      ZoneId zone, Optional<String> operatorKey, int poolSize, long maxRequestBytes, long tickIntervalMillis,
      int engineWorkers, AccountLocale defaultLocale, Optional<Path> noticeRouting, DeliveryChannels channels) {
    this(port, dataDirectory, databaseUrl, simulatedClock, start, zone, operatorKey, poolSize, maxRequestBytes,
        tickIntervalMillis, engineWorkers, defaultLocale, noticeRouting, channels, DispatcherSettings.DEFAULT,
        WebhookSettings.DEFAULT, PaymentSettings.DEFAULT);
  }

  /** These settings with other outbound channels. */
  public Settings withChannels(DeliveryChannels newChannels) {
    return new Settings(port, dataDirectory, databaseUrl, simulatedClock, start, zone, operatorKey, poolSize, maxRequestBytes,
        tickIntervalMillis, engineWorkers, defaultLocale, noticeRouting, newChannels, dispatcher, webhooks, payments);
  }

  /** These settings with another dispatcher. */
  public Settings withDispatcher(DispatcherSettings newDispatcher) {
    return new Settings(port, dataDirectory, databaseUrl, simulatedClock, start, zone, operatorKey, poolSize, maxRequestBytes,
        tickIntervalMillis, engineWorkers, defaultLocale, noticeRouting, channels, newDispatcher, webhooks, payments);
  }

  /** These settings with other webhook deliveries. */
  public Settings withWebhooks(WebhookSettings newWebhooks) {
    return new Settings(port, dataDirectory, databaseUrl, simulatedClock, start, zone, operatorKey, poolSize, maxRequestBytes,
        tickIntervalMillis, engineWorkers, defaultLocale, noticeRouting, channels, dispatcher, newWebhooks, payments);
  }

  /** These settings with another payment gateway or deadline. */
  public Settings withPayments(PaymentSettings newPayments) {
    return new Settings(port, dataDirectory, databaseUrl, simulatedClock, start, zone, operatorKey, poolSize, maxRequestBytes,
        tickIntervalMillis, engineWorkers, defaultLocale, noticeRouting, channels, dispatcher, webhooks, newPayments);
  }

  public Settings {
    check(PORT.contains(port), "port", PORT.rule(), port);
    check(POOL_SIZE.contains(poolSize), "database pool size", POOL_SIZE.rule(), poolSize);
    check(MAX_REQUEST_BYTES.contains(maxRequestBytes), "max request bytes", MAX_REQUEST_BYTES.rule(), maxRequestBytes);
    check(TICK_INTERVAL_MILLIS.contains(tickIntervalMillis), "tick interval", TICK_INTERVAL_MILLIS.rule() + " milliseconds",
        tickIntervalMillis);
    check(ENGINE_WORKERS.contains(engineWorkers), "engine workers", ENGINE_WORKERS.rule(), engineWorkers);
    check(operatorKey.map(key -> key.length() >= 16).orElse(true), "operator key",
        "must be at least 16 characters", "(hidden)");
    Require.present(dataDirectory, "data directory");
    Require.present(start, "start");
    Require.present(zone, "zone");
    Require.present(defaultLocale, "default locale");
    Require.present(noticeRouting, "notice routing");
    Require.present(channels, "channels");
    Require.present(dispatcher, "dispatcher");
    Require.present(webhooks, "webhooks");
    Require.present(payments, "payments");
  }

  private static void check(boolean valid, String setting, String rule, Object value) {
    if (!valid) {
      throw new IllegalArgumentException("Invalid " + setting + " '" + value + "': " + rule + ".");
    }
  }
}
