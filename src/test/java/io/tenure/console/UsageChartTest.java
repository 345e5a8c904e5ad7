package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Json;
import org.junit.jupiter.api.Test;

class UsageChartTest {

  /** Ten hours; usage in the first and the sixth hour, two meters in the sixth, part of it not yet billed. */
  private static JsonNode report() throws Exception {
    return Json.MAPPER.readTree("""
        {"from": "2026-03-10T08:00:00+08:00", "to": "2026-03-10T18:00:00+08:00", "truncated": false, "items": [
          {"resourceId": "res_1", "hour": "2026-03-10T08:00:00+08:00", "meter": "vcpu_hours", "quantity": 2, "amount": "1.00", "billed": true},
          {"resourceId": "res_1", "hour": "2026-03-10T13:00:00+08:00", "meter": "vcpu_hours", "quantity": 4, "amount": "2.00", "billed": true},
          {"resourceId": "res_1", "hour": "2026-03-10T13:00:00+08:00", "meter": "egress_gb", "quantity": 1.5, "amount": "1.50", "billed": true},
          {"resourceId": "res_1", "hour": "2026-03-10T13:00:00+08:00", "meter": "vcpu_hours", "quantity": 1, "amount": "0.50", "billed": false}
        ]}""");
  }

  @Test
  void eachHourWithUsageIsOneBarPlacedOnItsHour() throws Exception {
    UsageChart chart = UsageChart.of(report());
    assertThat(chart.bars()).extracting(UsageChart.Bar::x).containsExactly(0.0, 500.0);
    assertThat(chart.bars()).extracting(UsageChart.Bar::hour)
        .containsExactly("2026-03-10 08:00 (UTC+08:00)", "2026-03-10 13:00 (UTC+08:00)");
    assertThat(chart.bars().getFirst().width()).isEqualTo(80.0);
  }

  @Test
  void theBusiestHourFillsTheHeightAndTheOthersAreInProportion() throws Exception {
    UsageChart chart = UsageChart.of(report());
    assertThat(chart.peak()).isEqualTo("4.00");
    assertThat(chart.total()).isEqualTo("5.00");
    UsageChart.Bar busiest = chart.bars().get(1);
    assertThat(busiest.parts().stream().mapToDouble(UsageChart.Part::height).sum()).isEqualTo(UsageChart.HEIGHT);
    assertThat(busiest.parts().getLast().y()).isEqualTo(0.0);
    assertThat(chart.bars().getFirst().parts().getFirst().height()).isEqualTo(50.0);
    assertThat(chart.bars().getFirst().parts().getFirst().y()).isEqualTo(150.0);
  }

  @Test
  void aBarIsStackedByMeterWithTheBilledPartBeforeTheUnbilled() throws Exception {
    UsageChart chart = UsageChart.of(report());
    assertThat(chart.meters()).containsExactly("egress_gb", "vcpu_hours");
    assertThat(chart.bars().get(1).parts()).extracting(UsageChart.Part::meter, UsageChart.Part::billed, UsageChart.Part::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, true, "1.50"), org.assertj.core.groups.Tuple.tuple(1, true, "2.00"),
            org.assertj.core.groups.Tuple.tuple(1, false, "0.50"));
  }

  @Test
  void aTinyAmountStaysVisibleAndNoUsageDrawsNoBar() throws Exception {
    UsageChart tiny = UsageChart.of(Json.MAPPER.readTree("""
        {"from": "2026-03-10T08:00:00Z", "to": "2026-03-10T10:00:00Z", "truncated": false, "items": [
          {"resourceId": "r", "hour": "2026-03-10T08:00:00Z", "meter": "m", "quantity": 100, "amount": "100.00", "billed": true},
          {"resourceId": "r", "hour": "2026-03-10T09:00:00Z", "meter": "m", "quantity": 0.0001, "amount": "0.00", "billed": false}]}"""));
    assertThat(tiny.bars().get(1).parts().getFirst().height()).isEqualTo(1.0);
    UsageChart none = UsageChart.of(Json.MAPPER.readTree("""
        {"from": "2026-03-10T08:00:00Z", "to": "2026-03-10T10:00:00Z", "truncated": false, "items": []}"""));
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.total()).isEqualTo("0");
  }
}
