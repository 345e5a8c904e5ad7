package io.tenure.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.lifecycle.NoticeType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The text of every notice type: plan, resource, the dates that matter in the account's zone, what to do. */
class NoticeTextsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Optional<Instant> TERM_END = Optional.of(Instant.parse("2023-04-08T15:59:59Z"));
  private static final Optional<Instant> RELEASE = Optional.of(Instant.parse("2023-04-23T16:00:00Z"));
  private static final String TERM_END_TEXT = "2023-04-08 23:59 (UTC+08:00)";
  private static final String RELEASE_TEXT = "2023-04-24 00:00 (UTC+08:00)";

  private static NoticeTexts.Text render(String type, String dueAt, Optional<Instant> termEnd) {
    return NoticeTexts.render(new NoticeTexts.Facts(NoticeType.valueOf(type), Optional.of("KooDrive Basic"), Optional.of("res_1"),
        Instant.parse(dueAt), termEnd, type.equals("RENEWED") || type.equals("RESTORED") ? Optional.empty() : RELEASE,
        SHANGHAI));
  }

  /** Type, when it falls due (UTC), a date its body must give, and what it must tell the customer to do. */
  static Stream<Arguments> everyType() {
    return Stream.of(
        Arguments.of("EXPIRY_WARNING", "2023-04-06T16:00:00Z", TERM_END_TEXT, "Renew it before then"),
        Arguments.of("OVERDUE_REMINDER", "2023-04-07T16:00:00Z", "expires today, at " + TERM_END_TEXT, "Renew it now"),
        Arguments.of("EXPIRED", "2023-04-08T16:00:00Z", "expired at " + TERM_END_TEXT, "Renew it"),
        Arguments.of("FROZEN", "2023-04-15T16:00:00Z", "frozen at 2023-04-16 00:00 (UTC+08:00)", "Renew it"),
        Arguments.of("RELEASE_SCHEDULED", "2023-04-15T16:00:00Z", RELEASE_TEXT, "Renew it before then"),
        Arguments.of("RELEASED", "2023-04-23T16:00:00Z", "was released, and its data erased, at " + RELEASE_TEXT,
            "buy a new resource"),
        Arguments.of("RENEWED", "2023-04-07T16:00:00Z", "renewed at 2023-04-08 00:00 (UTC+08:00)", "Renew it again"),
        Arguments.of("RESTORED", "2023-04-10T04:00:00Z", "restored to full service at 2023-04-10 12:00 (UTC+08:00)",
            "term now ends"),
        Arguments.of("AUTO_RENEW_INSUFFICIENT_BALANCE", "2023-04-01T16:00:00Z", TERM_END_TEXT, "Top up the account"));
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void everyNoticeNamesPlanResourceItsDatesAndWhatToDo(String type, String dueAt, String date, String action) {
    NoticeTexts.Text text = render(type, dueAt, TERM_END);

    assertThat(text.title()).contains("KooDrive Basic");
    assertThat(text.body()).contains("KooDrive Basic resource res_1").contains(date).contains(action).endsWith(".");
    if (!type.equals("RELEASED") && !type.equals("RENEWED") && !type.equals("RESTORED")) {
      assertThat(text.body()).as("before a release, its exact instant").contains(RELEASE_TEXT);
    }
  }

  @Test
  void theTableCoversEveryNoticeTypeTheLifecycleSends() {
    assertThat(everyType().map(arguments -> (String) arguments.get()[0]))
        .containsAll(Arrays.stream(NoticeType.values()).map(Enum::name).toList());
  }

  @Test
  void theReleasedNoticeSpeaksOfTheReleaseAsDone() {
    String body = render("RELEASED", "2023-04-23T16:00:00Z", TERM_END).body();

    assertThat(body).isEqualTo("Your KooDrive Basic resource res_1 was released, and its data erased, at "
        + RELEASE_TEXT + ". To use KooDrive Basic again, buy a new resource.");
    assertThat(body).doesNotContain("will be");
  }

  @Test
  void theExpiryWarningNamesThePlanAndTheExpiryDate() {
    NoticeTexts.Text text = render("EXPIRY_WARNING", "2023-04-06T16:00:00Z", TERM_END);

    assertThat(text.title()).isEqualTo("Your KooDrive Basic expires on 2023-04-08");
    assertThat(text.body()).isEqualTo("Your KooDrive Basic resource res_1 expires at " + TERM_END_TEXT + ". Renew it before"
        + " then, or turn on auto-renewal and keep enough balance, to keep the service. If it is not renewed, it will be"
        + " released, and its data erased, at " + RELEASE_TEXT + ".");
  }

  @Test
  void aPayAsYouGoResourceIsToldToTopUpNotToRenew() {
    NoticeTexts.Text reminder = render("OVERDUE_REMINDER", "2023-04-10T16:00:00Z", Optional.empty());
    NoticeTexts.Text frozen = render("FROZEN", "2023-04-10T16:00:00Z", Optional.empty());

    assertThat(reminder.body()).contains("in arrears").contains("Top up the account").contains(RELEASE_TEXT)
        .doesNotContain("Renew");
    assertThat(frozen.body()).contains("Top up the account").doesNotContain("Renew");
  }

  @Test
  void aReminderAfterTheExpiryDateSaysTheResourceExpired() {
    assertThat(render("OVERDUE_REMINDER", "2023-04-10T16:00:00Z", TERM_END).body())
        .startsWith("Your KooDrive Basic resource res_1 expired at " + TERM_END_TEXT + " and is overdue.");
  }

  @Test
  void instantsInProseCarryTheirOffsetAsUtcPlusOrMinus() {
    Instant instant = Instant.parse("2023-05-08T16:00:00Z");
    assertThat(NoticeTexts.format(instant, SHANGHAI)).isEqualTo("2023-05-09 00:00 (UTC+08:00)");
    assertThat(NoticeTexts.format(instant, ZoneId.of("UTC"))).isEqualTo("2023-05-08 16:00 (UTC+00:00)");
    assertThat(NoticeTexts.format(instant, ZoneId.of("America/New_York"))).isEqualTo("2023-05-08 12:00 (UTC-04:00)");
  }
}
