package io.tenure.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** How notices write instants and dates in prose, in the account's zone, the same in every language. */
public final class ProseTime {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private ProseTime() {}

  /** {@code 2023-05-09 00:00 (UTC+08:00)}: the prose form of an instant, in {@code zone}. */
  public static String instant(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    String offset = local.getOffset().getId();
    return MINUTE.format(local) + " (UTC" + ("Z".equals(offset) ? "+00:00" : offset) + ")";
  }

  /** {@code 2023-05-09}: the local date of {@code instant} in {@code zone}. */
  public static String date(Instant instant, ZoneId zone) {
    return DAY.format(instant.atZone(zone));
  }
}
