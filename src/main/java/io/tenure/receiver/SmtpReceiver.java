package io.tenure.receiver;

import io.tenure.delivery.SmtpSecurity;
import io.tenure.delivery.SmtpSettings;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An SMTP server on the loopback address that accepts every message and hands the delivery key its Message-ID carries
 * to a consumer, then throws the message away: its memory stays bounded whatever the number of messages, where a test
 * server that keeps every message (GreenMail) would hold them all. It speaks only what a client without login or TLS
 * needs (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), one virtual thread per connection. Thread-safe.
 */
public final class SmtpReceiver implements AutoCloseable {
  private static final String MESSAGE_ID = "message-id:";

  private final ServerSocket server;
  private final Consumer<String> deliveryKeys;

  /** Listens on a free port; {@code deliveryKeys} takes the key of each message (empty for one without Message-ID). */
  public SmtpReceiver(Consumer<String> deliveryKeys) {
    this.deliveryKeys = deliveryKeys;
    try {
      server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    } catch (IOException failure) {
      throw new UncheckedIOException("the local SMTP receiver could not listen", failure);
    }
    Thread.ofVirtual().name("smtp-receiver-accept").start(this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The settings of an SMTP channel that sends here, without TLS or login. */
  public SmtpSettings settings(String from, Duration timeout) {
    return new SmtpSettings("127.0.0.1", port(), SmtpSecurity.NONE, Optional.empty(), Optional.empty(), from, timeout);
  }

  /** The same channel as the options of {@code tenure serve}. */
  public List<String> options(String from) {
    return List.of("--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(port()), "--smtp-security", "NONE",
        "--smtp-from", from);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket connection = server.accept();
        Thread.ofVirtual().name("smtp-receiver").start(() -> converse(connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket connection) {
    // ISO-8859-1 reads any byte as one character: the headers are ASCII, the body is never decoded.
    try (connection;
        BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1), 65_536);
        OutputStream out = connection.getOutputStream()) {
      reply(out, "220 localhost ESMTP receiver");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String verb = (line.length() < 4 ? line : line.substring(0, 4)).toUpperCase(Locale.ROOT);
        switch (verb) {
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            deliveryKeys.accept(deliveryKey(readMessageId(in)));
            reply(out, "250 2.0.0 Accepted");
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
      // The client hung up (a node was killed) or the receiver is closing: an unfinished message was not accepted.
    }
  }

  /** Reads one message up to its lone dot; answers its Message-ID (a folded header included), empty if it has none. */
  private static String readMessageId(BufferedReader in) throws IOException {
    StringBuilder messageId = new StringBuilder();
    boolean inHeaders = true;
    boolean inMessageId = false;
    for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
      if (line.isEmpty()) {
        inHeaders = false;
      } else if (inHeaders && inMessageId && Character.isWhitespace(line.charAt(0))) {
        messageId.append(line.strip());
      } else if (inHeaders) {
        inMessageId = line.regionMatches(true, 0, MESSAGE_ID, 0, MESSAGE_ID.length());
        if (inMessageId) {
          messageId.setLength(0);
          messageId.append(line.substring(MESSAGE_ID.length()).strip());
        }
      }
    }
    return messageId.toString();
  }

  /**
   * The delivery key in a Message-ID {@code <local@domain>}, whose local part spells the key's characters other than
   * letters, digits, '-' and '_' as {@code =XX}, the hex of each UTF-8 byte (io.tenure.delivery.SmtpMessages).
   */
  public static String deliveryKey(String messageId) {
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
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing a listening socket that failed changes nothing for the caller.
    }
  }
}
