package io.tenure.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.account.AccountLocale;
import io.tenure.lifecycle.NoticeType;
import io.tenure.money.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The content of every notice type in every language, for every channel. */
class NoticeContentTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Optional<Instant> TERM_END = Optional.of(Instant.parse("2023-04-08T15:59:59Z"));
  private static final Optional<Instant> RELEASE = Optional.of(Instant.parse("2023-04-23T16:00:00Z"));
  private static final String TERM_END_TEXT = "2023-04-08 23:59 (UTC+08:00)";
  private static final String RELEASE_TEXT = "2023-04-24 00:00 (UTC+08:00)";

  /**
   * A KooDrive Basic resource (policy huawei-drive) with the dates a notice of {@code type} carries; the whole
   * account for the notices about its balance.
   */
  static NoticeFacts facts(NoticeType type, String dueAt, Optional<Instant> termEnd) {
    if (type == NoticeType.LOW_BALANCE || type == NoticeType.ARREARS || type == NoticeType.AUTO_RECHARGE_DISABLED) {
      return new NoticeFacts(type, Optional.empty(), Optional.empty(), Instant.parse(dueAt), Optional.empty(), Optional.empty(),
          SHANGHAI);
    }
    boolean beforeRelease = type != NoticeType.RENEWED && type != NoticeType.RESTORED && type != NoticeType.HOLD_LIFTED;
    return new NoticeFacts(type, Optional.of("KooDrive Basic"), Optional.of("res_1"), Instant.parse(dueAt), termEnd,
        beforeRelease ? RELEASE : Optional.empty(), SHANGHAI);
  }

  private static Rendered render(String type, String dueAt, Optional<Instant> termEnd) {
    return NoticeContent.render(facts(NoticeType.valueOf(type), dueAt, termEnd), AccountLocale.EN);
  }

  /** Every type with and without a term, about a resource and about the whole account, with every amount. */
  static Stream<Arguments> everyTypeAndLocale() {
    List<Arguments> cases = new ArrayList<>();
    for (AccountLocale locale : AccountLocale.values()) {
      for (NoticeType type : NoticeType.values()) {
        for (Optional<Instant> termEnd : List.of(TERM_END, Optional.<Instant>empty())) {
          NoticeFacts facts = facts(type, "2023-04-10T16:00:00Z", termEnd);
          cases.add(Arguments.of(type, locale, facts));
          cases.add(Arguments.of(type, locale, facts.withAmounts(Optional.of(new Money(19_375, CNY)),
              Optional.of(new Money(1_050, CNY)), Optional.of(new Money(5_000, CNY))).withHoldReason("SECURITY")));
          cases.add(Arguments.of(type, locale, new NoticeFacts(type, Optional.empty(), Optional.empty(), facts.dueAt(),
              Optional.empty(), Optional.empty(), SHANGHAI)));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("everyTypeAndLocale")
  void everyTypeRendersEveryChannelWithEveryPlaceholderFilled(NoticeType type, AccountLocale locale, NoticeFacts facts) {
    Rendered rendered = NoticeContent.render(facts, locale);

    List<String> parts = List.of(rendered.subject(), rendered.html(), rendered.text(), rendered.sms(), rendered.title(),
        rendered.body());
    assertThat(parts).allSatisfy(part -> assertThat(part).isNotBlank().doesNotContain("${").doesNotContain("{plan}")
        .doesNotContainPattern("\\{[A-Za-z]+}"));
    assertThat(List.of(rendered.subject(), rendered.sms(), rendered.title(), rendered.body()))
        .allSatisfy(part -> assertThat(part).doesNotContain("{").doesNotContain("}").doesNotContain("\n"));
    assertThat(rendered.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + locale.tag() + "\">")
        .contains(rendered.title());
    assertThat(rendered.text()).startsWith(rendered.title()).doesNotContain("<");
    facts.resourceId().ifPresent(id -> assertThat(List.of(rendered.subject(), rendered.body(), rendered.sms(), rendered.text()))
        .allSatisfy(part -> assertThat(part).contains(id).contains("KooDrive Basic")));
    if (facts.releaseAt().isPresent()) {
      assertThat(List.of(rendered.body(), rendered.text(), rendered.html(), rendered.sms()))
          .as("before a release, its exact instant").allSatisfy(part -> assertThat(part).contains(RELEASE_TEXT));
    }
    facts.balance().ifPresent(balance -> assertThat(List.of(rendered.body(), rendered.text(), rendered.html()))
        .allSatisfy(part -> assertThat(part).contains("10.50 CNY")));
  }

  @Test
  void everyLanguageHasTheSameTexts() {
    assertThat(NoticeBundle.load(AccountLocale.ZH_CN).keys()).isEqualTo(NoticeBundle.load(AccountLocale.EN).keys());
  }

  @Test
  void aChineseExpiryWarningOfAHuaweiDriveResourceStatesTheReleaseInstantInChinese() {
    Rendered rendered = NoticeContent.render(facts(NoticeType.EXPIRY_WARNING, "2023-04-01T16:00:00Z", TERM_END),
        AccountLocale.ZH_CN);

    assertThat(rendered.title()).isEqualTo("您的KooDrive Basic将于2023-04-08到期");
    assertThat(rendered.body()).isEqualTo("您的KooDrive Basic资源res_1将于" + TERM_END_TEXT + "到期。请在此之前续费，或开启自动续费并"
        + "保持余额充足，以免服务中断。如未续费，该资源将于" + RELEASE_TEXT + "释放，数据将被删除且无法恢复。");
    assertThat(rendered.subject()).isEqualTo("您的KooDrive Basic将于2023-04-08到期（res_1）");
    assertThat(rendered.html()).contains("<html lang=\"zh-CN\">").contains("释放，数据将被删除且无法恢复").contains(RELEASE_TEXT);
    assertThat(rendered.text()).contains("如未续费，该资源将于" + RELEASE_TEXT + "释放");
    assertThat(rendered.sms()).isEqualTo("【Tenure】您的KooDrive Basic资源res_1将于" + TERM_END_TEXT + "到期。未续费将于"
        + RELEASE_TEXT + "释放并删除数据。");
  }

  @Test
  void theHtmlEscapesEveryValueAndThePlainTextKeepsIt() {
    NoticeFacts facts = new NoticeFacts(NoticeType.EXPIRY_WARNING, Optional.of("<script>alert('x')</script> & Co"),
        Optional.of("res_1"), Instant.parse("2023-04-01T16:00:00Z"), TERM_END, RELEASE, SHANGHAI);

    Rendered rendered = NoticeContent.render(facts, AccountLocale.EN);

    assertThat(rendered.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("&amp; Co");
    assertThat(rendered.text()).contains("<script>alert('x')</script> & Co");
    assertThat(rendered.title()).contains("<script>");
  }

  @Test
  void theExpiryWarningNamesThePlanTheExpiryDateAndTheReleaseInstant() {
    Rendered rendered = render("EXPIRY_WARNING", "2023-04-06T16:00:00Z", TERM_END);

    assertThat(rendered.title()).isEqualTo("Your KooDrive Basic expires on 2023-04-08");
    assertThat(rendered.body()).isEqualTo("Your KooDrive Basic resource res_1 expires at " + TERM_END_TEXT + ". Renew it before"
        + " then, or turn on auto-renewal and keep enough balance, to keep the service. If it is not renewed, it will be"
        + " released, and its data erased, at " + RELEASE_TEXT + ".");
    assertThat(rendered.subject()).isEqualTo("Your KooDrive Basic expires on 2023-04-08 (res_1)");
    assertThat(rendered.sms()).isEqualTo("Tenure: your KooDrive Basic res_1 expires at " + TERM_END_TEXT
        + ". If not renewed, it is released and its data erased at " + RELEASE_TEXT + ".");
  }

  @Test
  void theReleasedNoticeSpeaksOfTheReleaseAsDone() {
    String body = render("RELEASED", "2023-04-23T16:00:00Z", TERM_END).body();

    assertThat(body).isEqualTo("Your KooDrive Basic resource res_1 was released, and its data erased, at "
        + RELEASE_TEXT + ". To use KooDrive Basic again, buy a new resource.");
    assertThat(body).doesNotContain("will be");
  }

  @Test
  void aPayAsYouGoResourceIsToldToTopUpNotToRenew() {
    Rendered reminder = render("OVERDUE_REMINDER", "2023-04-10T16:00:00Z", Optional.empty());
    Rendered frozen = render("FROZEN", "2023-04-10T16:00:00Z", Optional.empty());

    assertThat(reminder.body()).contains("in arrears").contains("Top up the account").contains(RELEASE_TEXT)
        .doesNotContain("Renew").doesNotContain("renewed");
    assertThat(frozen.body()).contains("Top up the account").doesNotContain("Renew");
  }

  @Test
  void aReminderOnTheExpiryDateSaysTodayAndAfterItSaysOverdue() {
    assertThat(render("OVERDUE_REMINDER", "2023-04-07T16:00:00Z", TERM_END).body())
        .startsWith("Your KooDrive Basic resource res_1 expires today, at " + TERM_END_TEXT + ".");
    assertThat(render("OVERDUE_REMINDER", "2023-04-10T16:00:00Z", TERM_END).body())
        .startsWith("Your KooDrive Basic resource res_1 expired at " + TERM_END_TEXT + " and is overdue.");
  }

  @Test
  void theInsufficientBalanceNoticeGivesTheRenewalPriceAndTheBalance() {
    NoticeFacts facts = facts(NoticeType.AUTO_RENEW_INSUFFICIENT_BALANCE, "2023-04-01T16:00:00Z", TERM_END)
        .withAmounts(Optional.of(new Money(19_375, CNY)), Optional.of(new Money(1_050, CNY)), Optional.empty());

    Rendered english = NoticeContent.render(facts, AccountLocale.EN);
    Rendered chinese = NoticeContent.render(facts, AccountLocale.ZH_CN);

    assertThat(english.body()).contains("The renewal costs 193.75 CNY. The account's balance is 10.50 CNY.");
    assertThat(chinese.body()).contains("续费价格为193.75 CNY。账户当前余额为10.50 CNY。");
    assertThat(english.html()).contains("Renewal price").contains("193.75 CNY");
  }

  @Test
  void theSmsTemplateParametersAreTheFactsTheNoticeHasWrittenAsItsTextsWriteThem() {
    NoticeFacts shortfall = facts(NoticeType.AUTO_RENEW_INSUFFICIENT_BALANCE, "2023-04-01T16:00:00Z", TERM_END)
        .withAmounts(Optional.of(new Money(19_375, CNY)), Optional.of(new Money(1_050, CNY)), Optional.empty());
    NoticeFacts hold = facts(NoticeType.HOLD_APPLIED, "2023-04-01T16:00:00Z", Optional.empty()).withHoldReason("SECURITY");

    assertThat(NoticeContent.render(shortfall, AccountLocale.ZH_CN).smsParameters()).isEqualTo(Map.of(
        "type", "AUTO_RENEW_INSUFFICIENT_BALANCE", "plan", "KooDrive Basic", "resource", "res_1",
        "dueAt", "2023-04-02 00:00 (UTC+08:00)", "termEnd", TERM_END_TEXT, "expiryDate", "2023-04-08",
        "releaseAt", RELEASE_TEXT, "price", "193.75", "balance", "10.50", "currency", "CNY"));
    assertThat(NoticeContent.render(hold, AccountLocale.EN).smsParameters())
        .containsEntry("type", "HOLD_APPLIED").containsKey("reason").doesNotContainKeys("termEnd", "expiryDate", "price", "currency");
  }

  @Test
  void rendersAreDeterministic() {
    NoticeFacts facts = facts(NoticeType.FROZEN, "2023-04-15T16:00:00Z", TERM_END);

    assertThat(NoticeContent.render(facts, AccountLocale.ZH_CN)).isEqualTo(NoticeContent.render(facts, AccountLocale.ZH_CN));
  }

  @Test
  void instantsInProseCarryTheirOffsetAsUtcPlusOrMinus() {
    Instant instant = Instant.parse("2023-05-08T16:00:00Z");
    assertThat(ProseTime.instant(instant, SHANGHAI)).isEqualTo("2023-05-09 00:00 (UTC+08:00)");
    assertThat(ProseTime.instant(instant, ZoneId.of("UTC"))).isEqualTo("2023-05-08 16:00 (UTC+00:00)");
    assertThat(ProseTime.instant(instant, ZoneId.of("America/New_York"))).isEqualTo("2023-05-08 12:00 (UTC-04:00)");
  }
}
