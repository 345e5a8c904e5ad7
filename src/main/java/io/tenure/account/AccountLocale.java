package io.tenure.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The language an account's notices are written in, beside its time zone. The API names each by its BCP 47
 * tag ({@code en}, {@code zh-CN}), matched exactly.
 */
public enum AccountLocale {
  EN("en", Locale.ENGLISH),
  ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

  /** The locale of an account created without one, unless the operator configures another. */
  public static final AccountLocale DEFAULT = EN;

  private final String tag;
  private final Locale locale;

  AccountLocale(String tag, Locale locale) {
    this.tag = tag;
    this.locale = locale;
  }

  /** The tag the API shows and takes, such as {@code zh-CN}. */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return locale;
  }

  /** The locale of {@code tag}, exactly as the API spells it; empty for any other text. */
  public static Optional<AccountLocale> ofTag(String tag) {
    return Arrays.stream(values()).filter(value -> value.tag.equals(tag)).findFirst();
  }

  /** Every tag, for messages: {@code en, zh-CN}. */
  public static String tags() {
    return Arrays.stream(values()).map(AccountLocale::tag).collect(Collectors.joining(", "));
  }
}
