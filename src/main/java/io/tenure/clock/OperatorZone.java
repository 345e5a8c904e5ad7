package io.tenure.clock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The operator's time zone ({@code --zone}), in which everything not tied to an account is shown: the
 * simulated clock, clock errors and log lines. Held process-wide because log output is process-wide; set
 * by each start, before anything of it is logged. Thread-safe.
 */
public final class OperatorZone {
  /** The default of {@code --zone}, in force until a start sets the operator's own. */
  public static final ZoneId DEFAULT = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter PROSE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm '(UTC'xxx')'");
  private static volatile ZoneId zone = DEFAULT;

  private OperatorZone() {}

  public static void set(ZoneId operatorZone) {
    zone = operatorZone;
  }

  public static ZoneId zone() {
    return zone;
  }

  /** {@code instant} as ISO-8601 with the operator's offset, e.g. {@code 2023-05-09T00:00:00+08:00}: for logs. */
  public static String iso(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
  }

  /** {@code instant} for a sentence, e.g. {@code 2023-05-09 00:00 (UTC+08:00)}: for error messages. */
  public static String prose(Instant instant) {
    return PROSE.format(instant.atZone(zone));
  }
}
