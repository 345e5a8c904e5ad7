package io.tenure.notify;

import io.tenure.money.Money;
import java.util.Optional;

/**
 * The amounts a notice about money names, as they were when it was raised, all in the account's currency.
 *
 * @param renewalPrice what the renewal costs (AUTO_RENEW_INSUFFICIENT_BALANCE)
 * @param balance the account's balance (AUTO_RENEW_INSUFFICIENT_BALANCE, LOW_BALANCE, ARREARS)
 * @param threshold the low-balance threshold (LOW_BALANCE) or the credit limit (ARREARS) that was crossed
 */
public record NoticeAmounts(Optional<Money> renewalPrice, Optional<Money> balance, Optional<Money> threshold) {
  /** A notice that names no amount: every lifecycle notice but the auto-renewal shortfall. */
  public static final NoticeAmounts NONE = new NoticeAmounts(Optional.empty(), Optional.empty(), Optional.empty());

  /** The renewal price and the balance of an auto-renewal the balance does not cover. */
  public static NoticeAmounts shortfall(Money renewalPrice, Money balance) {
    return new NoticeAmounts(Optional.of(renewalPrice), Optional.of(balance), Optional.empty());
  }

  public boolean isEmpty() {
    return renewalPrice.isEmpty() && balance.isEmpty() && threshold.isEmpty();
  }

  /** The currency of the amounts; empty when there are none. */
  Optional<String> currency() {
    return renewalPrice.or(() -> balance).or(() -> threshold).map(amount -> amount.currency().getCurrencyCode());
  }
}
