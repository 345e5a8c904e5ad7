package io.tenure.api;

import io.tenure.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile request, written byte for byte (an HTTP client would refuse to send most of them): the request
 * line, the operator's key, the headers, and the body with its framing. {@code framing} null means a correct
 * Content-Length; otherwise it is written as is in place of it (several headers, a wrong length, chunked).
 */
record FuzzRequest(String label, String method, String target, List<String> headers, byte[] body, String framing,
    boolean keyed) {

  static FuzzRequest of(String label, String method, String target) {
    return new FuzzRequest(label, method, target, List.of(), new byte[0], null, false);
  }

  FuzzRequest header(String line) {
    List<String> more = new ArrayList<>(headers);
    more.add(line);
    return new FuzzRequest(label, method, target, List.copyOf(more), body, framing, keyed);
  }

  /** With a valid Idempotency-Key: a refusal after the key is claimed may be remembered (docs/money.md). */
  FuzzRequest key(String key) {
    return new FuzzRequest(label, method, target, headers, body, framing, true).header(Idempotency.HEADER + ": " + key);
  }

  FuzzRequest json(String text) {
    return header("Content-Type: application/json").body(text);
  }

  FuzzRequest body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  FuzzRequest body(byte[] bytes) {
    return new FuzzRequest(label, method, target, headers, bytes, framing, keyed);
  }

  FuzzRequest framing(String lines) {
    return new FuzzRequest(label, method, target, headers, body, lines, keyed);
  }

  FuzzRequest withLabel(String newLabel) {
    return new FuzzRequest(newLabel, method, target, headers, body, framing, keyed);
  }

  FuzzRequest target(String newTarget) {
    return new FuzzRequest(label, method, newTarget, headers, body, framing, keyed);
  }

  byte[] bytes() {
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: tenure\r\nAuthorization: Bearer ").append(TestServer.OPERATOR_KEY).append("\r\nConnection: close\r\n");
    headers.forEach(line -> head.append(line).append("\r\n"));
    if (framing != null) {
      head.append(framing);
    } else if (body.length > 0) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Latin-1 writes each char as one byte, so a test can put any byte (NUL, 0x01, 0xFF) in a path or header.
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** The request as a report shows it: long values and the body cut short. */
  String shown() {
    String text = label + ": " + method + " " + cut(target) + " " + cut(String.join(" | ", headers))
        + (framing == null ? "" : " | " + cut(framing.replace("\r\n", " | ")))
        + " body " + cut(new String(body, StandardCharsets.UTF_8));
    return text.replaceAll("\\p{Cntrl}", "?");
  }

  private static String cut(String text) {
    return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " chars)";
  }
}
