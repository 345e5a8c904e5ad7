package io.tenure.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.lifecycle.NoticeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which notices share an outbox row. */
class NoticesTest {
  private static final Instant EXPIRY = Instant.parse("2023-04-08T16:00:00Z");
  private static final Optional<Instant> RELEASE = Optional.of(Instant.parse("2023-05-08T16:00:00Z"));

  private static Notice transition(String resource, String type, Instant at) {
    return Notice.ofTransition("acc_1", resource, NoticeType.valueOf(type), at, RELEASE);
  }

  private static List<List<String>> types(List<List<Notice>> rows) {
    return rows.stream().map(row -> row.stream().map(notice -> notice.type().name()).toList()).toList();
  }

  @Test
  void theNoticesOfOneTransitionShareARowInTheirOrder() {
    List<Notice> raised = List.of(transition("res_a", "EXPIRED", EXPIRY), transition("res_a", "FROZEN", EXPIRY),
        transition("res_a", "RELEASE_SCHEDULED", EXPIRY));

    assertThat(types(Notices.rows(raised))).containsExactly(List.of("EXPIRED", "FROZEN", "RELEASE_SCHEDULED"));
  }

  @Test
  void anotherResourceInstantReleaseOrAccountStartsANewRow() {
    Instant later = EXPIRY.plusSeconds(86_400);
    List<Notice> raised = List.of(transition("res_a", "EXPIRED", EXPIRY), transition("res_b", "EXPIRED", EXPIRY),
        transition("res_b", "OVERDUE_REMINDER", later),
        Notice.ofTransition("acc_1", "res_b", NoticeType.RESTORED, later, Optional.empty()),
        Notice.ofTransition("acc_2", "res_b", NoticeType.RENEWED, later, Optional.empty()));

    assertThat(types(Notices.rows(raised))).containsExactly(List.of("EXPIRED"), List.of("EXPIRED"), List.of("OVERDUE_REMINDER"),
        List.of("RESTORED"), List.of("RENEWED"));
  }

  @Test
  void aDeduplicatedNoticeHasARowOfItsOwn() {
    Notice shortfall = Notice.once("res_a|AUTO_RENEW_INSUFFICIENT_BALANCE|2023-04-08", "acc_1", "res_a",
        NoticeType.AUTO_RENEW_INSUFFICIENT_BALANCE, EXPIRY);
    List<Notice> raised = List.of(transition("res_a", "OVERDUE_REMINDER", EXPIRY), shortfall, shortfall,
        transition("res_a", "EXPIRED", EXPIRY));

    List<List<Notice>> rows = Notices.rows(raised);

    assertThat(rows).hasSize(4);
    assertThat(rows.get(1)).containsExactly(shortfall);
    assertThat(rows.get(2)).containsExactly(shortfall);
  }

  @Test
  void aRowHoldsAtMostEightNotices() {
    List<Notice> raised = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      NoticeType type = NoticeType.values()[i % NoticeType.values().length];
      raised.add(Notice.ofTransition("acc_1", "res_a", type, EXPIRY, RELEASE));
    }

    List<List<Notice>> rows = Notices.rows(raised);

    assertThat(rows).extracting(List::size).containsExactly(8, 8, 3);
    assertThat(rows.stream().flatMap(List::stream).toList()).isEqualTo(raised);
  }
}
