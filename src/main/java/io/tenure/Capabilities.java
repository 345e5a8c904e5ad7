package io.tenure;

import io.tenure.account.AccountStore;
import io.tenure.billing.BillStore;
import io.tenure.catalog.Catalogs;
import io.tenure.clock.Pace;
import io.tenure.clock.TenureClock;
import io.tenure.engine.Arrears;
import io.tenure.engine.AutoRenewing;
import io.tenure.engine.GroupExpiry;
import io.tenure.engine.LifecycleEngine;
import io.tenure.engine.Settling;
import io.tenure.ledger.AfterTopUp;
import io.tenure.ledger.Ledger;
import io.tenure.notify.Notices;
import io.tenure.payment.BalanceWatch;
import io.tenure.payment.PaymentGateway;
import io.tenure.payment.Recharges;
import io.tenure.payment.SandboxGateway;
import io.tenure.provider.ProviderCommands;
import io.tenure.resource.AccountsDue;
import io.tenure.resource.Changing;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.PaygResources;
import io.tenure.resource.Renewing;
import io.tenure.resource.ResourceStore;
import io.tenure.usage.UsageSettlements;
import io.tenure.webhook.WebhookReleases;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The capabilities that work on one database with one clock (catalog, ledger, resources, the lifecycle
 * engine), wired by hand in one place so that {@link Tenure}, {@code tenure bench} and the engine's tests
 * build the very same engine. Thread-safe once built.
 *
 * @param writes makes the per-transaction collector of lifecycle writes
 */
public record Capabilities(Jdbi jdbi, TenureClock clock, Catalogs catalogs, Ledger ledger, BillStore bills,
    AccountStore accountStore, ResourceStore resourceStore, Notices notices, ProviderCommands providerCommands, Supplier<LifecycleWrites> writes,
    Renewing renewing, Changing changing, AutoRenewing autoRenewing) {

  /** Wires every capability on {@code jdbi} and {@code clock}; on an empty database this loads the demo catalog. */
  public static Capabilities wire(Jdbi jdbi, TenureClock clock) {
    Catalogs catalogs = new Catalogs(jdbi, clock);
    Ledger ledger = new Ledger();
    BillStore bills = new BillStore();
    ResourceStore resourceStore = new ResourceStore(catalogs);
    Notices notices = new Notices(clock);
    ProviderCommands providerCommands = new ProviderCommands(new WebhookReleases(catalogs));
    Supplier<LifecycleWrites> writes = () -> new LifecycleWrites(notices, providerCommands);
    Renewing renewing = new Renewing(catalogs, resourceStore, ledger, bills);
    Changing changing = new Changing(catalogs, resourceStore, ledger, bills);
    AutoRenewing autoRenewing = new AutoRenewing(resourceStore, renewing, ledger);
    return new Capabilities(jdbi, clock, catalogs, ledger, bills, new AccountStore(), resourceStore, notices, providerCommands, writes,
        renewing, changing, autoRenewing);
  }

  /**
   * A new lifecycle engine over these capabilities with {@code workers} concurrent workers, each claiming
   * accounts with about {@link LifecycleEngine#BATCH_SIZE} due resources per transaction; the engine is also the
   * way into every change of an account ({@link io.tenure.account.AccountChanges}).
   */
  public LifecycleEngine lifecycleEngine(int workers) {
    return lifecycleEngine(workers, new SandboxGateway());
  }

  /** {@link #lifecycleEngine(int)} whose auto-recharges charge through {@code gateway}. */
  public LifecycleEngine lifecycleEngine(int workers, PaymentGateway gateway) {
    Settling settling = new Settling(catalogs, accountStore, new PaygResources(resourceStore), new UsageSettlements(), bills, ledger,
        arrears());
    BalanceWatch balanceWatch = new BalanceWatch(bills, notices);
    Recharges recharges = new Recharges(jdbi, accountStore, balanceWatch, ledger, notices, gateway, afterTopUp(),
        (handle, accountId) -> {
          AccountsDue.refresh(handle, accountId);
          balanceWatch.pendingRecharges(handle, List.of(accountId));
        });
    return new LifecycleEngine(jdbi, catalogs, accountStore, resourceStore, writes, autoRenewing,
        new GroupExpiry(resourceStore, changing), providerCommands, settling, LifecycleEngine.BATCH_SIZE, workers, Pace.of(clock),
        balanceWatch, recharges);
  }

  /** An account's arrears: begun by the hourly settlement, ended by a payment ({@link Arrears#endIfPaid}). */
  public Arrears arrears() {
    return new Arrears(accountStore, new PaygResources(resourceStore), ledger);
  }

  /**
   * What every top-up runs in its transaction once the money is in (an API top-up and an auto-recharge alike), at
   * the top-up's instant: first ends the arrears it pays (restoring the resources), then retries the account's due
   * auto-renewals with what is left.
   */
  public List<AfterTopUp> afterTopUp() {
    Arrears arrears = arrears();
    AfterTopUp endArrears = (handle, account, at, seen) -> {
      // Restoring resources charges nothing.
      arrears.endIfPaid(handle, account, at, writes.get());
      return false;
    };
    AfterTopUp retryAutoRenewals = (handle, account, at, seen) -> {
      if (!seen.autoRenewing()) {
        return false;
      }
      LifecycleWrites batch = writes.get();
      boolean changed = autoRenewing.retryAfterTopUp(handle, account, at, batch);
      batch.flush(handle);
      return changed;
    };
    return List.of(endArrears, retryAutoRenewals);
  }
}
