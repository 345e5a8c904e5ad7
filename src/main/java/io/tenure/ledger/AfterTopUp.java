package io.tenure.ledger;

import io.tenure.account.Account;
import io.tenure.account.ChangeLock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * What runs in a top-up's transaction once the money is in, at the top-up's instant: retries due auto-renewals,
 * ends arrears. Every top-up runs them: one through the API and an auto-recharge alike.
 */
@FunctionalInterface
public interface AfterTopUp {
  /**
   * Runs on {@code account} as it is at the hook, read under the transaction's lock (after any catch-up). Returns
   * whether it may have spent from the wallet (the top-up's answer then reads the balance again). {@code seen}: what
   * the top-up's lock read of the account ({@link ChangeLock.Seen#NOTHING} when it took no such lock).
   */
  boolean run(Handle handle, Account account, Instant at, ChangeLock.Seen seen);
}
