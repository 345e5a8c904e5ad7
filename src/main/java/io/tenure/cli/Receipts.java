package io.tenure.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark's receivers took, by delivery key: how many times each key arrived, so that the benchmark can
 * check that every delivery was received exactly once. Thread-safe (the receivers answer on many threads).
 */
final class Receipts {
  private final Map<String, Integer> timesByKey = new ConcurrentHashMap<>();
  private final AtomicLong received = new AtomicLong();

  void record(String deliveryKey) {
    timesByKey.merge(deliveryKey, 1, Integer::sum);
    received.incrementAndGet();
  }

  /** Messages taken so far, repeats included. */
  long received() {
    return received.get();
  }

  /** How many times {@code deliveryKey} arrived. */
  int times(String deliveryKey) {
    return timesByKey.getOrDefault(deliveryKey, 0);
  }

  /** Distinct keys taken. */
  int distinct() {
    return timesByKey.size();
  }
}
