package io.tenure.clock;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The {@code %operatorTime} of logback.xml: a log line's timestamp in the operator's zone, read when the line
 * is written, so lines logged before the start has read {@code --zone} use the default zone and later ones the
 * operator's. Thread-safe.
 */
public final class LogTimestamp extends ClassicConverter {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

  @Override
  public String convert(ILoggingEvent event) {
    return FORMAT.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(OperatorZone.zone()));
  }
}
