package io.tenure;

import io.tenure.account.AccountChanges;
import io.tenure.account.AccountRoutes;
import io.tenure.account.AccountStore;
import io.tenure.account.ApiKeyRoutes;
import io.tenure.account.ApiKeys;
import io.tenure.api.Admission;
import io.tenure.api.ApiServer;
import io.tenure.api.Idempotency;
import io.tenure.api.Routes;
import io.tenure.api.SystemRoutes;
import io.tenure.billing.BillRoutes;
import io.tenure.catalog.CatalogRoutes;
import io.tenure.clock.ClockRoutes;
import io.tenure.clock.ClockStore;
import io.tenure.clock.OperatorZone;
import io.tenure.clock.Scheduler;
import io.tenure.clock.TenureClock;
import io.tenure.console.Console;
import io.tenure.console.SessionStore;
import io.tenure.delivery.DeliveryRoutes;
import io.tenure.delivery.DeliveryStore;
import io.tenure.delivery.Dispatcher;
import io.tenure.delivery.FanOut;
import io.tenure.delivery.SmsGatewayChannel;
import io.tenure.delivery.SmtpChannel;
import io.tenure.engine.LifecycleEngine;
import io.tenure.hold.EntitlementStore;
import io.tenure.hold.HoldRoutes;
import io.tenure.hold.HoldStore;
import io.tenure.hold.Holding;
import io.tenure.ledger.LedgerRoutes;
import io.tenure.notify.InAppContent;
import io.tenure.notify.MessageRoutes;
import io.tenure.partner.PartnerAccounts;
import io.tenure.partner.PartnerRoutes;
import io.tenure.payment.BalanceWatch;
import io.tenure.resource.PaygResources;
import io.tenure.resource.Purchasing;
import io.tenure.resource.ResourceRoutes;
import io.tenure.resource.ResourceOutlook;
import io.tenure.resource.ResourceOutlookRoutes;
import io.tenure.resource.ResourceOutlookStore;
import io.tenure.resource.ResourcesAtRisk;
import io.tenure.store.Database;
import io.tenure.subscription.Channel;
import io.tenure.subscription.NoticeRoutingFile;
import io.tenure.subscription.NoticeRoutings;
import io.tenure.subscription.SubscriptionRoutes;
import io.tenure.subscription.SubscriptionStore;
import io.tenure.usage.UsageIngest;
import io.tenure.usage.UsageListing;
import io.tenure.usage.UsagePartitions;
import io.tenure.usage.UsageRoutes;
import io.tenure.webhook.WebhookReleases;
import io.tenure.webhook.WebhookRoutes;
import io.tenure.webhook.Webhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Tenure: the database, the clock and scheduler, every capability, and the HTTP API, wired by
 * hand in one place. {@link #close()} stops all of it.
 */
public final class Tenure implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Tenure.class);

  private final Database database;
  private final Scheduler scheduler;
  private final ApiServer server;
  private final Routes routes;
  private final Optional<String> newOperatorKey;
  private final Optional<Dispatcher> dispatcher;
  private final Webhooks webhooks;

  private Tenure(Database database, Scheduler scheduler, ApiServer server, Routes routes, Optional<String> newOperatorKey,
      Optional<Dispatcher> dispatcher, Webhooks webhooks) {
    this.database = database;
    this.dispatcher = dispatcher;
    this.webhooks = webhooks;
    this.scheduler = scheduler;
    this.server = server;
    this.routes = routes;
    this.newOperatorKey = newOperatorKey;
  }

  /** Opens the database (embedded unless a URL is set), migrates it, and starts serving. */
  public static Tenure start(Settings settings) {
    OperatorZone.set(settings.zone());
    Database database = settings.databaseUrl()
        .map(url -> Database.connect(url, settings.poolSize()))
        .orElseGet(() -> Database.embedded(settings.dataDirectory(), settings.poolSize(), settings.zone()));
    try {
      Jdbi jdbi = database.jdbi();
      ClockStore clockStore = new ClockStore(jdbi);
      TenureClock clock = settings.simulatedClock() ? Scheduler.resumedClock(clockStore, settings.start()) : TenureClock.system();
      Scheduler scheduler = new Scheduler(clock, clockStore);
      ApiKeys keys = new ApiKeys(jdbi, clock);
      Optional<String> newOperatorKey = keys.bootstrapOperatorKey(settings.operatorKey());
      Capabilities capabilities = Capabilities.wire(jdbi, clock);
      NoticeRoutings noticeRoutings = noticeRoutings(jdbi, settings, clock);
      LifecycleEngine engine = capabilities.lifecycleEngine(settings.engineWorkers(), settings.payments().gatewayWithDeadline());
      scheduler.register(engine);
      // After the engine, so that a tick settles what is due before old days of usage are looked at.
      UsagePartitions usagePartitions = new UsagePartitions(jdbi);
      scheduler.register(usagePartitions);

      // What fell due while no Tenure ran is processed before the first call is accepted.
      scheduler.catchUp(settings.start());
      DeliveryStore deliveries = new DeliveryStore();
      Routes routes = routes(database, keys, scheduler, capabilities, engine, settings, deliveries::inAppTexts);
      new SubscriptionRoutes(jdbi, accountRoutes(capabilities, settings), noticeRoutings, new SubscriptionStore(), clock)
          .register(routes);
      DeliveryRoutes.register(routes, jdbi, deliveries);
      Webhooks webhooks = new Webhooks(jdbi, capabilities.catalogs(), new WebhookReleases(capabilities.catalogs()),
          settings.webhooks(), InstantSource.system());
      WebhookRoutes.register(routes, webhooks);
      UsageRoutes.register(routes, new UsageIngest(jdbi, capabilities.catalogs(), clock, usagePartitions));
      UsageRoutes.registerListings(routes, jdbi, new UsageListing(capabilities.catalogs(), new PaygResources(capabilities.resourceStore())),
          accountRoutes(capabilities, settings), capabilities.resourceStore(), clock);
      SessionStore consoleSessions = new SessionStore(jdbi, InstantSource.system());
      routes.admitKeyedCalls(Admission.fair(settings.poolSize(), Database.CONNECTION_WAIT));
      ApiServer server = ApiServer.start(routes, keys, settings.port(), settings.maxRequestBytes(),
          pages -> Console.register(pages, consoleSessions, keys));
      scheduler.start(settings.tickIntervalMillis());
      Optional<Dispatcher> dispatcher = dispatcher(settings, capabilities, noticeRoutings, deliveries);
      webhooks.start();
      LOG.info("tenure - started with the {} clock, now {}", clock.isSimulated() ? "simulated" : "system",
          OperatorZone.iso(clock.now()));
      return new Tenure(database, scheduler, server, routes, newOperatorKey, dispatcher, webhooks);
    } catch (RuntimeException failure) {
      database.close();
      throw failure;
    }
  }

  /** Every capability's routes. */
  private static Routes routes(Database database, ApiKeys keys, Scheduler scheduler, Capabilities capabilities,
      AccountChanges accountChanges, Settings settings, InAppContent inAppContent) {
    Jdbi jdbi = capabilities.jdbi();
    TenureClock clock = capabilities.clock();
    AccountStore accountStore = capabilities.accountStore();
    Idempotency idempotency = new Idempotency(jdbi, clock);
    AccountRoutes accounts = accountRoutes(capabilities, settings);

    // Another Tenure on the same database may have moved the simulated clock since this one last looked.
    Routes routes = new Routes().beforeKeyedCall(scheduler::follow);
    SystemRoutes.register(routes, database);
    ApiKeyRoutes.register(routes, keys, new ApiKeyRoutes.ScopeOwners() {
      @Override
      public boolean partnerExists(String partnerId) {
        return jdbi.withHandle(handle -> accountStore.partnerExists(handle, partnerId));
      }

      @Override
      public boolean accountExists(String accountId) {
        return jdbi.withHandle(handle -> accountStore.find(handle, accountId)).isPresent();
      }
    });
    ClockRoutes.register(routes, scheduler, settings.zone());
    accounts.register(routes);
    new PartnerRoutes(jdbi, accounts, new PartnerAccounts(accountStore, capabilities.ledger(),
        new ResourcesAtRisk(capabilities.resourceStore()), new BalanceWatch(capabilities.bills(), capabilities.notices())), clock)
        .register(routes);
    new LedgerRoutes(jdbi, capabilities.ledger(), accounts, idempotency, clock, accountChanges, capabilities.afterTopUp()).register(routes);
    BillRoutes.register(routes, jdbi, capabilities.bills(), accounts);
    MessageRoutes.register(routes, jdbi, capabilities.catalogs(), accounts, inAppContent);
    CatalogRoutes.register(routes, capabilities.catalogs());
    HoldStore holds = new HoldStore();
    Purchasing purchasing = new Purchasing(capabilities.catalogs(), capabilities.resourceStore(), capabilities.ledger(),
        capabilities.bills(), holds);
    new ResourceRoutes(jdbi, accountStore, accounts, capabilities.resourceStore(), purchasing, capabilities.renewing(),
        capabilities.changing(), capabilities.writes(), idempotency, capabilities.providerCommands(), clock, accountChanges,
        capabilities.catalogs())
        .register(routes);
    new ResourceOutlookRoutes(jdbi, new ResourceOutlook(new ResourceOutlookStore(capabilities.resourceStore()),
        capabilities.renewing(), capabilities.ledger()), clock, settings.zone()).register(routes);
    Holding holding = new Holding(holds, capabilities.resourceStore(), capabilities.catalogs(), capabilities.notices(),
        capabilities.providerCommands());
    new HoldRoutes(jdbi, accounts, capabilities.resourceStore(), holds, holding, new EntitlementStore(capabilities.resourceStore()),
        capabilities.catalogs(), idempotency, accountChanges, clock).register(routes);
    return routes;
  }

  private static AccountRoutes accountRoutes(Capabilities capabilities, Settings settings) {
    return new AccountRoutes(capabilities.jdbi(), capabilities.accountStore(), capabilities.ledger(), capabilities.catalogs(),
        capabilities.clock(), settings.zone(), settings.defaultLocale());
  }

  /** The dispatcher of this process, started, unless the settings turn it off. */
  private static Optional<Dispatcher> dispatcher(Settings settings, Capabilities capabilities, NoticeRoutings routings,
      DeliveryStore deliveries) {
    if (!settings.dispatcher().enabled()) {
      return Optional.empty();
    }
    FanOut fanOut = new FanOut(capabilities.jdbi(), capabilities.notices(), capabilities.accountStore(), new SubscriptionStore(),
        routings, capabilities.catalogs(), deliveries, InstantSource.system());
    // Asked once per sending thread: each gets connections of its own (an SMTP connection carries one message at a time).
    Supplier<Map<Channel, io.tenure.delivery.Channel>> channels = () -> {
      Map<Channel, io.tenure.delivery.Channel> ofSender = new EnumMap<>(Channel.class);
      settings.channels().email().ifPresent(email -> ofSender.put(Channel.EMAIL, new SmtpChannel(email)));
      settings.channels().sms().ifPresent(sms -> ofSender.put(Channel.SMS, new SmsGatewayChannel(sms)));
      return ofSender;
    };
    Dispatcher dispatcher = new Dispatcher(capabilities.jdbi(), fanOut, deliveries, channels, settings.dispatcher(),
        InstantSource.system());
    dispatcher.start();
    return Optional.of(dispatcher);
  }

  /** The operator's routing file, else the one shipped; a file that cannot be read or is invalid stops the start. */
  private static NoticeRoutings noticeRoutings(Jdbi jdbi, Settings settings, TenureClock clock) {
    if (settings.noticeRouting().isEmpty()) {
      return NoticeRoutings.load(jdbi, NoticeRoutingFile.builtInSource(), "routing.yaml (built in)", clock.now());
    }
    Path file = settings.noticeRouting().get();
    try {
      return NoticeRoutings.load(jdbi, Files.readString(file, StandardCharsets.UTF_8), file.toString(), clock.now());
    } catch (IOException failure) {
      throw new UncheckedIOException("The notice routing file " + file + " cannot be read: " + failure.getMessage(), failure);
    }
  }

  public int port() {
    return server.port();
  }

  /** Every route served, for the test that keeps openapi.yaml in step. */
  public Routes routes() {
    return routes;
  }

  public Database database() {
    return database;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  /** The operator key made by this start, present only on the very first start without a configured key. */
  public Optional<String> newOperatorKey() {
    return newOperatorKey;
  }

  @Override
  public void close() {
    dispatcher.ifPresent(Dispatcher::close);
    webhooks.close();
    scheduler.close();
    server.close();
    database.close();
  }
}
