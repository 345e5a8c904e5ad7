package io.tenure.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny real SMTP server for the answers GreenMail does not give: a chosen reply to RCPT TO, or no answer at all
 * after a message's data. It counts the connections it accepted and the messages it took.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger messages = new AtomicInteger();
  private volatile String recipientReply = "250 2.1.5 OK";
  private volatile boolean silentAfterData;
  private volatile boolean hangUpAfterData;
  private volatile boolean hangUpOnRecipient;
  private volatile boolean hangUpInsteadOfQueued;

  ScriptedSmtpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return socket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  int messages() {
    return messages.get();
  }

  void answerRecipientsWith(String reply) {
    recipientReply = reply;
  }

  void neverAnswerAfterData() {
    silentAfterData = true;
  }

  /** Closes each connection right after accepting a message, as a server dropping idle clients does later. */
  void hangUpAfterEachMessage() {
    hangUpAfterData = true;
  }

  /** Closes the connection instead of answering RCPT TO, as a server stopping mid-conversation does. */
  void hangUpOnRecipient() {
    hangUpOnRecipient = true;
  }

  /** Closes the connection after reading a message's data, without the reply that it was queued. */
  void hangUpInsteadOfQueued() {
    hangUpInsteadOfQueued = true;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        connections.incrementAndGet();
        Thread.ofVirtual().start(() -> converse(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
      reply(out, "220 scripted ESMTP");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (command) {
          case "RCPT" -> {
            if (hangUpOnRecipient) {
              return;
            }
            reply(out, recipientReply);
          }
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            while (!".".equals(in.readLine())) {
              // The message's lines are not kept.
            }
            if (silentAfterData) {
              Thread.sleep(60_000);
            }
            if (hangUpInsteadOfQueued) {
              return;
            }
            messages.incrementAndGet();
            reply(out, "250 2.0.0 queued");
            if (hangUpAfterData) {
              return;
            }
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 OK");
        }
      }
    } catch (IOException | InterruptedException ended) {
      // The client went away or the server is closing.
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
