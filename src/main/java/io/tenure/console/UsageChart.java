package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.notify.ProseTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pay-as-you-go resource's usage ({@code GET /v1/resources/{id}/usage}) as bars to draw in SVG: one bar per UTC
 * hour that had usage, placed on a time axis from {@code from} to {@code to}, its height the hour's amount. A bar
 * is stacked by meter, billed parts solid and not yet billed parts pale. Amounts are money, so meters of
 * different units can share one axis. Times read in the account's zone, as the API gave them.
 */
public record UsageChart(List<Bar> bars, List<String> meters, String from, String to, String peak, String total,
    boolean truncated) {
  /** The drawing's size in SVG units; the page scales it. */
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 200;
  /** A part with usage stays visible however small its amount. */
  private static final double SMALLEST = 1;

  /** One hour's bar, at x, made of its parts bottom up. */
  public record Bar(double x, double width, String hour, String amount, List<Part> parts) {}

  /** One meter's billed or not yet billed part of an hour; {@code meter} indexes {@link #meters()} for its colour. */
  public record Part(double y, double height, int meter, boolean billed, String quantity, String amount) {}

  public boolean isEmpty() {
    return bars.isEmpty();
  }

  static UsageChart of(JsonNode report) {
    OffsetDateTime from = OffsetDateTime.parse(report.path("from").asText());
    OffsetDateTime to = OffsetDateTime.parse(report.path("to").asText());
    Instant start = from.toInstant().truncatedTo(ChronoUnit.HOURS);
    // Hour slots on the axis; a last hour only begun still gets its slot.
    long hours = Math.max(1, (Duration.between(start, to.toInstant()).toMinutes() + 59) / 60);
    Map<Instant, List<JsonNode>> byHour = new TreeMap<>();
    List<String> meters = new ArrayList<>();
    for (JsonNode row : report.path("items")) {
      byHour.computeIfAbsent(OffsetDateTime.parse(row.path("hour").asText()).toInstant(), hour -> new ArrayList<>()).add(row);
      if (!meters.contains(row.path("meter").asText())) {
        meters.add(row.path("meter").asText());
      }
    }
    meters.sort(null);
    Map<Instant, BigDecimal> totals = new LinkedHashMap<>();
    byHour.forEach((hour, rows) -> totals.put(hour, rows.stream().map(UsageChart::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
    BigDecimal peak = totals.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    double slot = (double) WIDTH / hours;
    List<Bar> bars = new ArrayList<>();
    byHour.forEach((hour, rows) -> {
      double x = round(slot * Duration.between(start, hour).toHours());
      bars.add(new Bar(x, round(slot * 0.8), ProseTime.instant(hour, from.getOffset()), totals.get(hour).toPlainString(),
          parts(rows, meters, peak)));
    });
    return new UsageChart(bars, meters, ProseTime.instant(from.toInstant(), from.getOffset()),
        ProseTime.instant(to.toInstant(), to.getOffset()), peak.toPlainString(),
        totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString(), report.path("truncated").asBoolean());
  }

  /** The hour's parts stacked from the bottom: meters in name order, each billed first. */
  private static List<Part> parts(List<JsonNode> rows, List<String> meters, BigDecimal peak) {
    List<JsonNode> ordered = new ArrayList<>(rows);
    ordered.sort((first, second) -> {
      int byMeter = first.path("meter").asText().compareTo(second.path("meter").asText());
      return byMeter != 0 ? byMeter : Boolean.compare(second.path("billed").asBoolean(), first.path("billed").asBoolean());
    });
    List<Part> parts = new ArrayList<>();
    double top = HEIGHT;
    for (JsonNode row : ordered) {
      double share = peak.signum() == 0 ? 0 : amount(row).doubleValue() / peak.doubleValue();
      double height = round(Math.max(SMALLEST, share * HEIGHT));
      top = round(Math.max(0, top - height));
      parts.add(new Part(top, height, meters.indexOf(row.path("meter").asText()), row.path("billed").asBoolean(),
          row.path("quantity").asText(), row.path("amount").asText()));
    }
    return parts;
  }

  private static BigDecimal amount(JsonNode row) {
    return new BigDecimal(row.path("amount").asText("0"));
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
