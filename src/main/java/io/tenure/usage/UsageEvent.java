package io.tenure.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One metered event as read from a batch, not yet checked against the resources. Immutable.
 *
 * @param index its position in the batch, as a rejection names it
 * @param time truncated to microseconds, the precision it is stored with
 */
public record UsageEvent(int index, String id, String resourceId, String meter, BigDecimal quantity, Instant time) {

  /** The UTC day of the event's own time: its partition, and part of its key, the same for every resend. */
  public LocalDate day() {
    return LocalDate.ofInstant(time, ZoneOffset.UTC);
  }
}
