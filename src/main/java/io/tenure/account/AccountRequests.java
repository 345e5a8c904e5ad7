package io.tenure.account;

import io.tenure.api.Json;
import io.tenure.catalog.Catalog;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import io.tenure.error.Require;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The bodies of the account and partner calls, each checking itself once read. */
public final class AccountRequests {
  private static final Pattern TIER = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
  private static final Pattern PAYMENT_METHOD = Pattern.compile("[A-Za-z0-9_-]{1,200}");
  /** The longest minimum runway: a year of hours. */
  static final int MINIMUM_RUNWAY_HOURS_MAX = 8_784;

  private AccountRequests() {}

  /** A listing's {@code filter}: {@code in-arrears} or {@code low-balance}; every account when absent. */
  public static AccountStore.Standing standing(String filter) {
    if (filter == null) {
      return AccountStore.Standing.ALL;
    }
    return switch (filter) {
      case "in-arrears" -> AccountStore.Standing.IN_ARREARS;
      case "low-balance" -> AccountStore.Standing.LOW_BALANCE;
      default -> throw new InvalidInputException("INVALID_QUERY_PARAMETER",
          "Query parameter 'filter': must be one of in-arrears, low-balance, was '" + Echo.of(filter) + "'.");
    };
  }

  /** A listing's search {@code q}, an account id or part of a name (1 to 200 characters); blank: no search. */
  static Optional<String> search(String q) {
    if (q == null || q.isBlank()) {
      return Optional.empty();
    }
    if (q.strip().length() > 200) {
      throw new InvalidInputException("INVALID_QUERY_PARAMETER",
          "Query parameter 'q': must be at most 200 characters, was '" + Echo.of(q) + "'.");
    }
    return Optional.of(q.strip());
  }

  record NewAccount(String name, String tier, String timeZone, String locale, String currency, List<Contact> contacts,
      String partnerId) implements Json.Validated {
    @Override
    public void validate() {
      Require.present(name, "name");
      Require.field(!name.isBlank() && name.length() <= 200, "name", "must be 1 to 200 characters");
      Require.present(tier, "tier");
      Require.field(TIER.matcher(tier).matches(), "tier", "'%s' must be 1 to 40 letters, digits, '.', '_' or '-'", Echo.of(tier));
      if (timeZone != null) {
        AccountRequests.zone(timeZone);
      }
      if (locale != null) {
        AccountRequests.locale(locale);
      }
      if (currency != null) {
        AccountRequests.currency(currency);
      }
      validateContacts(contacts);
    }
  }

  record NewPartner(String name, List<Contact> contacts) implements Json.Validated {
    @Override
    public void validate() {
      Require.present(name, "name");
      Require.field(!name.isBlank() && name.length() <= 200, "name", "must be 1 to 200 characters");
      List<Contact> given = contacts == null ? List.of() : contacts;
      for (int i = 0; i < given.size(); i++) {
        Require.present(given.get(i), "contacts[" + i + "]").validate("contacts[" + i + "]");
      }
    }
  }

  /** {@code PUT /v1/accounts/{id}/settings} replaces all the settings; an absent one is cleared. */
  record SettingsChange(BigDecimal lowBalanceThreshold, BigDecimal creditLimit, AutoRechargeChange autoRecharge,
      Integer minimumRunwayHours, String paymentMethod) implements Json.Validated {
    @Override
    public void validate() {
      Require.field(minimumRunwayHours == null || minimumRunwayHours >= 1 && minimumRunwayHours <= MINIMUM_RUNWAY_HOURS_MAX,
          "minimumRunwayHours", "must be a whole number of hours from 1 to %d", MINIMUM_RUNWAY_HOURS_MAX);
      Require.field(paymentMethod == null || PAYMENT_METHOD.matcher(paymentMethod).matches(), "paymentMethod",
          "'%s' must be a payment method token of 1 to 200 letters, digits, '_' or '-'", Echo.of(paymentMethod == null ? "" : paymentMethod));
      Require.field(lowBalanceThreshold == null || lowBalanceThreshold.signum() >= 0, "lowBalanceThreshold", "must not be negative");
      Require.field(creditLimit == null || creditLimit.signum() >= 0, "creditLimit", "must not be negative");
      if (autoRecharge != null) {
        Require.present(autoRecharge.threshold(), "autoRecharge.threshold");
        Require.present(autoRecharge.amount(), "autoRecharge.amount");
        Require.field(autoRecharge.amount().signum() > 0, "autoRecharge.amount", "must be positive");
      }
    }

    Account.Settings toSettings(Currency currency) {
      return new Account.Settings(
          Optional.ofNullable(lowBalanceThreshold).map(amount -> Money.of(amount, currency, "lowBalanceThreshold")),
          creditLimit == null ? Money.zero(currency) : Money.of(creditLimit, currency, "creditLimit"),
          Optional.ofNullable(autoRecharge).map(recharge -> new Account.AutoRecharge(
              Money.of(recharge.threshold(), currency, "autoRecharge.threshold"),
              Money.of(recharge.amount(), currency, "autoRecharge.amount"))),
          Optional.ofNullable(minimumRunwayHours), Optional.ofNullable(paymentMethod));
    }
  }

