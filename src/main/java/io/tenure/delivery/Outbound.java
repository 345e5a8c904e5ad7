package io.tenure.delivery;

import java.util.Map;
import java.util.Objects;

/**
 * One rendered message for one address, as a channel sends it. E-mail uses the subject, the HTML body and the
 * text body; SMS uses the text body and the template parameters (for gateways that fill a provider-side template).
 *
 * @param deliveryKey the delivery's stable deduplication key: the same on every attempt, passed to the provider
 *     where it can carry one (the e-mail's Message-ID, an SMS gateway's {@code {{deliveryKey}}} placeholder)
 * @param recipient an e-mail address or a phone number
 * @param subject the e-mail subject; empty for SMS
 * @param htmlBody the e-mail's HTML part; empty for SMS
 * @param textBody the e-mail's plain-text part, or the SMS text
 * @param parameters named values for an SMS gateway's own template; empty for e-mail
 */
public record Outbound(String deliveryKey, String recipient, String subject, String htmlBody, String textBody,
    Map<String, String> parameters) {

  public Outbound {
    Objects.requireNonNull(deliveryKey, "deliveryKey");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(htmlBody, "htmlBody");
    Objects.requireNonNull(textBody, "textBody");
    parameters = Map.copyOf(parameters);
  }

  /** An e-mail with both an HTML and a plain-text body. */
  public static Outbound email(String deliveryKey, String address, String subject, String htmlBody, String textBody) {
    return new Outbound(deliveryKey, address, subject, htmlBody, textBody, Map.of());
  }

  /** An SMS with its text and, for gateways with their own templates, the values to fill them with. */
  public static Outbound sms(String deliveryKey, String phoneNumber, String text, Map<String, String> parameters) {
    return new Outbound(deliveryKey, phoneNumber, "", "", text, parameters);
  }
}
