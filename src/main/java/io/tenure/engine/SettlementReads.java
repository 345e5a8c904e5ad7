package io.tenure.engine;

import io.tenure.account.Account;
import io.tenure.money.Money;
import io.tenure.resource.ResourceRecord;
import io.tenure.usage.HourUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the first settlement of each of a batch's accounts reads, read for all of them at once (a few set-based
 * statements instead of several per account): the account, its arrears, its balance, its pay-as-you-go resources
 * locked, and the hour's events marked billed. Only for accounts with no due resource in the batch, whose first
 * work in the transaction is that settlement, so nothing can change these rows before it runs. Each entry is taken
 * once. Thread-safe (one batch's worker takes, but the map is shared by {@link Settling}).
 */
final class SettlementReads {
  static final SettlementReads NONE = new SettlementReads(Map.of());

  /** The reads of one account's settlement of the hour ending at {@code hourEnd}. */
  record Read(Account account, Optional<Instant> arrearsSince, Money balance, List<ResourceRecord> resources,
      List<HourUsage> billed, Instant hourEnd) {}

  private final Map<String, Read> byAccount;

  SettlementReads(Map<String, Read> byAccount) {
    this.byAccount = new ConcurrentHashMap<>(byAccount);
  }

  /** The account's reads for the settlement of {@code hourEnd}, once; empty when they were not read ahead. */
  Optional<Read> take(String accountId, Instant hourEnd) {
    Read read = byAccount.remove(accountId);
    return Optional.ofNullable(read).filter(found -> found.hourEnd().equals(hourEnd));
  }
}
