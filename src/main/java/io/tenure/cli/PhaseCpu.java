package io.tenure.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The CPU time a phase of a benchmark took, in this JVM and in the PostgreSQL server's processes: the figure that
 * travels from a shared machine to another, where wall-clock rates do not. PostgreSQL's share is read from
 * {@code /proc} for the processes that {@code pg_stat_activity} lists (backends and the server's background
 * processes), so it is known only on Linux with the server on this machine (else 0), and a process that ended within
 * the phase (an autovacuum worker) is not counted. Not thread-safe.
 */
final class PhaseCpu {
  private static final double TICK_NANOS = 1e9 / 100;

  private final Jdbi jdbi;
  private final long jvmBefore;
  private final Map<Integer, Long> postgresBefore;
  private final Map<Long, Long> compilerBefore;

  private PhaseCpu(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.postgresBefore = postgresTicks(jdbi);
    this.compilerBefore = JitCompiler.threadNanos();
    this.jvmBefore = jvmNanos();
  }

  /** Starts counting now. */
  static PhaseCpu start(Jdbi jdbi) {
    return new PhaseCpu(jdbi);
  }

  /** The CPU spent since the start: this JVM's (and of it its JIT compiler's) and PostgreSQL's, in nanoseconds. */
  Spent spent() {
    long jvm = jvmNanos() - jvmBefore;
    long compiler = JitCompiler.nanosSince(compilerBefore);
    long ticks = 0;
    for (Map.Entry<Integer, Long> process : postgresTicks(jdbi).entrySet()) {
      ticks += process.getValue() - postgresBefore.getOrDefault(process.getKey(), 0L);
    }
    return new Spent(jvm, compiler, Math.round(ticks * TICK_NANOS));
  }

  /** CPU time in nanoseconds; {@code compilerNanos} is the part of {@code jvmNanos} the JIT compiler's threads took. */
  record Spent(long jvmNanos, long compilerNanos, long postgresNanos) {
    /** Milliseconds of each per {@code operations}. */
    String perOperation(long operations) {
      double divisor = Math.max(operations, 1) * 1e6;
      return String.format(java.util.Locale.ROOT, "JVM %.3f ms (JIT compiler %.3f ms) + PostgreSQL %.3f ms",
          jvmNanos / divisor, compilerNanos / divisor, postgresNanos / divisor);
    }
  }

  private static long jvmNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  private static Map<Integer, Long> postgresTicks(Jdbi jdbi) {
    List<Integer> pids = jdbi.withHandle(handle -> handle.createQuery("SELECT pid FROM pg_stat_activity")
        .mapTo(Integer.class).list());
    Map<Integer, Long> ticks = new HashMap<>();
    for (int pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
        // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
      } catch (IOException | RuntimeException unreadable) {
        // Not Linux, another machine's server, or the process just ended: not counted.
      }
    }
    return ticks;
  }
}
