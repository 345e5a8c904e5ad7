package io.tenure.engine;

import io.tenure.money.Money;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the auto-renewal checks of one transaction read once: each resource's renewal price (its plan and add-ons
 * under the catalog version the transaction first read) and each account's balance until money moves in it. A
 * resource's daily checks from D-7 to D then cost no statement until the one that renews. The accounts are
 * locked by the transaction, so nothing else changes their wallets meanwhile. Not thread-safe: one per transaction.
 */
final class RenewalQuotes {
  private final Map<String, Optional<Money>> prices = new HashMap<>();
  private final Map<String, Money> balances = new HashMap<>();

  /** The renewal price of {@code resourceId}, read once; empty when it cannot be priced (a plan no longer sold). */
  Optional<Money> price(String resourceId, Function<String, Optional<Money>> read) {
    return prices.computeIfAbsent(resourceId, read);
  }

  /** The balance of {@code accountId}, read (and the wallet locked) once until {@link #moneyMoved}. */
  Money balance(String accountId, Function<String, Money> lockAndRead) {
    return balances.computeIfAbsent(accountId, lockAndRead);
  }

  /** Money moved in {@code accountId}'s wallet (a renewal, a refund): its balance is read again when next asked. */
  void moneyMoved(String accountId) {
    balances.remove(accountId);
  }
}
