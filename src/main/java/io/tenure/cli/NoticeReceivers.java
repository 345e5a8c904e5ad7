package io.tenure.cli;

import io.tenure.delivery.SmsGatewaySettings;
import io.tenure.delivery.SmtpSettings;
import io.tenure.receiver.SmsReceiver;
import io.tenure.receiver.SmtpReceiver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local SMTP server and SMS gateway of {@code bench notices} (io.tenure.receiver), and the channel settings that
 * point at them. Both record into the same {@link Receipts} (a delivery's key names its channel, so the keys never
 * collide), which the benchmark switches between its dispatcher's phases and its bare runs.
 */
final class NoticeReceivers implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String FROM = "Tenure <notices@tenure.example>";

  private final AtomicReference<Receipts> receipts;
  private final SmtpReceiver smtp;
  private final SmsReceiver sms;

  NoticeReceivers(Receipts initial) {
    receipts = new AtomicReference<>(initial);
    smtp = new SmtpReceiver(key -> receipts.get().record(key));
    try {
      sms = new SmsReceiver(key -> receipts.get().record(key));
    } catch (RuntimeException failure) {
      smtp.close();
      throw failure;
    }
  }

  /** From now on, both receivers record into {@code next}. */
  void recordInto(Receipts next) {
    receipts.set(next);
  }

  SmtpSettings smtpSettings() {
    return smtp.settings(FROM, TIMEOUT);
  }

  /** A gateway that answers {@code {"Code":"OK","BizId":…}}, judged as Alibaba Cloud SMS is. */
  SmsGatewaySettings smsSettings() {
    return sms.settings(TIMEOUT);
  }

  @Override
  public void close() {
    sms.close();
    smtp.close();
  }
}
