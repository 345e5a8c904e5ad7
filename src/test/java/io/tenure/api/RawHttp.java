package io.tenure.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends bytes to Tenure over a plain socket, for requests that an HTTP client refuses to send (a NUL byte in
 * a path, a broken chunked body, a bad Content-Length), and reads the answer until the server closes.
 */
final class RawHttp {

  private RawHttp() {}

  /** An answer read from the socket: status, headers as text, body as text, body as JSON (null if not JSON). */
  record Answer(int status, String headers, String body, JsonNode json) {
    String errorCode() {
      return json == null ? null : json.path("error").path("code").asText(null);
    }

    String errorMessage() {
      return json == null ? null : json.path("error").path("message").asText(null);
    }

    @Override
    public String toString() {
      return status + "\n" + headers + "\n" + body;
    }
  }

  /** Sends {@code request} (Latin-1 characters, one byte each) to {@code port} and reads the whole answer. */
  static Answer send(int port, String request) {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  static Answer send(int port, byte[] request) {
    return sendAll(port, request).getFirst();
  }

  /**
   * Sends {@code request} and returns every answer on the connection, in order: a request whose bytes make
   * more than one request (a Content-Length too short) gets an answer for each part.
   */
  static List<Answer> sendAll(int port, byte[] request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 5_000);
      socket.setSoTimeout(10_000);
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        // Says the request is complete, so a body shorter than its Content-Length ends instead of being waited for.
        socket.shutdownOutput();
      } catch (IOException refusedEarly) {
        // The server may answer (413) and close before it has read all of a large request; its answer still counts.
      }
      return parseAll(readAll(socket.getInputStream()));
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int read; (read = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, read);
      }
    } catch (IOException resetAfterAnswer) {
      // The server may reset the connection right after answering a request it refused; keep what came.
    }
    return out.toByteArray();
  }

  private static List<Answer> parseAll(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    List<Answer> answers = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int end = text.indexOf("\r\n\r\n", at);
      if (end < 0) {
        throw new IllegalStateException("no HTTP answer: '" + text.substring(at) + "'");
      }
      String headers = text.substring(at, end);
      int bodyStart = end + 4;
      int bodyEnd;
      String body;
      if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
        StringBuilder unchunked = new StringBuilder();
        bodyEnd = unchunk(text, bodyStart, unchunked);
        body = unchunked.toString();
      } else {
        String length = header(headers, "content-length");
        bodyEnd = length == null ? text.length() : Math.min(text.length(), bodyStart + Integer.parseInt(length));
        body = text.substring(bodyStart, bodyEnd);
      }
      String utf8 = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      answers.add(new Answer(Integer.parseInt(headers.substring(9, 12)), headers, utf8, json(utf8)));
      at = bodyEnd;
    }
    if (answers.isEmpty()) {
      throw new IllegalStateException("no HTTP answer at all");
    }
    return answers;
  }

  private static String header(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  /** Appends the chunked body starting at {@code at} to {@code body}; returns where the body ends. */
  private static int unchunk(String chunked, int at, StringBuilder body) {
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        int trailerEnd = chunked.indexOf("\r\n", lineEnd + 2);
        return trailerEnd < 0 ? chunked.length() : trailerEnd + 2;
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static JsonNode json(String body) {
    try {
      return body.isEmpty() ? null : Json.MAPPER.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
