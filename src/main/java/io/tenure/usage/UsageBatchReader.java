package io.tenure.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tenure.api.Json;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body {@code {"events": [...]}} of {@code POST /v1/usage} as a stream, one event at a time, so that a
 * batch of 10,000 is never held as a tree. The body as a whole must be JSON of that shape with at most
 * {@value #EVENTS_MAX} events, else it is refused with a 400; inside it each event is read on its own, and one
 * that is not an event ({@link UsageEventReader}) becomes a rejection while the others are read on.
 */
final class UsageBatchReader {
  /** The most events one request may carry (SPEC.md §7). */
  static final int EVENTS_MAX = 10_000;

  /** The events read and the positions refused while reading, both in batch order. */
  record Batch(List<UsageEvent> events, List<Rejection> rejected, int size) {}

  private UsageBatchReader() {}

  static Batch read(byte[] body) {
    if (body.length == 0) {
      throw new InvalidInputException("MISSING_BODY", "The request needs a JSON body.");
    }
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      Batch batch = readObject(parser);
      if (parser.nextToken() != null) {
        throw new InvalidInputException("MALFORMED_JSON", "The body holds more than one JSON value.");
      }
      return batch;
    } catch (JsonProcessingException unreadable) {
      throw Json.unreadable(unreadable);
    } catch (IOException unreadable) {
      throw new InvalidInputException("MALFORMED_JSON", "The body could not be read as JSON.");
    }
  }

  private static Batch readObject(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new InvalidInputException("INVALID_FIELD", "The body must be a JSON object with the field 'events'.");
    }
    Batch batch = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (!name.equals("events")) {
        throw new InvalidInputException("UNKNOWN_FIELD",
            "Field '" + Echo.of(name) + "': is not a field of this request; the fields are events.");
      }
      batch = readEvents(parser);
    }
    if (batch == null) {
      throw new InvalidInputException("MISSING_FIELD", "Field 'events': is required.");
    }
    return batch;
  }

  private static Batch readEvents(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new InvalidInputException("INVALID_FIELD", "Field 'events': must be an array.");
    }
    List<UsageEvent> events = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (index == EVENTS_MAX) {
        throw new InvalidInputException("TOO_MANY_EVENTS",
            "A request carries at most " + EVENTS_MAX + " events; send the rest in another request.");
      }
      UsageEventReader.read(parser, index, events, rejected);
      index++;
    }
    return new Batch(events, rejected, index);
  }
}
