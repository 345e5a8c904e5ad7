package io.tenure.account;

import io.tenure.money.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * One customer of the operator: its tier, billing time zone, the language of its notices, currency, contacts,
 * and money settings. The
 * wallet balance is the ledger's, not the account's.
 */
public record Account(
    String id,
    String name,
    String tier,
    ZoneId timeZone,
    AccountLocale locale,
    Currency currency,
    Optional<String> partnerId,
    List<Contact> contacts,
    Settings settings,
    Instant createdAt,
    Crossings crossings) {

  /**
   * Whether an account holding {@code balance} is in arrears: below minus its credit limit (SPEC.md section 7).
   */
  public boolean isInArrears(Money balance) {
    return balance.compareTo(settings.creditLimit().negate()) < 0;
  }

  /**
   * Money settings: the low-balance threshold, how far below zero pay-as-you-go may go before arrears
   * (the credit limit, default 0), automatic recharge, the runway (hours the balance lasts at the recent spend)
   * under which the account is low, and the payment method auto-recharge charges (a gateway's token).
   */
  public record Settings(Optional<Money> lowBalanceThreshold, Money creditLimit, Optional<AutoRecharge> autoRecharge,
      Optional<Integer> minimumRunwayHours, Optional<String> paymentMethod) {

    /** Settings without a minimum runway or a payment method. */
    public Settings(Optional<Money> lowBalanceThreshold, Money creditLimit, Optional<AutoRecharge> autoRecharge) {
      this(lowBalanceThreshold, creditLimit, autoRecharge, Optional.empty(), Optional.empty());
    }
  }

  /**
   * Where the account stands against its money settings: since when its balance or runway is low (empty: it is
   * not), since when auto-recharge is disabled after repeated failures (both V19, kept by io.tenure.payment), and
   * since when it is in arrears (V18, kept by the settlement and the payments that end them).
   */
  public record Crossings(Optional<Instant> lowBalanceSince, Optional<Instant> autoRechargeDisabledAt,
      Optional<Instant> arrearsSince) {
    public static final Crossings NONE = new Crossings(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** When the balance falls below {@code threshold}, charge {@code amount} through the payment method. */
  public record AutoRecharge(Money threshold, Money amount) {}
}
