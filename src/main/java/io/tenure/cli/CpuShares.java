package io.tenure.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where this process's CPU goes during the load, by thread kind: the server's request threads, the load
 * generator's own, the JIT compiler's, and the rest (engine; GC only in the whole process). Divided by the calls, it
 * says how much CPU one call costs on each side; PostgreSQL's CPU is in its own processes and not counted here.
 */
final class CpuShares {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> before = new HashMap<>();
  private final Map<Long, String> kindBefore = new HashMap<>();
  private final Map<Long, Long> compilerBefore = JitCompiler.threadNanos();
  private final long processBefore = processCpu();
  private final long allocatedBefore = allocated();

  CpuShares() {
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        before.put(info.getThreadId(), Math.max(threads.getThreadCpuTime(info.getThreadId()), 0));
        kindBefore.put(info.getThreadId(), kind(info.getThreadName()));
      }
    }
  }

  /** A line such as {@code cpu per call: server 1.20 ms, load generator 0.40 ms, other 0.10 ms, process 1.80 ms}. */
  String perCall(long calls) {
    return perCall(calls, 0);
  }

  /**
   * {@link #perCall(long)}, adding {@code endedLoadNanos}: the whole CPU of load threads that ended before this call
   * (a thread that has ended has no CPU time to read any more, so each reports its own as it ends); what such a
   * thread had spent when this count started is taken off.
   */
  String perCall(long calls, long endedLoadNanos) {
    Map<String, Long> spent = new HashMap<>();
    spent.put("load", endedLoadNanos);
    Map<Long, Long> ended = new HashMap<>(before);
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long now = threads.getThreadCpuTime(info.getThreadId());
      if (now < 0) {
        continue;
      }
      ended.remove(info.getThreadId());
      spent.merge(kind(info.getThreadName()), now - before.getOrDefault(info.getThreadId(), 0L), Long::sum);
    }
    ended.forEach((id, nanos) -> {
      if ("load".equals(kindBefore.get(id))) {
        spent.merge("load", -nanos, Long::sum);
      }
    });
    double divisor = Math.max(calls, 1) * 1e6;
    return String.format(Locale.ROOT, "cpu per call: server threads %.2f ms, load generator %.2f ms, other threads "
        + "%.2f ms, JIT compiler %.2f ms, whole process %.2f ms (PostgreSQL not counted); allocated %.0f KB",
        spent.getOrDefault("server", 0L) / divisor, spent.getOrDefault("load", 0L) / divisor,
        spent.getOrDefault("other", 0L) / divisor, JitCompiler.nanosSince(compilerBefore) / divisor,
        (processCpu() - processBefore) / divisor, (allocated() - allocatedBefore) / (divisor / 1e3));
  }

  private static String kind(String threadName) {
    if (threadName.startsWith("JettyServerThreadPool")) {
      return "server";
    }
    if (threadName.startsWith("bench-client") || threadName.startsWith("HttpClient")) {
      return "load";
    }
    return "other";
  }

  /** The bytes every thread of the process has allocated so far (ended threads' included): what the GC must collect. */
  private static long allocated() {
    return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        ? threads.getTotalThreadAllocatedBytes() : 0;
  }

  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }
}
