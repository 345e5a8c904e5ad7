package io.tenure.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import io.tenure.error.UnsupportedMediaTypeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * What every request must satisfy before a route handles it, checked once here rather than by each route: no
 * transfer coding but chunked, a query string of well-formed percent-encoded UTF-8, path and query parameters
 * that are printable text of bounded length (PostgreSQL refuses NUL, and an error never repeats a huge value),
 * a body declared as a media type the route reads, and a body that can be read whole.
 */
final class RequestChecks {
  /** Longer than any id or listing cursor Tenure issues, short enough to repeat in an error. */
  static final int PARAMETER_LENGTH_MAX = 200;

  private RequestChecks() {}

  static void check(Routes.Route route, Context context) {
    requireKnownTransferCoding(context);
    String query = context.queryString();
    requireWellEncoded(query);
    context.pathParamMap().forEach((name, value) -> parameter("INVALID_PATH_PARAMETER", "Path parameter", name, value));
    if (query != null) {
      // Without a query string there are no parameters to check (most calls that move money have none).
      queryParameters(context).forEach((name, values) -> {
        parameter("INVALID_QUERY_PARAMETER", "Query parameter", name, name);
        values.forEach(value -> parameter("INVALID_QUERY_PARAMETER", "Query parameter", name, value));
      });
    }
    if (hasBody(context)) {
      requireBodyType(route, context);
      readWhole(context);
    }
  }

  /**
   * Jetty undoes chunking but no other transfer coding: a body sent as {@code gzip, chunked} would reach a route
   * still compressed, or worse, be read as if it were not. Refused rather than misread.
   */
  private static void requireKnownTransferCoding(Context context) {
    if (context.header("Transfer-Encoding") == null) {
      return;
    }
    List<String> codings = Collections.list(context.req().getHeaders("Transfer-Encoding"));
    if (!codings.isEmpty() && !(codings.size() == 1 && codings.getFirst().strip().equalsIgnoreCase("chunked"))) {
      throw new InvalidInputException("MALFORMED_REQUEST",
          "The request's Transfer-Encoding must be chunked alone; Tenure decodes no other transfer coding.");
    }
  }

  /**
   * The raw query string must be percent-encoded UTF-8: Jetty passes a bad escape ({@code %zz}) or bytes that are
   * not UTF-8 on as they are, or replaced, so a route would read something the caller never meant.
   */
  private static void requireWellEncoded(String query) {
    if (query == null) {
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < query.length(); i++) {
      char character = query.charAt(i);
      if (character != '%') {
        bytes.writeBytes(String.valueOf(character).getBytes(StandardCharsets.UTF_8));
      } else if (i + 2 < query.length() && HexFormat.isHexDigit(query.charAt(i + 1)) && HexFormat.isHexDigit(query.charAt(i + 2))) {
        bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
        i += 2;
      } else {
        throw badQueryEncoding();
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
    } catch (CharacterCodingException notUtf8) {
      throw badQueryEncoding();
    }
  }

  private static InvalidInputException badQueryEncoding() {
    return new InvalidInputException("INVALID_QUERY_PARAMETER", "The query string is not valid percent-encoded UTF-8.");
  }

  private static Map<String, List<String>> queryParameters(Context context) {
    try {
      return context.queryParamMap();
    } catch (IllegalArgumentException badEncoding) {
      throw badQueryEncoding();
    }
  }

  private static void parameter(String code, String kind, String name, String value) {
    String problem = TextDeserializer.problem(value);
    if (problem == null && value.length() > PARAMETER_LENGTH_MAX) {
      problem = "must be at most " + PARAMETER_LENGTH_MAX + " characters";
    }
    if (problem != null) {
      throw new InvalidInputException(code, kind + " '" + Echo.of(name) + "': " + problem + ".");
    }
  }

  /** After {@link #requireKnownTransferCoding}, a Transfer-Encoding header can only be {@code chunked}. */
  private static boolean hasBody(Context context) {
    return context.req().getContentLengthLong() > 0 || context.header("Transfer-Encoding") != null;
  }

  /**
   * A body must say what it is: a request without a Content-Type, or with another type than the route reads
   * (a form, as {@code curl -d} sends, text, XML), is refused rather than guessed to be JSON.
   */
  private static void requireBodyType(Routes.Route route, Context context) {
    String declared = context.header("Content-Type");
    if (declared == null || declared.isBlank()) {
      throw unsupported("The request body has no Content-Type; send it as " + expected(route) + " (curl --json does).");
    }
    String[] parts = declared.toLowerCase(Locale.ROOT).split(";");
    if (!route.bodyTypes().contains(parts[0].strip())) {
      throw unsupported("The request body is declared as " + Echo.of(parts[0].strip()) + "; send it as " + expected(route) + ".");
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter[0].strip().equals("charset") && (parameter.length < 2 || !parameter[1].strip().replace("\"", "").equals("utf-8"))) {
        throw unsupported("The request body must be encoded in UTF-8.");
      }
    }
  }

  /** The media types {@code route} reads, as a refusal names them. */
  private static String expected(Routes.Route route) {
    return String.join(" or ", route.bodyTypes().stream().sorted().toList());
  }

  /** Jetty's idle timeout ended a read: an I/O failure caused by a {@link TimeoutException}. */
  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof IOException && cause.getCause() instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static UnsupportedMediaTypeException unsupported(String message) {
    return new UnsupportedMediaTypeException(message);
  }

  /** Reads the body now, so that a broken Content-Length or chunked framing is a 400 for every route. */
  private static void readWhole(Context context) {
    try {
      context.bodyAsBytes();
    } catch (HttpResponseException tooLarge) {
      throw tooLarge;
    } catch (Exception broken) {
      if (timedOut(broken)) {
        // The framing may be right and the rest merely late (a slow or stalled client): not the caller's mistake.
        throw new HttpResponseException(408, "The request body did not arrive in time; send the request again.");
      }
      // Jetty's EofException is a checked exception that Javalin (Kotlin) throws undeclared.
      throw new InvalidInputException("MALFORMED_REQUEST",
          "The request body could not be read: its Content-Length or chunked encoding does not match what was sent.");
    }
  }
}
