package io.tenure.resource;

import io.tenure.error.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The paid period of a prepaid resource, {@code [start, end]}; {@code end} is 23:59:59 local on the expiry
 * date (SPEC.md section 2). Build terms with {@link TermRules}. Immutable.
 */
public record Term(Instant start, Instant end) {

  public Term {
    Require.invariant(start != null && end != null, "a term needs a start and an end");
    Require.invariant(end.isAfter(start), "a term must end after it starts: %s .. %s", start, end);
  }

  /** The expiry date D: the local date of {@code end}. The resource is expired from D+1 00:00 local. */
  public LocalDate expiryDate(ZoneId zone) {
    return LocalDate.ofInstant(end, zone);
  }

  public Duration length() {
    return Duration.between(start, end);
  }
}
