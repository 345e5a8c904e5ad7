package io.tenure.cli;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * The CPU time a phase of a benchmark took, in this JVM and in the PostgreSQL server's processes: the figure that
 * travels from a shared machine to another, where wall-clock rates do not. PostgreSQL's share is {@link PostgresCpu}'s
 * (the postmaster, its processes, and those that ended within the phase), known only on Linux with the server on this
 * machine (else 0). Not thread-safe.
 */
final class PhaseCpu {
  private final Jdbi jdbi;
  private final long jvmBefore;
  private final OptionalLong postgresBefore;
  private final Map<Long, Long> compilerBefore;

  private PhaseCpu(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.postgresBefore = PostgresCpu.nanos(jdbi);
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
    OptionalLong postgresNow = PostgresCpu.nanos(jdbi);
    long postgres = postgresBefore.isPresent() && postgresNow.isPresent() ? postgresNow.getAsLong() - postgresBefore.getAsLong() : 0;
    return new Spent(jvm, compiler, postgres);
  }

  /** CPU time in nanoseconds; {@code compilerNanos} is the part of {@code jvmNanos} the JIT compiler's threads took. */
  record Spent(long jvmNanos, long compilerNanos, long postgresNanos) {
    static final Spent NONE = new Spent(0, 0, 0);

    /** Both phases' CPU together. */
    Spent plus(Spent other) {
      return new Spent(jvmNanos + other.jvmNanos, compilerNanos + other.compilerNanos, postgresNanos + other.postgresNanos);
    }

    /**
     * Microseconds of each per {@code operations} (a transition of the drain or of its write ceiling): what a phase
     * cost the two cores, which compares across runs of a shared machine where their rates do not.
     */
    String microsEach(long operations) {
      double divisor = Math.max(operations, 1) * 1e3;
      return String.format(java.util.Locale.ROOT, "JVM %.1f µs (JIT compiler %.1f µs) + PostgreSQL %.1f µs",
          jvmNanos / divisor, compilerNanos / divisor, postgresNanos / divisor);
    }

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
}
