package io.tenure.simulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A plain SMTP server that accepts every message and hands its Message-ID to a consumer: the mailbox of the
 * simulation's nodes. It speaks only what an SMTP client without login or TLS needs (EHLO/HELO, MAIL, RCPT, DATA,
 * RSET, NOOP, QUIT), one virtual thread per connection, and keeps no message: the auditor counts, it does not read.
 */
final class SmtpSink implements AutoCloseable {
  private final ServerSocket server;
  private final Consumer<String> received;

  SmtpSink(Consumer<String> received) {
    this.received = received;
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException failure) {
      throw new UncheckedIOException("the simulation's SMTP sink could not listen", failure);
    }
    Thread.ofVirtual().name("simulate-smtp-accept").start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket connection = server.accept();
        Thread.ofVirtual().name("simulate-smtp").start(() -> serve(connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      // ISO-8859-1 reads any byte as one character: the headers are ASCII, the body is never decoded.
      BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = connection.getOutputStream();
      answer(out, "220 simulation SMTP sink");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (command) {
          case "EHLO", "HELO" -> answer(out, "250 simulation");
          case "DATA" -> {
            answer(out, "354 end with a line of one dot");
            message(in);
            answer(out, "250 accepted");
          }
          case "QUIT" -> {
            answer(out, "221 bye");
            return;
          }
          default -> answer(out, "250 ok");
        }
      }
    } catch (IOException dropped) {
      // The client went away (a node was killed): what it had not finished sending was not accepted.
    }
  }

  /** Reads one message up to its lone dot; a message without a Message-ID counts as one with an empty id. */
  private void message(BufferedReader in) throws IOException {
    String messageId = "";
    boolean headers = true;
    boolean inMessageId = false;
    for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
      if (line.isEmpty()) {
        headers = false;
      } else if (headers && inMessageId && Character.isWhitespace(line.charAt(0))) {
        messageId += line.strip(); // a folded header goes on after white space
      } else if (headers) {
        inMessageId = line.regionMatches(true, 0, "Message-ID:", 0, 11);
        messageId = inMessageId ? line.substring(11).strip() : messageId;
      }
    }
    received.accept(messageId);
  }

  private static void answer(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing a listening socket that failed changes nothing for the run.
    }
  }
}
