package io.tenure.payment;

import io.tenure.billing.BillStore;
import io.tenure.lifecycle.NoticeType;
import io.tenure.money.Money;
import io.tenure.notify.Notice;
import io.tenure.notify.NoticeAmounts;
import io.tenure.notify.Notices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an account after a change of its money, in the change's transaction (the account locked): raises
 * {@code LOW_BALANCE} once per crossing and clears the crossing when the account recovers, and opens an
 * auto-recharge crossing, whose charge the engine then makes outside the transaction ({@link Recharges}).
 * Thread-safe (no state of its own).
 */
public final class BalanceWatch {
  private static final Logger LOG = LoggerFactory.getLogger(BalanceWatch.class);
  /** The window of the recent spend the runway is judged by, behind and ahead of the check. */
  static final Duration WINDOW = Duration.ofHours(24);

  private final BalanceStore store = new BalanceStore();
  private final BillStore bills;
  private final Notices notices;

  public BalanceWatch(BillStore bills, Notices notices) {
    this.bills = bills;
    this.notices = notices;
  }

  /** The accounts of {@code ids} that have anything to watch (one statement): the others need no check. */
  public List<String> watched(Handle handle, List<String> ids) {
    return ids.isEmpty() ? List.of() : store.watched(handle, ids);
  }

  /**
   * Checks the account's balance at {@code at}. Returns whether a recharge is pending: the account's due work must
   * then wait until the engine has made the charge.
   */
  public boolean check(Handle handle, String accountId, Instant at) {
    Watched account = store.read(handle, accountId);
    checkLowBalance(handle, account, at);
    return checkRecharge(handle, account, at).pending();
  }

  /** Whether the account has a recharge pending: its due work waits for the charge. A read. */
  public boolean rechargePending(Handle handle, String accountId) {
    return store.read(handle, accountId).recharge().pending();
  }

  /**
   * Of {@code ids} (accounts the caller has locked, whose next due instant it just recorded), those with a
   * recharge pending, marked due so that an engine makes the call.
   */
  public List<String> pendingRecharges(Handle handle, List<String> ids) {
    return ids.isEmpty() ? List.of() : store.markPendingDue(handle, ids);
  }

  private void checkLowBalance(Handle handle, Watched account, Instant at) {
    Optional<Integer> minimumRunway = account.minimumRunwayHours();
    Optional<Duration> runway = minimumRunway.isPresent() ? runway(handle, account, at) : Optional.empty();
    Optional<LowBalance.Reason> reason = LowBalance.reason(account.balance(), account.lowBalanceThreshold(), runway, minimumRunway);
    switch (LowBalance.change(account.lowBalanceSince().isPresent(), reason)) {
      case RAISE -> {
        long crossing = store.crossIntoLow(handle, account.accountId(), at, reason.get());
        Optional<Money> threshold = reason.get() == LowBalance.Reason.THRESHOLD ? account.lowBalanceThreshold() : Optional.empty();
        notices.record(handle, List.of(new Notice(Optional.of("low-balance|" + account.accountId() + "|" + crossing), account.accountId(),
            Optional.empty(), NoticeType.LOW_BALANCE, at, Optional.empty(), Optional.empty(),
            new NoticeAmounts(Optional.empty(), Optional.of(account.balance()), threshold), Optional.empty())));
        LOG.info("payment - account {} low ({}) at {}, balance {}", account.accountId(), reason.get(), at, account.balance());
      }
      case RECOVER -> store.recoverFromLow(handle, account.accountId());
      case NONE -> { }
    }
  }

  /**
   * How long the balance lasts at the spend of the window: the usage bills of the last 24 hours plus the
   * auto-renewals due in the next 24 hours (whose expiry date begins by then: term end within 48 hours).
   */
  private Optional<Duration> runway(Handle handle, Watched account, Instant at) {
    return runway(handle, account.accountId(), account.balance(), at);
  }

  /**
   * How long {@code balance} of the account lasts from {@code at} at the spend of the window (see
   * {@link LowBalance#runway}); empty when the account spends nothing. Two reads.
   */
  public Optional<Duration> runway(Handle handle, String accountId, Money balance, Instant at) {
    long usage = bills.usageSpend(handle, accountId, at.minus(WINDOW), at);
    long renewals = bills.autoRenewalsEndingBy(handle, accountId, at.plus(WINDOW).plus(WINDOW));
    return LowBalance.runway(balance, new Money(usage + renewals, balance.currency()));
  }

  private RechargeState checkRecharge(Handle handle, Watched account, Instant at) {
    RechargeState before = account.recharge();
    if (account.autoRecharge().isEmpty()) {
      // Auto-recharge was turned off (or lost its payment method) while a charge was pending: nothing to wait for. A
      // timed-out call is not repeated either; its attempt stays recorded (TIMED_OUT) for the operator to reconcile.
      if (before.pending() || before.outcomeUnknown()) {
        RechargeState cleared = new RechargeState(before.crossing(), before.below(), before.attempt(), false, Optional.empty(),
            false, before.succeeded(), before.declinedBalance(), before.failures(), before.disabled());
        store.saveRecharge(handle, account.accountId(), cleared, Optional.empty());
        return cleared;
      }
      return before;
    }
    RechargeState after = before.afterBalance(account.balance(), account.autoRecharge().get().threshold(), at);
    if (!after.equals(before)) {
      store.saveRecharge(handle, account.accountId(), after, Optional.empty());
    }
    return after;
  }

  BalanceStore store() {
    return store;
  }
}
