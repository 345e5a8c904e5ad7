package io.tenure.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 5_000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      // Says the request is complete, so a body shorter than its Content-Length ends instead of being waited for.
      socket.shutdownOutput();
      return parse(readAll(socket.getInputStream()));
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

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("no HTTP answer: '" + text + "'");
    }
    String headers = text.substring(0, end);
    String body = text.substring(end + 4);
    if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      body = unchunk(body);
    }
    int status = Integer.parseInt(headers.substring(9, 12));
    return new Answer(status, headers, body, json(body));
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      // Sizes count bytes; the error bodies are ASCII-safe enough for a test to slice by characters.
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