  /** {@code PUT /v1/accounts/{id}/locale}: the language of the account's notices from now on. */
  record LocaleChange(String locale) implements Json.Validated {
    @Override
    public void validate() {
      Require.present(locale, "locale");
      AccountRequests.locale(locale);
    }
  }

  record AutoRechargeChange(BigDecimal threshold, BigDecimal amount) {}

  static void validateContacts(List<Contact> contacts) {
    Require.present(contacts, "contacts");
    Require.field(!contacts.isEmpty() && contacts.size() <= 50, "contacts", "must list 1 to 50 contacts");
    for (int i = 0; i < contacts.size(); i++) {
      Require.present(contacts.get(i), "contacts[" + i + "]").validate("contacts[" + i + "]");
    }
    long owners = contacts.stream().filter(contact -> contact.role() == ContactRole.OWNER).count();
    Require.field(owners == 1, "contacts", "must have exactly one OWNER, has %d", owners);
  }

  static ZoneId zone(String timeZone) {
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException failure) {
      throw new InvalidInputException("UNKNOWN_TIME_ZONE",
          "Field 'timeZone': '" + Echo.of(timeZone) + "' is not a time zone id like Asia/Shanghai.");
    }
  }

  /** The locale of {@code tag}, or {@code INVALID_FIELD} with the tags there are. */
  static AccountLocale locale(String tag) {
    return AccountLocale.ofTag(tag).orElseThrow(() -> new InvalidInputException("INVALID_FIELD",
        Require.fieldMessage("locale", "'" + Echo.of(tag) + "' must be one of " + AccountLocale.tags())));
  }

  static Currency currency(String code) {
    try {
      Currency currency = Currency.getInstance(code);
      Require.field(currency.getDefaultFractionDigits() >= 0, "currency", "'%s' has no minor unit", code);
      return currency;
    } catch (IllegalArgumentException failure) {
      throw new InvalidInputException("UNKNOWN_CURRENCY",
          "Field 'currency': '" + Echo.of(code) + "' is not an ISO 4217 currency code like CNY.");
    }
  }

  /**
   * Refuses a tier the catalog does not list. Tiers are matched exactly: a near miss such as {@code v3} for
   * {@code V3} is refused with the list, never given the policies' {@code default} periods.
   */
  static void requireKnownTier(String tier, Catalog catalog) {
    if (!catalog.knowsTier(tier)) {
      throw new InvalidInputException("UNKNOWN_TIER", "Field 'tier': '" + tier + "' is not a tier of the catalog; it must be one of "
          + String.join(", ", catalog.tiers()) + ".");
    }
  }

  /** Refuses a currency no plan is priced in: such an account could top up but never buy anything. */
  static void requirePricedCurrency(Currency currency, Catalog catalog) {
    if (!currency.equals(catalog.currency())) {
      throw new InvalidInputException("UNSUPPORTED_CURRENCY", "Field 'currency': '" + currency.getCurrencyCode()
          + "' is not a currency the catalog prices its plans in; it must be one of " + catalog.currency().getCurrencyCode() + ".");
    }
  }

}
