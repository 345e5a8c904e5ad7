package io.tenure.account;

import io.tenure.money.Money;
import java.util.Currency;
import org.jdbi.v3.core.Handle;

/**
 * What an account needs of its wallet: one opened with the account, its balance shown with it. The ledger
 * implements this, so the ledger may know accounts without accounts knowing the ledger (no loop).
 */
public interface Wallets {

  /** Opens the account's wallet, empty, and returns its opening balance: zero. */
  Money openWallet(Handle handle, String accountId, Currency currency);

  Money balance(Handle handle, String accountId);
}
