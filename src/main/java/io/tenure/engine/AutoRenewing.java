package io.tenure.engine;

import io.tenure.account.Account;
import io.tenure.clock.OperatorZone;
import io.tenure.error.TenureException;
import io.tenure.ledger.Ledger;
import io.tenure.lifecycle.Effect;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.NoticeType;
import io.tenure.lifecycle.Phase;
import io.tenure.money.Money;
import io.tenure.notify.Notice;
import io.tenure.notify.NoticeAmounts;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.Renewing;
import io.tenure.resource.ResourceRecord;
import io.tenure.resource.ResourceStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto-renewal (SPEC.md section 5): the daily balance check from D-7 to D and through grace and frozen, the
 * renewal on the expiry date (or at once after it) when the balance suffices, an insufficient-balance notice
 * at most once a day when it does not (naming the renewal price and the balance, stored with the notice), and
 * a retry as soon as the account is topped up.
 */
public final class AutoRenewing {
  private static final Logger LOG = LoggerFactory.getLogger(AutoRenewing.class);
  static final NoticeType INSUFFICIENT_BALANCE_NOTICE = NoticeType.AUTO_RENEW_INSUFFICIENT_BALANCE;

  private final ResourceStore resources;
  private final Renewing renewing;
  private final Ledger ledger;

  public AutoRenewing(ResourceStore resources, Renewing renewing, Ledger ledger) {
    this.resources = resources;
    this.renewing = renewing;
    this.ledger = ledger;
  }

  /** The engine's daily check on {@code resource} (locked); returns it as it is afterwards. */
  ResourceRecord check(Handle handle, ResourceRecord resource, Effect.TryAutoRenew check, LifecycleWrites writes,
      RenewalQuotes quotes) {
    ResourceRecord after = resource.lifecycle().autoRenew().enabled()
        ? attempt(handle, resource, check.at(), check.renewWhenFunded(), writes, quotes)
        : resource;
    if (after == resource) {
      // Not renewed: the overdue reminder held back for this decision goes out now.
      writes.add(resource, Lifecycle.reminderUnlessRenewed(resource.lifecycle(), check));
    }
    return after;
  }

  /**
   * After a top-up: retries every auto-renewal of the account that is due now (from the expiry date on, or
   * in grace or frozen). Runs in the top-up's transaction, inside {@link io.tenure.account.AccountChanges#change}: the
   * account is locked and caught up, so nothing due is left that the new money should have met first. Returns
   * whether it changed any resource (a renewal it charged among them).
   */
  public boolean retryAfterTopUp(Handle handle, Account account, Instant now, LifecycleWrites writes) {
    RenewalQuotes quotes = new RenewalQuotes();
    boolean changed = false;
    for (ResourceRecord resource : resources.lockAutoRenewing(handle, account.id())) {
      boolean expiryDateReached = resource.lifecycle().expiryDate()
          .map(date -> !LocalDate.ofInstant(now, resource.lifecycle().zone()).isBefore(date)).orElse(false);
      if (resource.lifecycle().phase() != Phase.ACTIVE || expiryDateReached) {
        ResourceRecord after = attempt(handle, resource, now, true, writes, quotes);
        if (after == resource) {
          continue;
        }
        writes.saveLifecycle(after);
        changed = true;
      }
    }
    return changed;
  }

  private ResourceRecord attempt(Handle handle, ResourceRecord claimed, Instant at, boolean renewWhenFunded,
      LifecycleWrites writes, RenewalQuotes quotes) {
    int periods = claimed.lifecycle().autoRenew().periods();
    Optional<Money> price = quotes.price(claimed.id(), id -> {
      try {
        return Optional.of(renewing.price(handle, withAddOns(handle, claimed), periods).total());
      } catch (TenureException notRenewable) {
        LOG.warn("auto-renew - resource {} cannot be priced: {}", id, notRenewable.getMessage());
        return Optional.empty();
      }
    });
    if (price.isEmpty()) {
      return claimed;
    }
    Money balance = quotes.balance(claimed.accountId(), accountId -> ledger.lockWallet(handle, accountId));
    if (balance.compareTo(price.get()) < 0) {
      LocalDate day = LocalDate.ofInstant(at, claimed.lifecycle().zone());
      // At most once a day, whether the engine's daily check or a top-up finds the balance short.
      writes.addNotice(Notice.once(claimed.id() + "|" + INSUFFICIENT_BALANCE_NOTICE + "|" + day, claimed.accountId(),
          claimed.id(), INSUFFICIENT_BALANCE_NOTICE, at, Lifecycle.releaseAt(claimed.lifecycle()),
          Optional.ofNullable(claimed.lifecycle().termEnd())).withAmounts(NoticeAmounts.shortfall(price.get(), balance)));
      return claimed;
    }
    if (!renewWhenFunded) {
      return claimed;
    }
    ResourceRecord resource = withAddOns(handle, claimed);
    quotes.moneyMoved(resource.accountId());
    handle.savepoint("auto_renew");
    try {
      ResourceRecord renewed = renewing.autoRenew(handle, resource, periods, at, writes).resource();
      handle.releaseSavepoint("auto_renew");
      LOG.info("auto-renew - resource {} renewed by {} periods at {}", resource.id(), periods, OperatorZone.iso(at));
      return renewed;
    } catch (TenureException refused) {
      // A renewal the rules refuse (a plan no longer sold, a term that would already be over) must not undo
      // the rest of the engine's batch: undo only this attempt.
      handle.rollbackToSavepoint("auto_renew");
      LOG.warn("auto-renew - resource {} not renewed: {}", resource.id(), refused.getMessage());
      return claimed;
    }
  }

  /** The claim read no add-ons; the renewal price needs them. The row is locked, so this read is current. */
  private ResourceRecord withAddOns(Handle handle, ResourceRecord claimed) {
    return resources.find(handle, claimed.id()).orElseThrow().withStateOf(claimed);
  }
}
