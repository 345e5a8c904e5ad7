package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.notify.ProseTime;
import java.time.OffsetDateTime;

/** Instants of the API (ISO-8601 with the account's offset) as pages write them: {@code 2023-05-09 00:00 (UTC+08:00)}. */
final class Dates {
  private Dates() {}

  static String prose(JsonNode instant) {
    if (instant == null || instant.isMissingNode() || instant.isNull()) {
      return "";
    }
    OffsetDateTime at = OffsetDateTime.parse(instant.asText());
    return ProseTime.instant(at.toInstant(), at.getOffset());
  }
}
