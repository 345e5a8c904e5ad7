package io.tenure.account;

import org.jdbi.v3.core.Handle;

/**
 * Whether an account is banned (a permanent account hold, SPEC.md section 4): a banned account buys nothing.
 * Implemented by the holds ({@code io.tenure.hold}), which sit above the resources that ask.
 */
public interface Bans {

  /** Refuses with 409 {@code ACCOUNT_BANNED} when {@code accountId} is banned; called with the account locked. */
  void requireNotBanned(Handle handle, String accountId);
}
