package io.tenure.clock;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogTimestampTest {

  @AfterEach
  void restoreTheDefaultZone() {
    OperatorZone.set(OperatorZone.DEFAULT);
  }

  private static String timestampOf(Instant instant) {
    LoggingEvent event = new LoggingEvent();
    event.setTimeStamp(instant.toEpochMilli());
    return new LogTimestamp().convert(event);
  }

  @Test
  void logTimestampsAreInTheOperatorZoneSetByTheStart() {
    Instant instant = Instant.parse("2023-05-08T16:00:00.123Z");
    assertThat(timestampOf(instant)).isEqualTo("2023-05-09T00:00:00.123+08:00");

    OperatorZone.set(ZoneId.of("Europe/Berlin"));

    assertThat(timestampOf(instant)).isEqualTo("2023-05-08T18:00:00.123+02:00");
    assertThat(OperatorZone.iso(instant)).isEqualTo("2023-05-08T18:00:00.123+02:00");
    assertThat(OperatorZone.prose(instant)).isEqualTo("2023-05-08 18:00 (UTC+02:00)");
  }
}
