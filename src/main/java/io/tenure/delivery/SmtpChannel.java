package io.tenure.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/**
 * E-mail over SMTP with one connection kept open for many messages: it is opened at the first send, checked with
 * a NOOP before a send that follows a pause of more than {@link #IDLE_CHECK_AFTER} (servers drop idle clients),
 * and opened again after it was lost. Thread-safe: {@link #send} is synchronized, since one SMTP connection carries
 * one message at a time, so a dispatcher that sends in parallel gives each of its threads its own channel.
 */
public final class SmtpChannel implements Channel {
  /** After this long without a message, the connection is checked before it is used. */
  static final Duration IDLE_CHECK_AFTER = Duration.ofSeconds(5);
  /** The system property through which Jakarta Mail finds its stream provider (MIME encoders, line streams). */
  static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

  static {
    // Without it Jakarta Mail looks the provider up with ServiceLoader over every jar of the class path each time it
    // encodes a subject or builds or writes a part: a fifth of an e-mail's cost. Angus Mail is the one provider
    // Tenure ships; a value the operator set is kept.
    if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
      System.setProperty(STREAM_PROVIDER_PROPERTY, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final SmtpSettings settings;
  private final Duration idleCheckAfter;
  private final Session session;
  private Transport transport;
  private long lastUsedNanos;
  private long connectionsOpened;

  public SmtpChannel(SmtpSettings settings) {
    this(settings, IDLE_CHECK_AFTER);
  }

  /** A channel that checks its connection after {@code idleCheckAfter} without a message; for tests. */
  SmtpChannel(SmtpSettings settings, Duration idleCheckAfter) {
    this.settings = settings;
    this.idleCheckAfter = idleCheckAfter;
    this.session = Session.getInstance(properties(settings));
  }

  @Override
  public synchronized Outcome send(Outbound message) {
    MimeMessage mime;
    try {
      mime = SmtpMessages.compose(session, settings.sender(), message);
    } catch (MessagingException | IllegalArgumentException failure) {
      return Outcome.permanent(SmtpFailures.compositionReason(message, failure));
    }
    if (!connected()) {
      try {
        connect();
      } catch (MessagingException failure) {
        disconnect();
        return Outcome.retryable(SmtpFailures.connectReason(settings, failure));
      }
    }
    try {
      transport.sendMessage(mime, mime.getAllRecipients());
      lastUsedNanos = System.nanoTime();
      return Outcome.sent(mime.getMessageID());
    } catch (MessagingException failure) {
      if (SmtpFailures.replyCode(failure).isEmpty()) {
        // Without an SMTP reply the connection is in an unknown state: the next message gets a new one.
        disconnect();
      } else {
        lastUsedNanos = System.nanoTime();
      }
      return SmtpFailures.ofSending(settings, failure);
    }
  }

  /** How many connections this channel has opened so far (1 while one stays up), for tests and the benchmark. */
  public synchronized long connectionsOpened() {
    return connectionsOpened;
  }

  @Override
  public synchronized void close() {
    disconnect();
  }

  private boolean connected() {
    if (transport == null) {
      return false;
    }
    boolean idle = System.nanoTime() - lastUsedNanos > idleCheckAfter.toNanos();
    // isConnected() sends a NOOP, a round trip; it is worth one only after a pause.
    if (idle && !transport.isConnected()) {
      disconnect();
      return false;
    }
    return true;
  }

  private void connect() throws MessagingException {
    transport = session.getTransport(protocol(settings.security()));
    transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
        settings.password().orElse(null));
    connectionsOpened++;
    lastUsedNanos = System.nanoTime();
  }

  private void disconnect() {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException ignored) {
      // The connection is being dropped anyway; a failed QUIT changes nothing.
    }
    transport = null;
  }

  private static String protocol(SmtpSecurity security) {
    return security == SmtpSecurity.TLS ? "smtps" : "smtp";
  }

  private static Properties properties(SmtpSettings settings) {
    String prefix = "mail." + protocol(settings.security()) + ".";
    String timeoutMillis = Long.toString(settings.timeout().toMillis());
    Properties properties = new Properties();
    properties.setProperty("mail.mime.charset", "UTF-8");
    properties.setProperty(prefix + "connectiontimeout", timeoutMillis);
    properties.setProperty(prefix + "timeout", timeoutMillis);
    properties.setProperty(prefix + "writetimeout", timeoutMillis);
    properties.setProperty(prefix + "auth", Boolean.toString(settings.username().isPresent()));
    if (settings.security() == SmtpSecurity.STARTTLS) {
      properties.setProperty(prefix + "starttls.enable", "true");
      properties.setProperty(prefix + "starttls.required", "true");
    }
    if (settings.security() != SmtpSecurity.NONE) {
      properties.setProperty(prefix + "ssl.checkserveridentity", "true");
    }
    return properties;
  }
}
