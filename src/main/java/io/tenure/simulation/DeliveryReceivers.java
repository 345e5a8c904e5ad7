package io.tenure.simulation;

import io.tenure.delivery.DeliveryChannels;
import io.tenure.receiver.SmsReceiver;
import io.tenure.receiver.SmtpReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The outside world of the simulated nodes' notices: a local SMTP server and SMS gateway (io.tenure.receiver), both
 * in the simulator's process, counting what they received by delivery key. The nodes are given both as their channels.
 */
final class DeliveryReceivers implements AutoCloseable {
  static final String FROM = "Tenure <noreply@simulation.example>";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
  private final SmtpReceiver smtp = new SmtpReceiver(this::count);
  private final SmsReceiver sms;
  private boolean closed;

  DeliveryReceivers() {
    try {
      sms = new SmsReceiver(this::count);
    } catch (RuntimeException failure) {
      smtp.close();
      throw failure;
    }
  }

  private void count(String key) {
    received.computeIfAbsent(key, any -> new AtomicLong()).incrementAndGet();
  }

  /** How often the message with delivery key {@code key} arrived, over either channel. */
  long received(String key) {
    AtomicLong count = received.get(key);
    return count == null ? 0 : count.get();
  }

  /** Every key received, to find one that no delivery has. */
  Set<String> keys() {
    return Map.copyOf(received).keySet();
  }

  /** The channels of an in-process node. */
  DeliveryChannels channels() {
    return new DeliveryChannels(Optional.of(smtp.settings(FROM, TIMEOUT)), Optional.of(sms.settings(TIMEOUT)));
  }

  /** The same channels as the options of {@code tenure serve}. */
  List<String> options() {
    return Stream.concat(smtp.options(FROM).stream(), sms.options().stream()).toList();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    smtp.close();
    sms.close();
  }
}
