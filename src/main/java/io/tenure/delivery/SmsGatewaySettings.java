package io.tenure.delivery;

import io.tenure.error.Echo;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How SMS are handed to an HTTP gateway, checked when built: a bad value throws {@link IllegalArgumentException}
 * with a sentence that names the setting (header values, which often hold keys, are never repeated).
 *
 * @param method {@code POST} (the template is the body) or {@code GET} (the template, a form, is the query)
 * @param url the gateway's http or https URL
 * @param headers extra request headers, such as an API key
 * @param body the body template with its placeholders
 * @param success when an answer means sent
 * @param timeout the longest wait to connect, and for the answer once the request is written
 */
public record SmsGatewaySettings(String method, URI url, Map<String, String> headers, SmsBodyTemplate body,
    SmsSuccessRule success, Duration timeout) {

  public SmsGatewaySettings {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(success, "success");
    Objects.requireNonNull(timeout, "timeout");
    headers = Map.copyOf(new LinkedHashMap<>(headers));
    if (!method.equals("POST") && !method.equals("GET")) {
      throw new IllegalArgumentException("Invalid SMS method '" + Echo.of(method) + "': must be POST or GET.");
    }
    if (!url.isAbsolute() || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
        || url.getHost() == null) {
      throw new IllegalArgumentException("Invalid SMS URL '" + Echo.of(url) + "': must be an http or https URL.");
    }
    if (method.equals("GET") && body.format() != SmsBodyTemplate.Format.FORM) {
      throw new IllegalArgumentException("Invalid SMS body format 'json' with method GET: a GET sends its "
          + "template as the query, which is a form.");
    }
    if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("Invalid SMS timeout '" + timeout.toMillis()
          + " ms': must be between 100 and 300000 milliseconds.");
    }
    checkHeaders(url, headers);
  }

  /** Names the headers but not their values, which often hold keys, so that printed settings show no secret. */
  @Override
  public String toString() {
    return "SmsGatewaySettings[method=" + method + ", url=" + url + ", headers=" + headers.keySet() + " (values hidden)"
        + ", body=" + body.format() + ", success=" + success + ", timeout=" + timeout + "]";
  }

  /** The HTTP client refuses some headers (Host, Content-Length, Connection…): refused here, at start, instead. */
  private static void checkHeaders(URI url, Map<String, String> headers) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      try {
        HttpRequest.newBuilder(url).header(header.getKey(), header.getValue());
      } catch (IllegalArgumentException refused) {
        throw new IllegalArgumentException("Invalid SMS header '" + Echo.of(header.getKey())
            + "': must be a header name the HTTP client may set, with a value on one line.");
      }
    }
  }
}
