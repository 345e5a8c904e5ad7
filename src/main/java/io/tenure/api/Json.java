package io.tenure.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tenure.ledger.Money;
import io.tenure.error.InvalidInputException;
import io.tenure.error.TenureException;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one JSON configuration of Tenure (money as decimal strings, durations as ISO-8601), and the reading of request bodies into records with errors that
 * name the offending field. Thread-safe.
 */
public final class Json {
  /** Shared mapper: ISO-8601 instants with offset, exact decimals, unknown fields refused. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(new Jdk8Module())
      .registerModule(new SimpleModule("tenure-money").addSerializer(Money.class, new ToStringSerializer(Money.class)))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

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
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new InvalidInputException("MISSING_BODY", "The request needs a JSON body, not null.");
      }
      if (value instanceof Validated validated) {
        validated.validate();
      }
      return value;
    } catch (ValueInstantiationException failure) {
      if (failure.getCause() instanceof TenureException tenure) {
        throw tenure;
      }
      throw new InvalidInputException("INVALID_FIELD", describe(failure));
    } catch (UnrecognizedPropertyException failure) {
      throw new InvalidInputException("UNKNOWN_FIELD", "Unknown field '" + path(failure) + "'.");
    } catch (MismatchedInputException failure) {
      throw new InvalidInputException("INVALID_FIELD", describe(failure));
    } catch (JsonMappingException failure) {
      if (failure.getCause() instanceof TenureException tenure) {
        throw tenure;
      }
      throw new InvalidInputException("INVALID_FIELD", describe(failure));
    } catch (JsonProcessingException failure) {
      throw new InvalidInputException("MALFORMED_JSON", "The body is not valid JSON: " + failure.getOriginalMessage());
    } catch (IOException failure) {
      throw new InvalidInputException("MALFORMED_JSON", "The body could not be read: " + failure.getMessage());
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException failure) {
      throw new IllegalStateException("could not write JSON for " + value.getClass(), failure);
    }
  }

  private static String describe(JsonMappingException failure) {
    String path = path(failure);
    String reason = failure.getOriginalMessage().split("\n")[0];
    if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      reason = "expected " + friendly(mismatch.getTargetType());
    }
    return path.isEmpty() ? "The body has the wrong shape: " + reason + "." : "Field '" + path + "': " + reason + ".";
  }

  private static String friendly(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 date-time with offset, like 2026-01-01T00:00:00+08:00";
    }
    if (type == java.math.BigDecimal.class) {
      return "a decimal amount, like \"10.00\"";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "a " + type.getSimpleName();
  }

  private static String path(JsonMappingException failure) {
    return failure.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
