package io.tenure.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tenure.error.InvalidInputException;
import io.tenure.error.Require;
import io.tenure.money.Money;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The one JSON configuration of Tenure, and the reading of request bodies into records with errors that name
 * the offending field. Reading is strict, so that nothing a caller sends is guessed: a duplicate key, a number
 * where text or an enum or a date-time belongs, a decimal that is not a plain string of ASCII digits, a
 * {@code null} inside an array, a control character or an unpaired surrogate in a text: each is refused with a
 * 400. Numbers and nesting are bounded before anything expands them. Thread-safe.
 */
public final class Json {
  /** The longest number token a body may hold; longer ones are refused by the parser before being read. */
  static final int NUMBER_LENGTH_MAX = 40;
  /** The deepest nesting of objects and arrays in a body. */
  static final int NESTING_DEPTH_MAX = 32;

  /** Shared mapper: ISO-8601 instants with offset, money as decimal strings, strict reading (see above). */
  public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNumberLength(NUMBER_LENGTH_MAX).maxNestingDepth(NESTING_DEPTH_MAX).build())
          .build())
      .addModule(new JavaTimeModule())
      .addModule(new Jdk8Module())
      .addModule(new SimpleModule("tenure-strict")
          .addSerializer(Money.class, new ToStringSerializer(Money.class))
          .addDeserializer(String.class, new TextDeserializer())
          .addKeyDeserializer(String.class, new TextDeserializer.Keys())
          .addDeserializer(BigDecimal.class, new DecimalDeserializer())
          .setDeserializerModifier(new TextOnlyInstants()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
      .build();

  private Json() {}

  /**
   * A request body that checks itself once Jackson has read all of it, so that an unknown or mistyped field
   * is reported before a rule about the values.
   */
  public interface Validated {
    /** Throws an {@link InvalidInputException} naming the first field that is missing or wrong. */
    void validate();
  }

  /** Reads {@code body} as a {@code type}, or fails with an {@link InvalidInputException} naming the problem. */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new InvalidInputException("MISSING_BODY", "The request needs a JSON body.");
    }
    T value;
    try {
      value = MAPPER.readValue(body, type);
    } catch (JsonMappingException failure) {
      throw ReadFailures.ofMapping(failure);
    } catch (JsonProcessingException failure) {
      throw ReadFailures.ofStream(failure);
    } catch (IOException failure) {
      throw new InvalidInputException("MALFORMED_JSON", "The body could not be read as JSON.");
    }
    if (value == null) {
      throw new InvalidInputException("MISSING_BODY", "The request needs a JSON body, not null.");
    }
    if (value instanceof Validated validated) {
      validated.validate();
    }
    return value;
  }

  /**
   * The 400 for a body a streaming reader of {@link #MAPPER}'s factory could not read (not JSON, a repeated key,
   * a limit of the reader), worded as {@link #read} words it.
   */
  public static InvalidInputException unreadable(JsonProcessingException failure) {
    return ReadFailures.ofStream(failure);
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException failure) {
      throw new IllegalStateException("could not write JSON for " + value.getClass(), failure);
    }
  }

  /** The path of the value {@code parser} is at, as error messages name fields: {@code contacts[0].email}. */
  static String path(JsonParser parser) {
    if (parser == null) {
      return "";
    }
    String pointer = parser.getParsingContext().pathAsPointer().toString();
    return pointer.isEmpty() ? "" : pointer.substring(1).replaceAll("/([0-9]+)(?=/|$)", "[$1]").replace('/', '.');
  }

  static String fieldMessage(String path, String problem) {
    return path.isEmpty() ? "The body " + problem + "." : Require.fieldMessage(path, problem);
  }
}
