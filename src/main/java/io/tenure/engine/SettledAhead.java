package io.tenure.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first settlements of a batch's accounts, settled for all of them at once before their passes
 * ({@link Settling#settleAhead}): only for accounts with no due resource in the batch, whose first work in the
 * transaction is that settlement, so nothing can come before it in their streams. The pass takes each when its
 * stream reaches it, for what follows (the next hour, the resources to queue again). Each entry is taken once.
 * Thread-safe (one batch's worker takes, but the map is shared by {@link Settling}).
 */
final class SettledAhead {
  static final SettledAhead NONE = new SettledAhead(Map.of());

  /** One account's settlement of the hour ending at {@code hourEnd}, written. */
  record Settled(Instant hourEnd, SettlementRules.Closed closed) {}

  private final Map<String, Settled> byAccount;

  SettledAhead(Map<String, Settled> byAccount) {
    this.byAccount = new ConcurrentHashMap<>(byAccount);
  }

  /** The account's settlement of {@code hourEnd}, once; empty when it was not settled ahead. */
  Optional<SettlementRules.Closed> take(String accountId, Instant hourEnd) {
    Settled settled = byAccount.remove(accountId);
    return Optional.ofNullable(settled).filter(found -> found.hourEnd().equals(hourEnd)).map(Settled::closed);
  }
}
