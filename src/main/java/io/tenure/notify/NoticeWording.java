package io.tenure.notify;

import io.tenure.lifecycle.NoticeType;
import io.tenure.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which texts of the bundle a notice is made of: its variant (a pay-as-you-go resource is told to top up, not
 * to renew; a reminder on the expiry date says "today"), the sentences after the first, and the values of the
 * placeholders, all from its facts alone. Stateless.
 */
final class NoticeWording {

  private NoticeWording() {}

  /** The key prefix of the notice's title, body and SMS, such as {@code OVERDUE_REMINDER.today}. */
  static String variant(NoticeFacts facts) {
    NoticeType type = facts.type();
    boolean payAsYouGo = facts.termEnd().isEmpty();
    boolean aboutAccount = facts.resourceId().isEmpty();
    return switch (type) {
      case EXPIRY_WARNING, EXPIRED, RELEASED, RENEWED, AUTO_RENEW_INSUFFICIENT_BALANCE, ARREARS, AUTO_RECHARGE_DISABLED -> type.name();
      // A low balance found by the runway names no threshold: it says how long the balance lasts instead.
      case LOW_BALANCE -> facts.threshold().isEmpty() ? type.name() + ".runway" : type.name();
      case OVERDUE_REMINDER -> type.name() + (payAsYouGo ? ".arrears"
          : facts.dueAt().isAfter(facts.termEnd().get()) ? ".overdue" : ".today");
      case FROZEN, RESTORED -> payAsYouGo ? type.name() + ".payg" : type.name();
      case RELEASE_SCHEDULED -> facts.releaseAt().isEmpty() ? type.name() + ".undated"
          : payAsYouGo ? type.name() + ".payg" : type.name();
      case HOLD_APPLIED, HOLD_LIFTED -> aboutAccount ? type.name() + ".account" : type.name();
    };
  }

  /**
   * The key of the sentence that states the release instant, for a notice before a release that does not say
   * it already; empty otherwise. {@code prefix} is {@code ""} for the e-mail and in-app body, {@code "sms."} for SMS.
   */
  static List<String> releaseSentence(NoticeFacts facts, String prefix) {
    boolean saysItAlready = facts.type() == NoticeType.RELEASED || facts.type() == NoticeType.RELEASE_SCHEDULED;
    if (facts.releaseAt().isEmpty() || saysItAlready) {
      return List.of();
    }
    return List.of(prefix + (facts.termEnd().isPresent() ? "release.ifNotRenewed" : "release.ifNotPaid"));
  }

  /** The keys of the sentences that give the amounts the notice carries. */
  static List<String> amountSentences(NoticeFacts facts) {
    List<String> keys = new ArrayList<>();
    facts.renewalPrice().ifPresent(price -> keys.add("amount.price"));
    facts.balance().ifPresent(balance -> keys.add("amount.balance"));
    facts.threshold().ifPresent(threshold -> keys.add(thresholdKey(facts.type())));
    return keys;
  }

  /** The crossed threshold is the low-balance threshold for a low-balance notice, else the credit limit. */
  static String thresholdKey(NoticeType type) {
    return type == NoticeType.LOW_BALANCE ? "amount.lowBalanceThreshold" : "amount.creditLimit";
  }

  /** The value of every placeholder the notice's texts may name, each in the account's zone and language. */
  static Map<String, String> values(NoticeFacts facts, NoticeBundle bundle) {
    Map<String, String> values = new HashMap<>();
    values.put("plan", facts.plan().orElse(bundle.raw("value.planUnknown")));
    values.put("resource", facts.resourceId().orElse(""));
    values.put("dueAt", ProseTime.instant(facts.dueAt(), facts.zone()));
    values.put("termEnd", facts.termEnd().map(end -> ProseTime.instant(end, facts.zone())).orElse(bundle.raw("value.termEndUnknown")));
    values.put("expiryDate", facts.termEnd().map(end -> ProseTime.date(end, facts.zone()))
        .orElse(bundle.raw("value.expiryDateUnknown")));
    // A release notice raised without its instant was released when it fell due.
    values.put("releaseAt", ProseTime.instant(facts.releaseAt().orElse(facts.dueAt()), facts.zone()));
    facts.renewalPrice().ifPresent(price -> values.put("price", money(price)));
    facts.balance().ifPresent(balance -> values.put("balance", money(balance)));
    facts.threshold().ifPresent(threshold -> values.put("threshold", money(threshold)));
    String reason = "reason." + facts.holdReason().orElse("unspecified");
    values.put("reason", bundle.raw(bundle.has(reason) ? reason : "reason.unspecified"));
    return values;
  }

  /**
   * The SMS template parameters (docs/notices.md, "SMS through an HTTP gateway"): only those the notice has, dates as
   * its texts write them, amounts as bare decimals with the currency apart (gateway templates add their own unit).
   * Takes the placeholder values of {@link #values}.
   */
  static Map<String, String> smsParameters(NoticeFacts facts, Map<String, String> values) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("type", facts.type().name());
    facts.plan().ifPresent(plan -> parameters.put("plan", plan));
    facts.resourceId().ifPresent(id -> parameters.put("resource", id));
    parameters.put("dueAt", values.get("dueAt"));
    if (facts.termEnd().isPresent()) {
      parameters.put("termEnd", values.get("termEnd"));
      parameters.put("expiryDate", values.get("expiryDate"));
    }
    facts.releaseAt().ifPresent(at -> parameters.put("releaseAt", values.get("releaseAt")));
    facts.renewalPrice().ifPresent(price -> parameters.put("price", price.toString()));
    facts.balance().ifPresent(balance -> parameters.put("balance", balance.toString()));
    facts.threshold().ifPresent(threshold -> parameters.put("threshold", threshold.toString()));
    facts.renewalPrice().or(facts::balance).or(facts::threshold)
        .ifPresent(amount -> parameters.put("currency", amount.currency().getCurrencyCode()));
    facts.holdReason().ifPresent(reason -> parameters.put("reason", values.get("reason")));
    return parameters;
  }

  /** {@code 193.75 CNY}: the amount as the API writes it, then the currency, alike in every language. */
  static String money(Money amount) {
    return amount + " " + amount.currency().getCurrencyCode();
  }
}
