package io.tenure.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tenure.error.Echo;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Reads one event of a batch, or the first reason it is not one. A quantity is read from the characters the
 * caller wrote, a JSON number or a string alike, and never passes through a binary floating point number.
 */
final class UsageEventReader {
  /** The longest id, resource id or meter code kept. */
  static final int TEXT_LENGTH_MAX = 128;
  /** A quantity: at most 18 digits before the point and 12 after, no exponent (numeric(30, 12)). */
  private static final int QUANTITY_INTEGER_DIGITS_MAX = 18;
  private static final int QUANTITY_FRACTION_DIGITS_MAX = 12;
  static final String QUANTITY_FORM =
      "must be a decimal like 12.5 or \"12.5\", with at most 18 digits before the point and 12 after, and no exponent";

  private UsageEventReader() {}

  /** Reads the value the parser is at into {@code events}, or its reason into {@code rejected}. */
  static void read(JsonParser parser, int index, List<UsageEvent> events, List<Rejection> rejected) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      rejected.add(new Rejection(index, "INVALID_EVENT", "Field 'events[" + index + "]': must be an object."));
      return;
    }
    Fields fields = new Fields(index);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      fields.read(name, parser);
      parser.skipChildren();
    }
    Rejection problem = fields.problem(index);
    if (problem != null) {
      rejected.add(problem);
    } else {
      events.add(new UsageEvent(index, fields.id, fields.resourceId, fields.meter, fields.quantity, fields.time));
    }
  }

  /** The fields of one event as they are read, and the first problem met. */
  private static final class Fields {
    private final int index;
    private String id;
    private String resourceId;
    private String meter;
    private BigDecimal quantity;
    private Instant time;
    private String code;
    private String message;

    Fields(int index) {
      this.index = index;
    }

    void read(String name, JsonParser parser) throws IOException {
      switch (name) {
        case "id" -> id = text(name, parser);
        case "resourceId" -> resourceId = text(name, parser);
        case "meter" -> meter = text(name, parser);
        case "quantity" -> quantity = quantity(parser);
        case "time" -> time = time(parser);
        default -> fail("UNKNOWN_FIELD", name, "is not a field of an event; the fields are id, resourceId, meter, quantity, time");
      }
    }

    private String text(String name, JsonParser parser) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return fail("INVALID_EVENT", name, "must be a string");
      }
      String text = parser.getText();
      if (text.isEmpty() || text.length() > TEXT_LENGTH_MAX || !printable(text)) {
        return fail("INVALID_EVENT", name, "must be 1 to " + TEXT_LENGTH_MAX + " printable characters");
      }
      return text;
    }

    private BigDecimal quantity(JsonParser parser) throws IOException {
      JsonToken token = parser.currentToken();
      boolean written = token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
          || token == JsonToken.VALUE_NUMBER_FLOAT;
      // getText() is the token as written, also for a number: it is never converted to a double here.
      String text = written ? parser.getText() : null;
      if (text == null || !isDecimal(text)) {
        return fail("INVALID_QUANTITY", "quantity", QUANTITY_FORM);
      }
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        return fail("INVALID_QUANTITY", "quantity", "must not be negative");
      }
      return value;
    }

    private Instant time(JsonParser parser) throws IOException {
      Instant time = parser.currentToken() == JsonToken.VALUE_STRING ? EventTimes.parse(parser.getText()) : null;
      // An unreadable date-time is answered like a value of the wrong type.
      return time != null ? time : fail("INVALID_TIME", "time", "must be an ISO-8601 date-time with an offset, like 2026-03-01T10:15:00+08:00");
    }

    private <T> T fail(String failureCode, String field, String problem) {
      if (code == null) {
        code = failureCode;
        message = "Field 'events[" + index + "]." + Echo.of(field) + "': " + problem + ".";
      }
      return null;
    }

    Rejection problem(int index) {
      if (code == null) {
        String missing = id == null ? "id" : resourceId == null ? "resourceId" : meter == null ? "meter"
            : quantity == null ? "quantity" : time == null ? "time" : null;
        if (missing != null) {
          fail("INVALID_EVENT", missing, "is required");
        }
      }
      return code == null ? null : new Rejection(index, code, message);
    }

    /** Whether {@code text} is {@code -?[0-9]{1,18}(\.[0-9]{1,12})?}. */
    private static boolean isDecimal(String text) {
      int position = text.startsWith("-") ? 1 : 0;
      int integerStart = position;
      while (position < text.length() && isDigit(text.charAt(position))) {
        position++;
      }
      int integerDigits = position - integerStart;
      if (integerDigits == 0 || integerDigits > QUANTITY_INTEGER_DIGITS_MAX) {
        return false;
      }
      if (position == text.length()) {
        return true;
      }
      if (text.charAt(position) != '.') {
        return false;
      }
      int fractionStart = ++position;
      while (position < text.length() && isDigit(text.charAt(position))) {
        position++;
      }
      int fractionDigits = position - fractionStart;
      return position == text.length() && fractionDigits >= 1 && fractionDigits <= QUANTITY_FRACTION_DIGITS_MAX;
    }

    private static boolean isDigit(char character) {
      return character >= '0' && character <= '9';
    }

    private static boolean printable(String text) {
      for (int i = 0; i < text.length(); i++) {
        char character = text.charAt(i);
        if (Character.isHighSurrogate(character) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(character) || Character.isISOControl(character)) {
          return false;
        }
      }
      return true;
    }
  }
}
