package io.tenure.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventTimesTest {

  /** What the general parser makes of the text, truncated to microseconds, or null where it refuses it. */
  private static Instant general(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  @Test
  void everyEdgeCaseReadsExactlyAsTheGeneralParserReadsIt() {
    List<String> texts = List.of("2026-03-01T10:15:00Z", "2026-03-01T10:15:00+08:00", "2026-03-01T10:15:00-05:30",
        "2026-03-01T10:15:00.1Z", "2026-03-01T10:15:00.123456Z", "2026-03-01T10:15:00.1234567+01:00",
        "2026-03-01T10:15:00.123456789Z", "2026-03-01T10:15:00.1234567891Z", "2026-03-01T10:15:00.Z",
        "2026-03-01T10:15Z", "2026-03-01t10:15:00z", "2026-03-01T10:15:00+0800", "2026-03-01T10:15:00+08",
        "2026-03-01T10:15:00-00:00", "2026-03-01T10:15:00+18:00", "2026-03-01T10:15:00+18:01", "2026-03-01T10:15:00+19:00",
        "2026-03-01T10:15:00+08:00:30", "2024-02-29T00:00:00Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-03-00T00:00:00Z", "2026-03-01T24:00:00Z",
        "2026-03-01T23:60:00Z", "2026-03-01T23:59:60Z", "0999-03-01T10:15:00Z", "+12026-03-01T10:15:00Z",
        "2026-03-01 10:15:00Z", "2026-03-01T10:15:00", "2026-03-01T10:15:00ZZ", "2026-3-01T10:15:00Z",
        "2026-03-01T10:15:00+08:0a", "2026-03-01T10:15:00.12a4Z", "", "not a time", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999-18:00", "2026-03-01T10:15:00.000000001Z");
    for (String text : texts) {
      assertThat(EventTimes.parse(text)).as(text).isEqualTo(general(text));
    }
  }

  @Test
  void randomDateTimesInTheAgentsFormReadExactlyAsTheGeneralParserReadsThem() {
    Random random = new Random(13);
    for (int i = 0; i < 50_000; i++) {
      String fraction = switch (random.nextInt(4)) {
        case 0 -> "";
        case 1 -> "." + random.nextInt(1000);
        default -> "." + String.format("%09d", random.nextInt(1_000_000_000)).substring(0, 1 + random.nextInt(9));
      };
      int offsetHours = random.nextInt(20);
      String offset = random.nextInt(5) == 0 ? "Z"
          : (random.nextBoolean() ? "+" : "-") + String.format("%02d:%02d", offsetHours, random.nextInt(4) * 15);
      String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d", 1960 + random.nextInt(100), 1 + random.nextInt(13),
          1 + random.nextInt(31), random.nextInt(25), random.nextInt(61), random.nextInt(61)) + fraction + offset;
      assertThat(EventTimes.parse(text)).as(text).isEqualTo(general(text));
    }
  }
}
