package io.tenure.api;

import io.javalin.http.Context;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import java.util.Optional;

/**
 * Reads query parameters with the same error body as everything else. Every parameter has already been
 * checked to be printable text of bounded length (see {@link RequestChecks}).
 */
public final class QueryParameters {

  private QueryParameters() {}

  /** A whole number between {@code minimum} and {@code maximum}, or {@code fallback} when absent. */
  public static long number(Context context, String name, long fallback, long minimum, long maximum) {
    return optionalNumber(context, name).map(value -> {
      if (value < minimum || value > maximum) {
        throw new InvalidInputException("INVALID_QUERY_PARAMETER",
            "Query parameter '" + name + "': must be a whole number from " + minimum + " to " + maximum + ", was " + value + ".");
      }
      return value;
    }).orElse(fallback);
  }

  /** The page size of a listing: 1 to 1000, default 100. */
  public static int limit(Context context) {
    return (int) number(context, "limit", 100, 1, 1000);
  }

  public static Optional<Long> optionalNumber(Context context, String name) {
    String text = context.queryParam(name);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException failure) {
      throw new InvalidInputException("INVALID_QUERY_PARAMETER",
          "Query parameter '" + name + "': must be a whole number, was '" + Echo.of(text) + "'.");
    }
  }

  /** {@code true} or {@code false}, exactly so written; false when absent. */
  public static boolean flag(Context context, String name) {
    String text = context.queryParam(name);
    if (text == null || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    throw new InvalidInputException("INVALID_QUERY_PARAMETER",
        "Query parameter '" + name + "': must be true or false, was '" + Echo.of(text) + "'.");
  }
}
