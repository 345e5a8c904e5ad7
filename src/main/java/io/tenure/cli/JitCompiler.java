package io.tenure.cli;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * This JVM's just-in-time compiler, as {@code bench notices} sees it: the CPU time its compiler threads took, and a
 * wait until it has compiled what the code run so far made hot. On a busy machine the compiler threads get a small
 * share of the cores, so their queue drains long after the code that filled it ran: a phase measured then runs partly
 * on the slow, profiling first-tier code and pays for the compilations too (docs/performance.md, "Session 7: notices").
 */
final class JitCompiler {
  /** How often, and by how little at most, the compiler's time may grow for it to count as idle. */
  private static final Duration WINDOW = Duration.ofMillis(500);
  private static final long IDLE_GROWTH_MILLIS = 20;
  private static final double TICK_NANOS = 1e9 / 100;

  private JitCompiler() {}

  /**
   * Waits until the compiler's accumulated time grows by at most {@value #IDLE_GROWTH_MILLIS} ms in a window of
   * {@link #WINDOW}, or {@code atMost} passed; answers how long it waited.
   */
  static Duration awaitIdle(Duration atMost) throws InterruptedException {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    long started = System.nanoTime();
    if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
      return Duration.ZERO;
    }
    long before = compiler.getTotalCompilationTime();
    while (System.nanoTime() - started < atMost.toNanos()) {
      Thread.sleep(WINDOW);
      long now = compiler.getTotalCompilationTime();
      if (now - before <= IDLE_GROWTH_MILLIS) {
        break;
      }
      before = now;
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /**
   * The CPU time of this JVM's compiler threads so far, in nanoseconds, by thread (Linux only, else empty); a thread
   * that ends (the JVM stops compiler threads it no longer needs) takes its time with it.
   */
  static Map<Long, Long> threadNanos() {
    Map<Long, Long> nanos = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            // After the name's closing parenthesis: utime is the 12th field, stime the 13th (counted from 0 there).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            nanos.put(Long.parseLong(task.getFileName().toString()), Math.round(ticks * TICK_NANOS));
          }
        } catch (IOException | RuntimeException ended) {
          // The thread ended while being read: not counted.
        }
      });
    } catch (IOException | RuntimeException notLinux) {
      return Map.of();
    }
    return nanos;
  }

  /** The compiler threads' CPU time since {@code before} (a {@link #threadNanos} of then), in nanoseconds. */
  static long nanosSince(Map<Long, Long> before) {
    long spent = 0;
    for (Map.Entry<Long, Long> thread : threadNanos().entrySet()) {
      spent += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
    }
    return spent;
  }
}
