package io.tenure.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SMTP server of {@code bench notices}: it answers the SMTP dialogue on the loopback address, reads each
 * message's headers for its Message-ID, records the delivery key it carries and throws the message away. Its memory
 * stays bounded whatever the number of messages (only the keys are kept), where a test server that keeps every
 * message (GreenMail) would hold the whole run in memory. One virtual thread per connection.
 */
final class DiscardingSmtpServer implements AutoCloseable {
  private static final String MESSAGE_ID = "message-id:";

  private final ServerSocket socket;
  private final AtomicReference<Receipts> receipts;

  DiscardingSmtpServer(Receipts initial) throws IOException {
    socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    receipts = new AtomicReference<>(initial);
    Thread.ofVirtual().name("bench-smtp-accept").start(this::accept);
  }

  int port() {
    return socket.getLocalPort();
  }

  /** From now on, records into {@code next}. */
  void recordInto(Receipts next) {
    receipts.set(next);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread.ofVirtual().name("bench-smtp").start(() -> converse(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8), 65_536);
        OutputStream out = client.getOutputStream()) {
      reply(out, "220 localhost ESMTP bench sink");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String verb = (line.length() < 4 ? line : line.substring(0, 4)).toUpperCase(Locale.ROOT);
        switch (verb) {
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            Optional<String> key = readMessage(in);
            key.ifPresent(receipts.get()::record);
            reply(out, key.isPresent() ? "250 2.0.0 Accepted" : "554 5.6.0 No Message-ID");
          }
          case "QUIT" -> {
            reply(out, "221 2.0.0 Bye");
            return;
          }
          case "EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          default -> reply(out, "502 5.5.1 Not implemented");
        }
      }
    } catch (IOException ended) {
      // The client hung up or the server is closing.
    }
  }

  /** Reads one message up to its lone dot; answers the delivery key of its Message-ID. */
  private static Optional<String> readMessage(BufferedReader in) throws IOException {
    Optional<String> key = Optional.empty();
    boolean inHeaders = true;
    for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
      if (inHeaders && line.isEmpty()) {
        inHeaders = false;
      } else if (inHeaders && line.regionMatches(true, 0, MESSAGE_ID, 0, MESSAGE_ID.length())) {
        key = Optional.of(deliveryKey(line.substring(MESSAGE_ID.length()).strip()));
      }
    }
    return key;
  }

  /**
   * The delivery key in a Message-ID {@code <local@domain>}, whose local part spells the key's characters other than
   * letters, digits, '-' and '_' as {@code =XX}, the hex of each UTF-8 byte (io.tenure.delivery.SmtpMessages).
   */
  static String deliveryKey(String messageId) {
    int at = messageId.lastIndexOf('@');
    String local = messageId.substring(messageId.startsWith("<") ? 1 : 0, at < 0 ? messageId.length() : at);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(local.length());
    for (int index = 0; index < local.length(); index++) {
      char character = local.charAt(index);
      if (character == '=' && index + 2 < local.length()) {
        bytes.write(Integer.parseInt(local, index + 1, index + 3, 16));
        index += 2;
      } else {
        bytes.write(character);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
