package io.tenure.usage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads an event's {@code time}: an ISO-8601 date-time with an offset, as {@link OffsetDateTime#parse} reads it,
 * truncated to microseconds. The form metering agents send ({@code 2026-03-01T10:15:00.123Z},
 * {@code 2026-03-01T10:15:00+08:00}) is read by hand, since the general parser was the largest cost of reading a
 * batch; anything else (and any value out of range) goes to the general parser, which decides. Pure.
 */
final class EventTimes {
  private static final int SECONDS_PER_HOUR = 3_600;
  private static final int SECONDS_PER_MINUTE = 60;
  private static final int OFFSET_HOURS_MAX = 18;

  private EventTimes() {}

  /** The instant {@code text} names, truncated to microseconds, or null when it is not such a date-time. */
  static Instant parse(String text) {
    Instant quick = quick(text);
    if (quick != null) {
      return quick;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)} with every field in range, or null for the general parser. */
  private static Instant quick(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59) {
      return null;
    }
    int position = 19;
    int micros = 0;
    if (text.charAt(position) == '.') {
      int start = ++position;
      while (position < length && position - start < 9 && isDigit(text.charAt(position))) {
        // Digits past the sixth are read (they must be digits) and dropped: truncation to microseconds.
        if (position - start < 6) {
          micros = micros * 10 + (text.charAt(position) - '0');
        }
        position++;
      }
      int read = position - start;
      if (read == 0) {
        return null;
      }
      for (int scale = Math.min(read, 6); scale < 6; scale++) {
        micros *= 10;
      }
    }
    Integer offsetSeconds = offset(text, position);
    if (offsetSeconds == null) {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException noSuchDay) {
      return null;
    }
    long epochSecond = epochDay * 86_400L + hour * SECONDS_PER_HOUR + minute * SECONDS_PER_MINUTE + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, micros * 1_000L);
  }

  /** The offset {@code Z} or {@code ±HH:mm} that ends the text at {@code position}, in seconds, or null. */
  private static Integer offset(String text, int position) {
    int rest = text.length() - position;
    if (rest == 1 && text.charAt(position) == 'Z') {
      return 0;
    }
    if (rest != 6 || text.charAt(position + 3) != ':') {
      return null;
    }
    char sign = text.charAt(position);
    int hours = digits(text, position + 1, 2);
    int minutes = digits(text, position + 4, 2);
    // A negative zero offset is left to the general parser, as is any offset out of range.
    if ((sign != '+' && sign != '-') || hours < 0 || hours > OFFSET_HOURS_MAX || minutes < 0 || minutes > 59
        || (hours == OFFSET_HOURS_MAX && minutes > 0) || (sign == '-' && hours == 0 && minutes == 0)) {
      return null;
    }
    int seconds = hours * SECONDS_PER_HOUR + minutes * SECONDS_PER_MINUTE;
    return sign == '+' ? seconds : -seconds;
  }

  /** The non-negative number written by {@code count} digits at {@code start}, or -1 if one is not a digit. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char character = text.charAt(i);
      if (!isDigit(character)) {
        return -1;
      }
      value = value * 10 + (character - '0');
    }
    return value;
  }

  private static boolean isDigit(char character) {
    return character >= '0' && character <= '9';
  }
}
