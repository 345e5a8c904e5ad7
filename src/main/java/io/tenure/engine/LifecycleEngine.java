package io.tenure.engine;

import io.tenure.account.AccountChanges;
import io.tenure.account.AccountStore;
import io.tenure.account.ChangeLock;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Catalogs;
import io.tenure.clock.DueWork;
import io.tenure.clock.Pace;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.payment.BalanceWatch;
import io.tenure.payment.Recharges;
import io.tenure.provider.ProviderCommands;
import io.tenure.resource.AccountsDue;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.ResourceRecord;
import io.tenure.resource.ResourceStore;
import io.tenure.store.TransientFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks every resource through its policy on time, in the order of its account (SPEC.md section 2): everything
 * that shares money (the wallet, the groups) happens in due order across the account's resources, whether time
 * passes live, is advanced, or is caught up after downtime. The engine claims due <em>accounts</em> in bounded
 * batches with {@code FOR UPDATE SKIP LOCKED}, merges the due events of each account's resources into one stream
 * ordered by {@code (instant, resource id)}, applies the pure rules of {@link Lifecycle} to each event in turn, and
 * writes the new states, events, notices and provider commands of the whole batch in the same transaction.
 *
 * <p>Locks are taken in one order by everyone: the account, then its resources, then its wallet. The engine never
 * waits for an account (it skips a locked one) and every API change takes the account first ({@link #change}),
 * so no deadlock can form. Since every writer of a resource holds its account's lock, the engine reads a claimed
 * account's due resources without locking them ({@link ResourceStore#readDue}). Several engines on one database share the work and never apply a transition twice: a
 * claimed account is locked until its batch commits, and a resource is only due while its stored state says so.
 * Thread-safe.
 */
public final class LifecycleEngine implements DueWork, AccountChanges {
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleEngine.class);
  /** Attempts at one batch whose database connection was lost or terminated. */
  private static final int ATTEMPTS_MAX = 5;
  /** Due resources the engine aims to process per transaction: large enough to batch the writes, small enough to keep locks short. */
  public static final int BATCH_SIZE = 500;
  /** Accounts claimed per transaction at most, however few due resources each has. */
  static final int ACCOUNTS_MAX = 64;

  private final Jdbi jdbi;
  private final Catalogs catalogs;
  private final AccountStore accounts;
  private final ResourceStore resources;
  private final Supplier<LifecycleWrites> writes;
  private final AccountPass accountPass;
  private final Settling settling;
  private final int batchSize;
  private final int workers;
  private final Pace changesPace;
  private final ExecutorService pool;
  private final AtomicLong transitionsCommitted = new AtomicLong();
  private final BalanceWatch balanceWatch;
  private final Recharges recharges;

  /**
   * @param changesPace the pace at which an API change catches its account up ({@link Pace#of} the clock)
   */
  public LifecycleEngine(Jdbi jdbi, Catalogs catalogs, AccountStore accounts, ResourceStore resources,
      Supplier<LifecycleWrites> writes, AutoRenewing autoRenewing, GroupExpiry groupExpiry, ProviderCommands providers,
      Settling settling, int batchSize, int workers, Pace changesPace, BalanceWatch balanceWatch, Recharges recharges) {
    this.jdbi = jdbi;
    this.balanceWatch = balanceWatch;
    this.recharges = recharges;
    this.catalogs = catalogs;
    this.accounts = accounts;
    this.resources = resources;
    this.writes = writes;
    this.settling = settling;
    this.accountPass = new AccountPass(autoRenewing, groupExpiry, providers, settling, batchSize);
    this.batchSize = batchSize;
    this.workers = workers;
    this.changesPace = changesPace;
    this.pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("tenure-lifecycle-", 0).daemon().factory());
  }

  /** Transitions (lifecycle events) this engine has committed since it was built: a progress gauge read without the database. */
  public long transitionsCommitted() {
    return transitionsCommitted.get();
  }

  @Override
  public Optional<Instant> earliestDue() {
    return jdbi.withHandle(accounts::earliestDue);
  }

  /**
   * Drains everything due at {@code now} with {@code workers} concurrent workers, each claiming its own
   * batches of accounts: while one waits for the database to write its batch, another computes the next.
   */
  @Override
  public int processDue(Instant now, Pace pace) {
    if (workers == 1) {
      return drain(now, pace);
    }
    List<Future<Integer>> drains = new ArrayList<>();
    for (int worker = 0; worker < workers; worker++) {
      drains.add(pool.submit(() -> drain(now, pace)));
    }
    int processed = 0;
    for (Future<Integer> drain : drains) {
      processed += await(drain);
    }
    return processed;
  }

  /**
   * Passes over the due accounts until a pass claims none. A pass walks the accounts in due order behind a
   * cursor, so it never rescans the index entries its own updates left behind; an account with more due
   * resources than a batch takes stays due, with an earlier instant than the cursor, and is met by the next pass.
   */
  private int drain(Instant now, Pace pace) {
    int processed = 0;
    while (true) {
      int claimed = 0;
      Cursor cursor = Cursor.START;
      int accountsWanted = 1;
      while (true) {
        Batch batch = processBatchRetrying(now, pace, cursor, accountsWanted);
        processed += batch.processed();
        claimed += batch.accounts();
        if (batch.accounts() < accountsWanted) {
          break;
        }
        cursor = batch.last();
        // As many accounts as make about one batch of resources, judging by the accounts just processed.
        int resourcesPerAccount = Math.max(1, batch.resources() / batch.accounts());
        accountsWanted = Math.clamp(batchSize / resourcesPerAccount, 1, ACCOUNTS_MAX);
      }
      if (claimed == 0) {
        return processed;
      }
    }
  }

  /**
   * One batch in one transaction, retried when its connection was lost or terminated (the transaction rolled
   * back, so the batch is then claimed afresh). Jdbi's own retrying runner handles serialization failures of
   * serializable transactions only; the engine's transactions are neither serializable nor able to deadlock.
   */
  private Batch processBatchRetrying(Instant now, Pace pace, Cursor from, int accountsWanted) {
    return TransientFailures.retrying(ATTEMPTS_MAX, "lifecycle - batch", () -> {
      Batch batch = jdbi.inTransaction(handle -> processBatch(handle, now, pace, from, accountsWanted));
      transitionsCommitted.addAndGet(batch.transitions());
      // The charges its accounts stopped for, made with no transaction open; their due work goes on after them.
      recharges.perform(batch.recharges());
      return batch;
    });
  }

  private static int await(Future<Integer> drain) {
    try {
      return drain.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while draining due accounts", interrupted);
    } catch (ExecutionException failure) {
      if (failure.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("a lifecycle worker failed", failure.getCause());
    }
  }

  /** Where the previous batch of this pass ended: claims resume after it. */
  private record Cursor(Instant due, String id) {
    static final Cursor START = new Cursor(Instant.EPOCH, "");
  }

  /** A batch's claimed accounts, the due resources it read and processed, its cursor and its lifecycle events. */
  private record Batch(int accounts, int resources, int processed, Cursor last, int transitions, List<String> recharges) {}

  private Batch processBatch(Handle handle, Instant now, Pace pace, Cursor from, int accountsWanted) {
    List<AccountStore.DueAccount> claimed = accounts.claimDue(handle, now, from.due(), from.id(), accountsWanted);
    if (claimed.isEmpty()) {
      return new Batch(0, 0, 0, from, 0, List.of());
    }
    List<String> ids = claimed.stream().map(AccountStore.DueAccount::id).toList();
    List<ResourceRecord> due = resources.readDue(handle, ids, now, batchSize + 1);
    LifecycleWrites batch = writes.get();
    // Read once a batch, in its transaction: a version another Tenure loaded is seen by the next batch.
    Catalog newest = catalogs.current(handle);
    Map<String, List<ResourceRecord>> byAccount = due.stream()
        .collect(Collectors.groupingBy(ResourceRecord::accountId, LinkedHashMap::new, Collectors.toList()));
    // Read by the claim, which locked the accounts: no other statement of this transaction changes them before this.
    Map<String, Instant> settlements = claimed.stream().filter(account -> account.settleDueAt().isPresent())
        .collect(Collectors.toMap(AccountStore.DueAccount::id, account -> account.settleDueAt().get()));
    int processed = 0;
    RenewalQuotes quotes = new RenewalQuotes();
    List<String> watched = balanceWatch.watched(handle, ids);
    // Accounts with only a settlement to do have it settled (read and written set-based) for all of them at once, their
    // first work in this batch. A watched account is left out: a pending recharge may hold its pass before it settles.
    settling.settleAhead(handle, ids.stream().filter(id -> !byAccount.containsKey(id) && !watched.contains(id)).toList(),
        settlements, now, batch);
    try {
      for (String id : ids) {
        processed += accountPass.process(handle, id, byAccount.getOrDefault(id, List.of()), Optional.ofNullable(settlements.get(id)),
            now, pace, batch, newest, quotes, Checkpoint.of(balanceWatch, id, watched.contains(id)));
      }
    } finally {
      settling.forget(handle);
    }
    int transitions = batch.flush(handle);
    AccountsDue.refresh(handle, ids);
    List<String> rechargesDue = balanceWatch.pendingRecharges(handle, watched);
    AccountStore.DueAccount last = claimed.getLast();
    return new Batch(claimed.size(), due.size(), processed, new Cursor(last.dueAt(), last.id()), transitions, rechargesDue);
  }

  /**
   * Locks the account, processes what already fell due for it (the API call's own catch-up, at the pace of the
   * clock), runs {@code change}, and records when the account's work next falls due.
   */
  @Override
  public <T> T change(Handle handle, String accountId, Instant now, Supplier<T> change) {
    return change(handle, accountId, ChangeLock.take(handle, accountId), now, change);
  }

  @Override
  public <T> T change(Handle handle, String accountId, ChangeLock.Locked locked, Instant now, Supplier<T> change) {
    if (locked.dueBy(now)) {
      catchUp(handle, accountId, now);
    }
    T result = change.get();
    AccountsDue.refresh(handle, accountId);
    // The change may have moved money: low balance and auto-recharge are checked in its transaction (no statement
    // when the lock found nothing to watch); a recharge it leaves pending marks the account due for the engine to charge.
    if (locked.balanceChecked() && balanceWatch.check(handle, accountId, now)) {
      balanceWatch.pendingRecharges(handle, List.of(accountId));
    }
    return result;
  }

  private void catchUp(Handle handle, String accountId, Instant now) {
    Catalog newest = catalogs.current(handle);
    RenewalQuotes quotes = new RenewalQuotes();
    boolean watched = !balanceWatch.watched(handle, List.of(accountId)).isEmpty();
    while (true) {
      List<ResourceRecord> due = resources.readDue(handle, List.of(accountId), now, batchSize + 1);
      LifecycleWrites batch = writes.get();
      Optional<Instant> settleDue = Optional.ofNullable(accounts.settlementsDue(handle, List.of(accountId)).get(accountId));
      Checkpoint checkpoint = Checkpoint.of(balanceWatch, accountId, watched);
      accountPass.process(handle, accountId, due, settleDue, now, changesPace, batch, newest, quotes, checkpoint);
      batch.flush(handle);
      // Stopped for a recharge: the engine makes the charge, then goes on with the rest.
      if (due.size() <= batchSize || checkpoint.stopped()) {
        return;
      }
    }
  }
}
