package io.tenure.engine;

import io.tenure.account.Account;
import io.tenure.account.AccountStore;
import io.tenure.ledger.Ledger;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.NoticeType;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.Transition;
import io.tenure.money.Money;
import io.tenure.notify.Notice;
import io.tenure.notify.NoticeAmounts;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.PaygResources;
import io.tenure.resource.ResourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * An account's arrears (SPEC.md §7): they begin at the settlement that takes the balance below minus the credit
 * limit, when every pay-as-you-go resource starts its policy; they end when a payment brings the balance to zero
 * or above, when every resource not yet released is restored. Prepaid resources are never touched. Runs in the
 * caller's transaction on an account the caller has locked. Thread-safe (no state of its own).
 */
public final class Arrears {
  private final AccountStore accounts;
  private final PaygResources payg;
  private final Ledger ledger;

  public Arrears(AccountStore accounts, PaygResources payg, Ledger ledger) {
    this.accounts = accounts;
    this.payg = payg;
    this.ledger = ledger;
  }

  /**
   * After a payment into the account (a top-up, a positive adjustment): when the account is in arrears and its
   * balance is now zero or above, ends the arrears at {@code now} and restores its resources, writing through
   * {@code writes} (flushed here). {@code account} is as the transaction's lock read it (after any catch-up).
   */
  public void endIfPaid(Handle handle, Account account, Instant now, LifecycleWrites writes) {
    String accountId = account.id();
    if (account.crossings().arrearsSince().isEmpty() || ledger.balance(handle, accountId).isNegative()) {
      return;
    }
    end(handle, accountId, payg.lockSettled(handle, accountId, now), now, writes);
    writes.flush(handle);
  }

  /** Ends the account's arrears at {@code at}: {@link Lifecycle#clearArrears} for each resource. Returns them after. */
  List<ResourceRecord> end(Handle handle, String accountId, List<ResourceRecord> resources, Instant at, LifecycleWrites writes) {
    List<ResourceRecord> after = new ArrayList<>();
    for (ResourceRecord resource : resources) {
      Transition cleared = Lifecycle.clearArrears(resource.lifecycle(), at);
      ResourceRecord restored = resource.withLifecycle(cleared.state());
      writes.add(restored, cleared);
      writes.saveLifecycle(restored);
      after.add(restored);
    }
    accounts.endArrears(handle, accountId);
    return after;
  }

  /**
   * At the settlement of {@code at} that left {@code balance}: when the account is (or already was, since
   * {@code since}) in arrears, every ACTIVE resource of {@code resources} starts its policy at {@code at}; the
   * account's arrears begin then, with an {@code ARREARS} notice, unless they had begun before. Returns when the
   * account's arrears began (empty: not in arrears) and the resources after.
   */
  Started startIfOwing(Account account, List<ResourceRecord> resources, Money balance, Instant at, Optional<Instant> since,
      LifecycleWrites writes) {
    if (since.isEmpty() && !account.isInArrears(balance)) {
      return new Started(since, resources);
    }
    if (since.isEmpty()) {
      writes.addNotice(new Notice(Optional.of(account.id() + "|" + NoticeType.ARREARS + "|" + at), account.id(), Optional.empty(),
          NoticeType.ARREARS, at, Optional.empty(), Optional.empty(),
          new NoticeAmounts(Optional.empty(), Optional.of(balance), Optional.of(account.settings().creditLimit())), Optional.empty()));
    }
    List<ResourceRecord> after = new ArrayList<>();
    for (ResourceRecord resource : resources) {
      LifecycleState state = resource.lifecycle();
      if (state.phase() == Phase.ACTIVE && state.arrearsStartedAt() == null) {
        ResourceRecord owing = resource.withLifecycle(Lifecycle.startArrears(state, at));
        writes.saveLifecycle(owing);
        after.add(owing);
      } else {
        after.add(resource);
      }
    }
    return new Started(since.or(() -> Optional.of(at)), after);
  }

  /** When the account's arrears began (empty: not in arrears) and its pay-as-you-go resources after. */
  record Started(Optional<Instant> since, List<ResourceRecord> resources) {}
}
