package io.tenure.resource;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A resource's timeline as the API shows it: what happened, then what will happen if nobody acts, with
 * instants in the account's zone.
 */
public record TimelineView(String resourceId, OffsetDateTime now, List<Entry> events) {

  public TimelineView {
    events = List.copyOf(events);
  }

  /** One event, past or projected. */
  public record Entry(OffsetDateTime at, String event, String phase, boolean projected) {}
}
