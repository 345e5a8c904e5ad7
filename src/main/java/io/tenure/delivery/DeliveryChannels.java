package io.tenure.delivery;

import java.util.Optional;

/**
 * The channels the operator configured. An absent channel is not an error: messages for it cannot be delivered,
 * and the dispatcher marks them so (docs/notices.md, "Channels").
 *
 * @param email SMTP settings, when e-mail is configured
 * @param sms the SMS gateway's settings, when SMS is configured
 */
public record DeliveryChannels(Optional<SmtpSettings> email, Optional<SmsGatewaySettings> sms) {
  /** No outbound channel: only in-app messages are delivered. */
  public static final DeliveryChannels NONE = new DeliveryChannels(Optional.empty(), Optional.empty());
}
