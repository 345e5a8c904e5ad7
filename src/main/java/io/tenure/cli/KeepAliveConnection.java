package io.tenure.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The benches' HTTP/1.1 client: one keep-alive connection over a plain socket, one request at a time. It writes
 * the request's bytes in one go and reads the status line, the headers and a body of Content-Length bytes (or
 * chunked). java.net.http spent about 0.45 ms of CPU a call, as much as a fifth of what the server spends; this
 * one spends a small part of that (docs/performance.md, "bench api"), so that on two cores the load generator does
 * not measure itself. Not thread safe: one per client thread. Reconnects when the server closes the connection.
 */
final class KeepAliveConnection implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 60_000;
  private static final byte[] CRLF = {'\r', '\n'};

  private final String host;
  private final int port;
  private final byte[] hostHeader;
  /** The base URL's own path, before every request's path. */
  private final String prefix;
  private Socket socket;
  private OutputStream out;
  private InputStream in;
  /** What was read from the socket and not yet consumed: {@code buffer[start, end)}. */
  private byte[] buffer = new byte[16 * 1024];
  private int start;
  private int end;
  private final Buffer request = new Buffer();

  /** An answer: its status and body. */
  record Answer(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  KeepAliveConnection(String baseUrl) {
    URI uri = URI.create(baseUrl);
    if (!"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException("the benches' client speaks plain http only, not " + uri.getScheme());
    }
    this.host = uri.getHost();
    this.port = uri.getPort() == -1 ? 80 : uri.getPort();
    this.prefix = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    this.hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends one request; {@code headers} are complete header lines ({@code "Name: value"}), {@code body} may be null. */
  Answer send(String method, String path, byte[] body, String... headers) throws IOException {
    request.reset();
    request.ascii(method).ascii(" ").ascii(prefix).ascii(path).ascii(" HTTP/1.1\r\n").bytes(hostHeader);
    for (String header : headers) {
      request.ascii(header).bytes(CRLF);
    }
    if (body != null) {
      request.ascii("Content-Length: ").ascii(Integer.toString(body.length)).bytes(CRLF).bytes(CRLF).bytes(body);
    } else {
      request.bytes(CRLF);
    }
    boolean reused = socket != null;
    if (!reused) {
      connect();
    }
    try {
      out.write(request.bytes, 0, request.length);
      out.flush();
      return readAnswer();
    } catch (IOException closedMeanwhile) {
      close();
      if (!reused) {
        throw closedMeanwhile;
      }
      // A kept-alive connection the server closed while idle: one new connection, one more try (a money call
      // carries its Idempotency-Key, so a repeat is applied at most once).
      connect();
      out.write(request.bytes, 0, request.length);
      out.flush();
      return readAnswer();
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
    out = socket.getOutputStream();
    in = socket.getInputStream();
    start = 0;
    end = 0;
  }

  private Answer readAnswer() throws IOException {
    String statusLine = line();
    if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + statusLine);
    }
    int status = Integer.parseInt(statusLine, 9, 12, 10);
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String value = header.substring(colon + 1).strip();
      if (header.regionMatches(true, 0, "Content-Length", 0, colon)) {
        length = Long.parseLong(value);
      } else if (header.regionMatches(true, 0, "Transfer-Encoding", 0, colon)) {
        chunked = value.equalsIgnoreCase("chunked");
      } else if (header.regionMatches(true, 0, "Connection", 0, colon)) {
        closing = value.equalsIgnoreCase("close");
      }
    }
    byte[] body = chunked ? chunkedBody() : exactly((int) Math.max(length, 0));
    if (closing) {
      close();
    }
    return new Answer(status, body);
  }

  private byte[] chunkedBody() throws IOException {
    Buffer body = new Buffer();
    for (int size = Integer.parseInt(line().split(";", 2)[0].strip(), 16); size > 0;
        size = Integer.parseInt(line().split(";", 2)[0].strip(), 16)) {
      body.bytes(exactly(size));
      line();
    }
    for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
      // trailers are not used by Tenure; read past them
    }
    return Arrays.copyOf(body.bytes, body.length);
  }

  /** The next line without its CRLF, as ASCII. */
  private String line() throws IOException {
    while (true) {
      for (int at = start; at + 1 < end; at++) {
        if (buffer[at] == '\r' && buffer[at + 1] == '\n') {
          String line = new String(buffer, start, at - start, StandardCharsets.ISO_8859_1);
          start = at + 2;
          return line;
        }
      }
      fill();
    }
  }

  private byte[] exactly(int count) throws IOException {
    while (end - start < count) {
      fill();
    }
    byte[] bytes = Arrays.copyOfRange(buffer, start, start + count);
    start += count;
    return bytes;
  }

  /** Reads more from the socket after what is unconsumed, compacting or growing the buffer first. */
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      throw new IOException("the server closed the connection");
    }
    end += read;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a connection that is gone already
      }
      socket = null;
    }
  }

  /** A growable byte array the request is written into, reused from one request to the next. */
  private static final class Buffer {
    byte[] bytes = new byte[4096];
    int length;

    void reset() {
      length = 0;
    }

    Buffer ascii(String text) {
      ensure(text.length());
      for (int index = 0; index < text.length(); index++) {
        bytes[length++] = (byte) text.charAt(index);
      }
      return this;
    }

    Buffer bytes(byte[] more) {
      ensure(more.length);
      System.arraycopy(more, 0, bytes, length, more.length);
      length += more.length;
      return this;
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }
}
