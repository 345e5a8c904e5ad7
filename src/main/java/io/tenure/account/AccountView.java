package io.tenure.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tenure.money.Money;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An account as the API shows it, with its balance, whether it is in arrears, since when its balance is low, since
 * when its auto-recharge is disabled and since when its arrears began (each left out when not). An optional value the account
 * does not have (partner, low-balance threshold, automatic recharge, a contact's e-mail or phone) is left out,
 * never {@code null}, so that {@code settings} can be sent back to the settings call as it is.
 */
public record AccountView(
    String id,
    String name,
    String tier,
    String timeZone,
    String locale,
    String currency,
    Money balance,
    boolean inArrears,
    @JsonInclude(JsonInclude.Include.NON_NULL) String partnerId,
    List<Contact> contacts,
    SettingsView settings,
    OffsetDateTime createdAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime lowBalanceSince,
    @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime autoRechargeDisabledAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime arrearsSince) {

  /** The account's money settings, in the form the settings call takes. */
  public record SettingsView(
      @JsonInclude(JsonInclude.Include.NON_NULL) Money lowBalanceThreshold,
      Money creditLimit,
      @JsonInclude(JsonInclude.Include.NON_NULL) Account.AutoRecharge autoRecharge,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer minimumRunwayHours,
      @JsonInclude(JsonInclude.Include.NON_NULL) String paymentMethod) {}

  /** {@code account} holding {@code balance}, its instants in its own zone. */
  static AccountView of(Account account, Money balance) {
    Account.Settings settings = account.settings();
    return new AccountView(account.id(), account.name(), account.tier(), account.timeZone().getId(),
        account.locale().tag(), account.currency().getCurrencyCode(), balance, account.isInArrears(balance), account.partnerId().orElse(null),
        account.contacts(), new SettingsView(settings.lowBalanceThreshold().orElse(null), settings.creditLimit(),
            settings.autoRecharge().orElse(null), settings.minimumRunwayHours().orElse(null), settings.paymentMethod().orElse(null)),
        account.createdAt().atZone(account.timeZone()).toOffsetDateTime(),
        account.crossings().lowBalanceSince().map(at -> at.atZone(account.timeZone()).toOffsetDateTime()).orElse(null),
        account.crossings().autoRechargeDisabledAt().map(at -> at.atZone(account.timeZone()).toOffsetDateTime()).orElse(null),
        account.crossings().arrearsSince().map(at -> at.atZone(account.timeZone()).toOffsetDateTime()).orElse(null));
  }
}
