package io.tenure.cli;

import io.tenure.delivery.SmsBodyTemplate;
import io.tenure.delivery.SmsGatewaySettings;
import io.tenure.delivery.SmsSuccessRule;
import io.tenure.delivery.SmtpSecurity;
import io.tenure.delivery.SmtpSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local SMTP server and HTTP receiver of {@code bench notices}, and the channel settings that point at them.
 * Both record into the same {@link Receipts} (a delivery's key names its channel, so the keys never collide).
 */
final class NoticeReceivers implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final DiscardingSmtpServer smtp;
  private final SmsReceiver sms;

  NoticeReceivers(Receipts receipts) throws IOException {
    smtp = new DiscardingSmtpServer(receipts);
    SmsReceiver receiver;
    try {
      receiver = new SmsReceiver(receipts);
    } catch (IOException failure) {
      smtp.close();
      throw failure;
    }
    sms = receiver;
  }

  /** From now on, both receivers record into {@code receipts}. */
  void recordInto(Receipts receipts) {
    smtp.recordInto(receipts);
    sms.recordInto(receipts);
  }

  SmtpSettings smtpSettings() {
    return new SmtpSettings("127.0.0.1", smtp.port(), SmtpSecurity.NONE, Optional.empty(), Optional.empty(),
        "Tenure <notices@tenure.example>", TIMEOUT);
  }

  /** A gateway that answers {@code {"Code":"OK","BizId":…}}, judged as Alibaba Cloud SMS is. */
  SmsGatewaySettings smsSettings() {
    SmsSuccessRule rule = new SmsSuccessRule("2xx", Optional.of("Code"), Optional.of("OK"), Optional.of("BizId"), Set.of());
    return new SmsGatewaySettings("POST", sms.url(), Map.of(),
        SmsBodyTemplate.parse(SmsBodyTemplate.Format.JSON, SmsReceiver.BODY_TEMPLATE), rule, TIMEOUT);
  }

  @Override
  public void close() throws IOException {
    sms.close();
    smtp.close();
  }
}
