package io.tenure.payment;

import io.tenure.account.Account;
import io.tenure.account.AccountStore;
import io.tenure.account.ChangeLock;
import io.tenure.ledger.AfterTopUp;
import io.tenure.ledger.Ledger;
import io.tenure.lifecycle.NoticeType;
import io.tenure.money.Money;
import io.tenure.notify.Notice;
import io.tenure.notify.NoticeAmounts;
import io.tenure.notify.Notices;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the pending auto-recharges (docs/recharge.md): for each, one short transaction reads the charge to make,
 * the gateway is called with no transaction open (its deadline bounds the wait), and a second transaction records
 * the outcome under the account's lock: a success is a top-up of the wallet, dated when the recharge fell due,
 * followed by the after-top-up hooks (due auto-renewals, arrears), as {@code POST /v1/accounts/{id}/top-ups} does.
 * A result that finds the attempt already recorded (another engine made the same call with the same key) changes
 * nothing. Thread-safe.
 */
public final class Recharges {
  private static final Logger LOG = LoggerFactory.getLogger(Recharges.class);

  private final Jdbi jdbi;
  private final AccountStore accounts;
  private final BalanceWatch watch;
  private final Ledger ledger;
  private final Notices notices;
  private final PaymentGateway gateway;
  private final List<AfterTopUp> afterTopUp;
  private final BiConsumer<Handle, String> recordDue;

  /**
   * @param recordDue records when the account's work next falls due, in the recording transaction
   */
  public Recharges(Jdbi jdbi, AccountStore accounts, BalanceWatch watch, Ledger ledger, Notices notices,
      PaymentGateway gateway, List<AfterTopUp> afterTopUp, BiConsumer<Handle, String> recordDue) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.watch = watch;
    this.ledger = ledger;
    this.notices = notices;
    this.gateway = gateway;
    this.afterTopUp = List.copyOf(afterTopUp);
    this.recordDue = recordDue;
  }

  /** A charge to make: the state it was read in and the request. */
  private record Call(RechargeState state, PaymentGateway.ChargeRequest request) {}

  /** Makes the pending recharge of each of {@code accountIds}, one after the other. Never inside a transaction. */
  public void perform(List<String> accountIds) {
    accountIds.forEach(this::perform);
  }

  private void perform(String accountId) {
    Optional<Call> call = jdbi.inTransaction(handle -> prepare(handle, accountId));
    if (call.isEmpty()) {
      return;
    }
    PaymentGateway.ChargeRequest request = call.get().request();
    PaymentGateway.ChargeResult result = gateway.charge(request);
    LOG.info("payment - recharge {} of {} {}: {}{}", request.idempotencyKey(), request.amount(),
        request.amount().currency().getCurrencyCode(), result.outcome(), result.reason().map(reason -> " (" + reason + ")").orElse(""));
    jdbi.useTransaction(handle -> record(handle, accountId, call.get(), result));
  }

  private Optional<Call> prepare(Handle handle, String accountId) {
    accounts.lock(handle, accountId);
    Watched account = watch.store().read(handle, accountId);
    RechargeState state = account.recharge();
    if (!state.pending()) {
      return Optional.empty();
    }
    if (account.autoRecharge().isEmpty()) {
      // Turned off while pending: the check clears a charge that has nothing left to charge.
      watch.check(handle, accountId, state.dueAt().orElseThrow());
      recordDue.accept(handle, accountId);
      return Optional.empty();
    }
    Watched.Recharge recharge = account.autoRecharge().get();
    String description = "Auto-recharge of account " + accountId + " (crossing " + state.crossing() + ")";
    return Optional.of(new Call(state, new PaymentGateway.ChargeRequest(state.key(accountId), recharge.paymentMethod(),
        recharge.amount(), description)));
  }

  private void record(Handle handle, String accountId, Call call, PaymentGateway.ChargeResult result) {
    accounts.lock(handle, accountId);
    Account account = accounts.require(handle, accountId);
    RechargeState now = watch.store().read(handle, accountId).recharge();
    RechargeState called = call.state();
    if (!now.pending() || now.crossing() != called.crossing() || now.attempt() != called.attempt()) {
      LOG.info("payment - recharge {} was recorded already", call.request().idempotencyKey());
      return;
    }
    Instant at = called.dueAt().orElseThrow();
    Money amount = call.request().amount();
    Optional<String> transactionId = Optional.empty();
    if (result.outcome() == RechargeState.Outcome.SUCCEEDED) {
      Ledger.Posted posted = ledger.topUp(handle, accountId, amount, "Auto-recharge, crossing " + called.crossing()
          + ", payment " + result.reference().orElse("") + " (" + call.request().idempotencyKey() + ")", at, Optional.empty());
      transactionId = Optional.of(posted.transactionId());
      afterTopUp.forEach(hook -> hook.run(handle, account, at, ChangeLock.Seen.NOTHING));
    }
    watch.store().recordAttempt(handle, accountId, called, call.request().idempotencyKey(), amount, result, transactionId, at);
    Money balance = ledger.balance(handle, accountId);
    RechargeState after = now.afterOutcome(result.outcome(), balance);
    watch.store().saveRecharge(handle, accountId, after, after.disabledBy(now) ? Optional.of(at) : Optional.empty());
    if (after.disabledBy(now)) {
      notices.record(handle, List.of(new Notice(Optional.of("auto-recharge-disabled|" + call.request().idempotencyKey()), accountId,
          Optional.empty(), NoticeType.AUTO_RECHARGE_DISABLED, at, Optional.empty(), Optional.empty(),
          new NoticeAmounts(Optional.empty(), Optional.of(balance), Optional.empty()), Optional.empty())));
      LOG.info("payment - auto-recharge of account {} disabled after {} failures", accountId, after.failures());
    }
    // The new balance may end the low balance (or, declined, keep the account due only for its other work).
    watch.check(handle, accountId, at);
    recordDue.accept(handle, accountId);
  }
}
