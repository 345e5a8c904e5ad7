package io.tenure.api;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error answers (a request Jetty refuses before Tenure sees it: a bad path encoding, a control
 * character, a path or headers too long, a bad Content-Length) in Tenure's JSON error body instead of
 * Jetty's HTML page, for every method. Thread-safe.
 */
final class JsonErrorHandler extends ErrorHandler {
  /** Jetty's reasons are short phrases ("Bad UTF-8 encoding"); anything else is not shown to the caller. */
  private static final Pattern SHOWABLE_REASON = Pattern.compile("[A-Za-z][A-Za-z0-9 =:,'()-]{0,79}");

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String reason = request.getAttribute(ERROR_MESSAGE) instanceof String message ? message : null;
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException failure) {
      status = failure.getCode();
      reason = failure.getReason();
    }
    if (status < 400 || status > 599) {
      status = 500;
    }
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(ErrorBody.bytes(ErrorBody.codeOf(status), message(status, reason))), callback);
    return true;
  }

  /** The answer Jetty writes itself when it cannot even form a request (no handler runs). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable headers) {
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(ErrorBody.bytes(ErrorBody.codeOf(status), message(status, reason)));
  }

  static String message(int status, String reason) {
    return switch (status) {
      case 400 -> "The HTTP request is malformed" + (showable(reason) ? " (" + reason + ")." : ".")
          + " Check the path's percent-encoding, the headers and the body's framing.";
      case 404 -> "No such route.";
      case 405 -> "This method is not allowed on this route.";
      case 408 -> "The request body did not arrive in time; send the request again.";
      case 413 -> "The request body is too large.";
      case 414 -> "The request's path and query are too long.";
      case 431 -> "The request's headers are too large.";
      case 505 -> "Tenure speaks HTTP/1.1 and HTTP/1.0 only.";
      default -> status >= 500
          ? "Tenure failed to handle this request; the operator's logs have the detail."
          : "The HTTP request was refused" + (showable(reason) ? " (" + reason + ")." : ".");
    };
  }

  private static boolean showable(String reason) {
    return reason != null && !reason.equalsIgnoreCase("Bad Request") && SHOWABLE_REASON.matcher(reason).matches() && !reason.contains("Exception");
  }
}
