package io.tenure.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Builds the MIME form of an e-mail notice: multipart/alternative with the plain text first, all in UTF-8. */
final class SmtpMessages {
  private static final String CHARSET = "UTF-8";

  private SmtpMessages() {}

  static MimeMessage compose(Session session, InternetAddress sender, Outbound message) throws MessagingException {
    MimeMessage mime = new KeyedMessage(session, messageId(message.deliveryKey(), sender));
    mime.setFrom(sender);
    mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
    mime.setSubject(message.subject(), CHARSET);
    mime.setSentDate(new Date());
    // RFC 3834: tells auto-responders not to answer a machine-sent notice.
    mime.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.textBody(), CHARSET, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.htmlBody(), CHARSET, "html");
    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    mime.setContent(alternatives);
    mime.saveChanges();
    return mime;
  }

  /**
   * The same Message-ID on every attempt of a delivery ({@code <key@sender-domain>}), so that a message resent after
   * a crash or an unknown outcome can be recognised as the same one by mail systems that look.
   */
  static String messageId(String deliveryKey, InternetAddress sender) {
    StringBuilder local = new StringBuilder();
    for (byte character : deliveryKey.getBytes(StandardCharsets.UTF_8)) {
      if ((character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
          || (character >= '0' && character <= '9') || character == '-' || character == '_') {
        local.append((char) character);
      } else {
        local.append('=').append(String.format("%02X", character & 0xFF));
      }
    }
    String address = sender.getAddress();
    return "<" + local + "@" + address.substring(address.lastIndexOf('@') + 1) + ">";
  }

  /** A message whose Message-ID is given instead of made up at random when it is saved. */
  private static final class KeyedMessage extends MimeMessage {
    private final String messageId;

    KeyedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
