package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Json;
import org.junit.jupiter.api.Test;

class TimelineBarTest {

  private static JsonNode timeline() throws Exception {
    return Json.MAPPER.readTree("""
        {"resourceId": "res_1", "now": "2023-03-18T00:00:00+08:00", "events": [
          {"at": "2023-03-08T00:00:00+08:00", "event": "PURCHASED", "phase": "ACTIVE", "projected": false},
          {"at": "2023-04-08T00:00:00+08:00", "event": "ENTERED_GRACE", "phase": "GRACE", "projected": true},
          {"at": "2023-04-15T00:00:00+08:00", "event": "ENTERED_FROZEN", "phase": "FROZEN", "projected": true},
          {"at": "2023-05-07T00:00:00+08:00", "event": "RELEASE_REQUESTED", "phase": "RELEASE_PENDING", "projected": true}
        ]}""");
  }

  @Test
  void thePhaseOfNowIsSolidUpToNowAndPaleBeyond() throws Exception {
    TimelineBar bar = TimelineBar.of(timeline());
    assertThat(bar.spans()).extracting(TimelineBar.Span::phase, TimelineBar.Span::projected)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ACTIVE", false), org.assertj.core.groups.Tuple.tuple("ACTIVE", true),
            org.assertj.core.groups.Tuple.tuple("GRACE", true), org.assertj.core.groups.Tuple.tuple("FROZEN", true));
    assertThat(bar.spans().get(1).x()).isEqualTo(bar.nowX());
    assertThat(bar.spans().getLast().x() + bar.spans().getLast().width()).isEqualTo(TimelineBar.WIDTH);
  }

  @Test
  void theProjectedInstantsAreMarkedInTheAccountsZone() throws Exception {
    TimelineBar bar = TimelineBar.of(timeline());
    assertThat(bar.marks()).extracting(TimelineBar.Mark::event, TimelineBar.Mark::at).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ENTERED_GRACE", "2023-04-08 00:00 (UTC+08:00)"),
        org.assertj.core.groups.Tuple.tuple("ENTERED_FROZEN", "2023-04-15 00:00 (UTC+08:00)"),
        org.assertj.core.groups.Tuple.tuple("RELEASE_REQUESTED", "2023-05-07 00:00 (UTC+08:00)"));
    assertThat(bar.now()).isEqualTo("2023-03-18 00:00 (UTC+08:00)");
  }

  @Test
  void aTimelineWithoutEventsIsAnEmptyBarAtNow() throws Exception {
    TimelineBar bar = TimelineBar.of(Json.MAPPER.readTree("{\"now\": \"2023-03-18T00:00:00Z\", \"events\": []}"));
    assertThat(bar.spans()).isEmpty();
    assertThat(bar.now()).isEqualTo("2023-03-18 00:00 (UTC+00:00)");
  }
}
