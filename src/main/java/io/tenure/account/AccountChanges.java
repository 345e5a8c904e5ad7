package io.tenure.account;

import java.time.Instant;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The one way into a change of an account's money or resources (SPEC.md section 2: what shares money happens in
 * due order). The account is locked first; what already fell due for it is processed, in due order, before the
 * change is applied; afterwards the instant its work next falls due is recorded. So a top-up or a renewal never
 * lands before an auto-renewal that fell due earlier, and locks are always taken in one order: the account, then
 * its resources, then its wallet. Implemented by the lifecycle engine.
 */
public interface AccountChanges {

  /** Runs {@code change} in the caller's transaction on {@code accountId}, locked and caught up to {@code now}. */
  <T> T change(Handle handle, String accountId, Instant now, Supplier<T> change);

  /**
   * {@link #change} on an account that the caller's transaction has already locked, with what the lock read
   * ({@link ChangeLock}), in the statement that read the change's subject: the lock is not taken a second time.
   */
  <T> T change(Handle handle, String accountId, ChangeLock.Locked locked, Instant now, Supplier<T> change);
}
