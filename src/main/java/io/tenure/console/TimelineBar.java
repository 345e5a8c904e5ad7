package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.notify.ProseTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A resource's timeline ({@code GET /v1/resources/{id}/timeline}) as a bar to draw in SVG: one span per phase,
 * past spans solid and projected ones pale, a line at now, and a labelled mark at each projected instant that
 * changes the phase (grace, frozen, release). Times read in the account's zone, as the API gave them.
 */
public record TimelineBar(List<Span> spans, double nowX, String now, List<Mark> marks, List<Row> rows) {
  /** The bar's width in SVG units; the page scales it. */
  public static final int WIDTH = 1000;
  /** Events that change the phase, marked on the bar. */
  private static final Set<String> MARKED = Set.of("ENTERED_GRACE", "ENTERED_FROZEN", "RELEASE_REQUESTED", "RELEASED",
      "RESTORED", "RENEWED", "UNSUBSCRIBED");
  /** The table under the bar lists at most this many events: the latest past ones and the next projected ones. */
  private static final int ROWS_EACH_SIDE = 12;

  /** Where the "now" label sits: at the line, kept inside the bar. */
  public double nowLabelX() {
    return Math.max(20, Math.min(WIDTH - 20, nowX));
  }

  /** A stretch of one phase from x to x + width. */
  public record Span(double x, double width, String phase, boolean projected) {}

  /** A labelled instant on the bar. */
  public record Mark(double x, String event, String at, boolean projected) {}

  /** One event in the table: when, what, the phase after it, whether projected. */
  public record Row(String at, String event, String phase, boolean projected) {}

  static TimelineBar of(JsonNode timeline) {
    OffsetDateTime nowLocal = OffsetDateTime.parse(timeline.path("now").asText());
    Instant now = nowLocal.toInstant();
    ZoneOffset zone = nowLocal.getOffset();
    List<JsonNode> events = new ArrayList<>();
    timeline.path("events").forEach(events::add);
    if (events.isEmpty()) {
      return new TimelineBar(List.of(), WIDTH, ProseTime.instant(now, zone), List.of(), List.of());
    }
    Instant start = at(events.getFirst());
    Instant end = max(now, at(events.getLast()));
    Scale scale = new Scale(start, end.equals(start) ? start.plusSeconds(1) : end);
    List<Span> spans = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    for (int index = 0; index < events.size(); index++) {
      JsonNode event = events.get(index);
      Instant from = at(event);
      Instant to = index + 1 < events.size() ? at(events.get(index + 1)) : end;
      boolean projected = event.path("projected").asBoolean();
      String phase = event.path("phase").asText();
      if (!projected && from.isBefore(now) && to.isAfter(now)) {
        // The phase the resource is in now: solid up to now, pale beyond.
        spans.add(new Span(scale.x(from), scale.x(now) - scale.x(from), phase, false));
        spans.add(new Span(scale.x(now), scale.x(to) - scale.x(now), phase, true));
      } else if (to.isAfter(from)) {
        spans.add(new Span(scale.x(from), scale.x(to) - scale.x(from), phase, projected || !from.isBefore(now)));
      }
      if (MARKED.contains(event.path("event").asText())) {
        marks.add(new Mark(scale.x(from), event.path("event").asText(), prose(event), projected));
      }
    }
    return new TimelineBar(spans, scale.x(now), ProseTime.instant(now, zone), marks, rows(events));
  }

  private static List<Row> rows(List<JsonNode> events) {
    int firstProjected = 0;
    while (firstProjected < events.size() && !events.get(firstProjected).path("projected").asBoolean()) {
      firstProjected++;
    }
    List<JsonNode> shown = new ArrayList<>(events.subList(Math.max(0, firstProjected - ROWS_EACH_SIDE), firstProjected));
    shown.addAll(events.subList(firstProjected, Math.min(events.size(), firstProjected + ROWS_EACH_SIDE)));
    return shown.stream().map(event -> new Row(prose(event), event.path("event").asText(), event.path("phase").asText(),
        event.path("projected").asBoolean())).toList();
  }

  /** The instant as written in prose, in the offset the API gave it (the account's zone). */
  private static String prose(JsonNode event) {
    OffsetDateTime at = OffsetDateTime.parse(event.path("at").asText());
    return ProseTime.instant(at.toInstant(), at.getOffset());
  }

  private static Instant at(JsonNode event) {
    return OffsetDateTime.parse(event.path("at").asText()).toInstant();
  }

  private static Instant max(Instant first, Instant second) {
    return first.isAfter(second) ? first : second;
  }

  private record Scale(Instant start, Instant end) {
    double x(Instant instant) {
      double share = (double) (instant.toEpochMilli() - start.toEpochMilli()) / (end.toEpochMilli() - start.toEpochMilli());
      return Math.round(Math.max(0, Math.min(1, share)) * WIDTH * 10) / 10.0;
    }
  }
}
