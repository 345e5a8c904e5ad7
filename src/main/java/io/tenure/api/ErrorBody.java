package io.tenure.api;

import io.tenure.error.Echo;
import java.nio.charset.StandardCharsets;

/**
 * The one error body of every answer, whatever layer refuses the request:
 * {@code {"error":{"code":"UPPER_SNAKE","message":"..."}}}. The message passes {@link Echo#guard} on the way out,
 * a last guard against a caller's long value repeated whole.
 */
record ErrorBody(Refusal error) {

  /** What was refused: a stable code, and a sentence for people. */
  record Refusal(String code, String message) {}

  static ErrorBody of(String code, String message) {
    return new ErrorBody(new Refusal(code, Echo.guard(message)));
  }

  static byte[] bytes(String code, String message) {
    return Json.write(of(code, message)).getBytes(StandardCharsets.UTF_8);
  }

  /** The stable code of an HTTP status that the HTTP layer answers by itself (Jetty or Javalin). */
  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "MALFORMED_REQUEST";
      case 404 -> "ROUTE_NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 408 -> "REQUEST_TIMEOUT";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 431 -> "HEADERS_TOO_LARGE";
      case 503 -> "UNAVAILABLE";
      case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }
}
