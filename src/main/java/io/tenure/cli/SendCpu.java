package io.tenure.cli;

import io.tenure.delivery.Channel;
import io.tenure.delivery.Outbound;
import io.tenure.delivery.Outcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The CPU time the sending threads spend inside the channels' {@code send} (this thread's CPU clock read before and
 * after each send), so that {@code bench notices} can compare what the same sends cost inside the dispatcher and in
 * the bare loop. The receivers' work is on their own threads and not in it. Thread-safe.
 */
final class SendCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final LongAdder nanos = new LongAdder();
  private final LongAdder sends = new LongAdder();

  /** {@code channel}, its sends counted here. */
  Channel metered(Channel channel) {
    return new Channel() {
      @Override
      public Outcome send(Outbound message) {
        long before = THREADS.getCurrentThreadCpuTime();
        try {
          return channel.send(message);
        } finally {
          nanos.add(THREADS.getCurrentThreadCpuTime() - before);
          sends.increment();
        }
      }

      @Override
      public void close() {
        channel.close();
      }
    };
  }

  /** CPU nanoseconds and sends so far. */
  long[] snapshot() {
    return new long[] {nanos.sum(), sends.sum()};
  }

  /** Milliseconds of CPU per send between two snapshots. */
  static String perSend(long[] before, long[] after) {
    long count = Math.max(after[1] - before[1], 1);
    return String.format(java.util.Locale.ROOT, "%.3f ms a send (%d sends)", (after[0] - before[0]) / 1e6 / count,
        after[1] - before[1]);
  }
}
