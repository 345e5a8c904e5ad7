package io.tenure.payment;

import io.tenure.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * An account as the low-balance and auto-recharge checks see it: its balance, its minimums, its auto-recharge
 * (only with a payment method to charge), and its crossings.
 */
record Watched(String accountId, Money balance, Optional<Money> lowBalanceThreshold, Optional<Integer> minimumRunwayHours,
    Optional<Instant> lowBalanceSince, Optional<Recharge> autoRecharge, RechargeState recharge) {

  /** Auto-recharge: below {@code threshold}, charge {@code amount} to {@code paymentMethod}. */
  record Recharge(Money threshold, Money amount, String paymentMethod) {}
}
