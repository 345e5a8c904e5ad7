package io.tenure.notify;

import io.tenure.lifecycle.NoticeType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The English text of every notice, in one place: each names the plan and the resource, gives the dates that
 * matter to it in the account's zone ({@code 2023-05-09 00:00 (UTC+08:00)}), says what the customer can do, and,
 * before a release, its exact instant. Translations come with notice delivery. Stateless and thread-safe.
 */
public final class NoticeTexts {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private NoticeTexts() {}

  /**
   * What a notice's text is made of.
   *
   * @param plan the plan's name, e.g. "KooDrive Basic"; empty when the notice is not about a resource
   * @param dueAt the instant the notice fell due
   * @param termEnd the end of the resource's term when the notice was raised; empty for pay-as-you-go
   * @param releaseAt the instant the resource will be (or was) released; empty when it never will be
   */
  public record Facts(NoticeType type, Optional<String> plan, Optional<String> resourceId, Instant dueAt,
      Optional<Instant> termEnd, Optional<Instant> releaseAt, ZoneId zone) {}

  /** A notice's title and body. */
  public record Text(String title, String body) {}

  public static Text render(Facts facts) {
    String subject = facts.plan().map(plan -> "Your " + plan + " resource").orElse("Your resource")
        + facts.resourceId().map(id -> " " + id).orElse("");
    String plan = facts.plan().orElse("resource");
    return switch (facts.type()) {
      case EXPIRY_WARNING -> new Text("Your " + plan + " expires on " + day(facts, facts.termEnd()),
          subject + " expires at " + at(facts, facts.termEnd()) + ". Renew it before then, or turn on auto-renewal and keep"
              + " enough balance, to keep the service." + ifNotRenewed(facts));
      case OVERDUE_REMINDER -> overdue(facts, subject, plan);
      case EXPIRED -> new Text("Your " + plan + " has expired",
          subject + " expired at " + at(facts, facts.termEnd()) + ". Renew it to restore the service." + ifNotRenewed(facts));
      case FROZEN -> new Text("Your " + plan + " is frozen",
          subject + " was frozen at " + format(facts.dueAt(), facts.zone()) + ": its service is stopped and its data kept. "
              + action(facts) + " to restore it" + beforeRelease(facts));
      case RELEASE_SCHEDULED -> new Text("Your " + plan + " is scheduled for release",
          subject + releaseSentence(facts, " will be released, and its data erased, at ") + action(facts)
              + " before then to keep it.");
      case RELEASED -> new Text("Your " + plan + " was released",
          subject + releaseSentence(facts, " was released, and its data erased, at ") + "To use " + plan
              + " again, buy a new resource.");
      case RENEWED -> new Text("Your " + plan + " was renewed",
          subject + " was renewed at " + format(facts.dueAt(), facts.zone()) + "; its term now ends at "
              + at(facts, facts.termEnd()) + ". Renew it again before then, or keep auto-renewal on with enough balance.");
      case RESTORED -> new Text("Your " + plan + " is restored",
          subject + " was restored to full service at " + format(facts.dueAt(), facts.zone())
              + facts.termEnd().map(end -> "; its term now ends at " + format(end, facts.zone()) + ".")
                  .orElse(". Keep your balance above the account's credit limit to keep it running."));
      case AUTO_RENEW_INSUFFICIENT_BALANCE -> new Text("Top up to auto-renew your " + plan,
          "The account's balance does not cover the auto-renewal of " + lowerFirst(subject) + ", whose term ends at "
              + at(facts, facts.termEnd()) + ". Top up the account: from the expiry date on, a top-up renews it at once."
              + ifNotRenewed(facts));
    };
  }

  /** On the expiry date while still active; after it, daily while expired or in arrears. */
  private static Text overdue(Facts facts, String subject, String plan) {
    if (facts.termEnd().isEmpty()) {
      return new Text("Your " + plan + " is in arrears", subject + " is in arrears. " + action(facts)
          + " to keep it" + beforeRelease(facts));
    }
    if (!facts.dueAt().isAfter(facts.termEnd().get())) {
      return new Text("Your " + plan + " expires today", subject + " expires today, at " + at(facts, facts.termEnd())
          + ". Renew it now to keep the service." + ifNotRenewed(facts));
    }
    return new Text("Your " + plan + " is overdue", subject + " expired at " + at(facts, facts.termEnd())
        + " and is overdue. Renew it to restore the service" + beforeRelease(facts));
  }

  /** What restores the resource: a renewal, or for pay-as-you-go a top-up that pays what it owes. */
  private static String action(Facts facts) {
    return facts.termEnd().isPresent() ? "Renew it" : "Top up the account to pay what it owes";
  }

  private static String ifNotRenewed(Facts facts) {
    return facts.releaseAt().map(at -> " If it is not renewed, it will be released, and its data erased, at "
        + format(at, facts.zone()) + ".").orElse("");
  }

  private static String beforeRelease(Facts facts) {
    return facts.releaseAt().map(at -> " before it is released, and its data erased, at " + format(at, facts.zone()) + ".")
        .orElse(".");
  }

  private static String releaseSentence(Facts facts, String words) {
    return facts.releaseAt().map(at -> words + format(at, facts.zone()) + ". ").orElse(words.stripTrailing()
        .replaceFirst(",? at$", "") + ". ");
  }

  private static String at(Facts facts, Optional<Instant> instant) {
    return instant.map(value -> format(value, facts.zone())).orElse("the end of its term");
  }

  private static String day(Facts facts, Optional<Instant> instant) {
    return instant.map(value -> DAY.format(value.atZone(facts.zone()))).orElse("its expiry date");
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /** {@code 2023-05-09 00:00 (UTC+08:00)}: the prose form of an instant, in {@code zone}. */
  public static String format(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    String offset = local.getOffset().getId();
    return MINUTE.format(local) + " (UTC" + ("Z".equals(offset) ? "+00:00" : offset) + ")";
  }
}
