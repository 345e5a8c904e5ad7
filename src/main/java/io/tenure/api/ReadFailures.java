package io.tenure.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import io.tenure.error.TenureException;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns what Jackson reports about a body into the error Tenure answers: a stable code and a message that
 * names the field and what was expected, never a Java class.
 */
final class ReadFailures {

  private ReadFailures() {}

  /** A body that is not JSON, breaks a limit of the reader, or repeats a key. */
  static InvalidInputException ofStream(JsonProcessingException failure) {
    String reason = String.valueOf(failure.getOriginalMessage());
    JsonParser parser = failure.getProcessor() instanceof JsonParser p ? p : null;
    if (reason.startsWith("Duplicate field '")) {
      String path = Json.path(parser);
      String name = reason.substring("Duplicate field '".length(), reason.lastIndexOf('\''));
      return new InvalidInputException("DUPLICATE_FIELD", Json.fieldMessage(path.isEmpty() ? name : path, "is given more than once"));
    }
    if (failure instanceof StreamConstraintsException) {
      return new InvalidInputException("MALFORMED_JSON", "The body goes beyond what Tenure reads: numbers of at most "
          + Json.NUMBER_LENGTH_MAX + " characters, objects and arrays nested at most " + Json.NESTING_DEPTH_MAX + " deep.");
    }
    JsonLocation location = failure.getLocation();
    String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    return new InvalidInputException("MALFORMED_JSON",
        "The body is not valid JSON" + where + ": " + Echo.guard(reason.split("\n")[0]) + ".");
  }

  /** A body that is JSON but does not fit the request. */
  static TenureException ofMapping(JsonMappingException failure) {
    if (failure.getCause() instanceof TenureException tenure) {
      return tenure;
    }
    if (failure instanceof InvalidDefinitionException definition && definition.getType() != null && definition.getType().isArrayType()) {
      // Jackson reports a text where a Java array belongs as a missing constructor; it is the caller's wrong type.
      return new InvalidInputException("INVALID_FIELD", Json.fieldMessage(path(failure), "must be an array"));
    }
    if (failure instanceof InvalidDefinitionException) {
      throw new IllegalStateException("a request type cannot be read by Jackson", failure);
    }
    if (failure.getCause() instanceof JsonProcessingException stream && !(stream instanceof InputCoercionException) && !(stream instanceof JsonMappingException)) {
      return ofStream(stream);
    }
    String path = path(failure);
    return switch (failure) {
      case FieldProblem problem -> new InvalidInputException(problem.code(), Json.fieldMessage(path, problem.getOriginalMessage()));
      case UnrecognizedPropertyException unknown -> new InvalidInputException("UNKNOWN_FIELD",
          Json.fieldMessage(path, "is not a field of this request; the fields are " + known(unknown.getKnownPropertyIds())));
      case InvalidNullException ignored -> new InvalidInputException("INVALID_FIELD", Json.fieldMessage(path, "must not be null"));
      case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
          new InvalidInputException("INVALID_FIELD", Json.fieldMessage(path, "must be " + expected(mismatch.getTargetType())));
      case ValueInstantiationException ignored -> new InvalidInputException("INVALID_FIELD", Json.fieldMessage(path, "has a value Tenure cannot use"));
      default -> failure.getCause() instanceof InputCoercionException coercion
          ? new InvalidInputException("INVALID_FIELD", Json.fieldMessage(path, "must be " + expected(coercion.getTargetType())))
          : new InvalidInputException("INVALID_FIELD", Json.fieldMessage(path, "has the wrong type"));
    };
  }

  private static String known(Collection<Object> names) {
    return names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  /** What a value of {@code type} looks like, in the words of the API rather than of Java. */
  static String expected(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == long.class || type == Long.class) {
      return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return TextOnlyInstants.EXPECTED.substring("must be ".length());
    }
    if (type == BigDecimal.class) {
      return Money.EXPECTED_FORM.substring("must be ".length());
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.isRecord() || Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    return "another kind of value";
  }

  private static String path(JsonMappingException failure) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : failure.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
