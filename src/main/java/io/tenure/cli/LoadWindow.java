package io.tenure.cli;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * When the measured part of {@code bench api}'s load starts and ends, and the counts taken as it starts. The warm-up
 * lasts its seconds and then, when it is not zero and neither is {@code jitSettle}, until the JIT compiler has compiled
 * what the load made hot (at most {@code jitSettle} more): on two cores the compiler's queue drains for tens of seconds
 * after the code that filled it ran, and a window measured meanwhile measures the warm-up's interpreted code and
 * compilations, not the server (docs/performance.md, "Session 8: api JVM side"). Thread-safe.
 */
final class LoadWindow {
  private static final Duration IDLE_SPAN = Duration.ofSeconds(2);
  private static final int IDLE_SHARE_PERCENT = 5;
  private static final Pattern COMPILE = Pattern.compile("\\s*(C[12] CompilerThread\\d+\\s+)?\\d+\\s");
  private final long started = System.nanoTime();
  private final long measuredNanos;
  private final AtomicLong sent;
  private final Supplier<OptionalLong> postgresCpu;
  private final Thread waiter;
  private final long leadNanos;
  private volatile long measureFrom;
  private volatile long restartAt = Long.MAX_VALUE;
  private volatile long deadline;
  private volatile CpuShares cpu;
  private volatile long callsBefore;
  private volatile OptionalLong postgresBefore = OptionalLong.empty();
  private volatile Optional<MachineCpu> machineBefore = Optional.empty();
  private volatile long countedAt;

  /**
   * The part of the load after the warm-up: its calls, this JVM's CPU per call in it, PostgreSQL's CPU in it, and how
   * busy the machine was ({@link MachineCpu#since}).
   */
  record Measured(long calls, String cpu, OptionalLong postgresNanos, Optional<String> machine) {}

  /**
   * A window measured {@code seconds} after the warm-up; with a warm-up, a paced load's schedule restarts as it ends
   * and is measured from {@code lead} later, once the calls queued at that moment have been answered.
   */
  LoadWindow(double warmUpSeconds, Duration jitSettle, double seconds, Duration lead, AtomicLong sent,
      Supplier<OptionalLong> postgresCpu) {
    this.measuredNanos = (long) (seconds * 1e9);
    this.leadNanos = warmUpSeconds > 0 ? lead.toNanos() : 0;
    this.sent = sent;
    this.postgresCpu = postgresCpu;
    long warmUpEnd = started + (long) (warmUpSeconds * 1e9);
    Duration settle = warmUpSeconds > 0 ? jitSettle : Duration.ZERO;
    // Without the wait the window is known from the start, so that every call of a run without warm-up is measured.
    if (settle.isZero()) {
      this.restartAt = warmUpEnd;
      this.measureFrom = warmUpEnd + leadNanos;
      this.deadline = measureFrom + measuredNanos;
    } else {
      this.measureFrom = Long.MAX_VALUE;
      this.deadline = Long.MAX_VALUE;
    }
    if (warmUpSeconds <= 0) {
      // Counted before any client starts, so that the measured part holds every call.
      count();
      this.waiter = Thread.ofPlatform().daemon().name("bench-window").unstarted(() -> {});
    } else {
      this.waiter = Thread.ofPlatform().daemon().name("bench-window").start(() -> open(warmUpEnd, settle));
    }
  }

  private void count() {
    countedAt = System.nanoTime();
    machineBefore = MachineCpu.read();
    postgresBefore = postgresCpu.get();
    callsBefore = sent.get();
    cpu = new CpuShares();
  }

  private void open(long warmUpEnd, Duration jitSettle) {
    try {
      Thread.sleep(Math.max(0, (warmUpEnd - System.nanoTime()) / 1_000_000));
      if (!jitSettle.isZero()) {
        awaitCompilerIdle(jitSettle);
      }
    } catch (InterruptedException ended) {
      return;
    }
    count();
    if (!jitSettle.isZero()) {
      long now = System.nanoTime();
      deadline = now + leadNanos + measuredNanos;
      measureFrom = now + leadNanos;
      restartAt = now;
    }
  }

  /**
   * Waits until the JIT compiler's threads took less than {@value #IDLE_SHARE_PERCENT}% of a core over the last
   * {@link #IDLE_SPAN} and nothing is running or queued for them at its end, or {@code atMost} passed. Both: on a loaded
   * machine a starved compiler takes little CPU while its queue is long, and a queue empties for a moment while hot
   * code still reaches the next tier.
   */
  private static void awaitCompilerIdle(Duration atMost) throws InterruptedException {
    long until = System.nanoTime() + atMost.toNanos();
    Map<Long, Long> before = JitCompiler.threadNanos();
    while (System.nanoTime() < until) {
      Thread.sleep(IDLE_SPAN.toMillis());
      long spent = JitCompiler.nanosSince(before);
      before = JitCompiler.threadNanos();
      Optional<Boolean> compiling = compiling();
      if (compiling.isEmpty() || spent * 100 < IDLE_SPAN.toNanos() * IDLE_SHARE_PERCENT && !compiling.get()) {
        return;
      }
    }
  }

  /** Whether the JIT compiler is compiling or has methods queued ({@code jcmd Compiler.queue}); empty if unknown. */
  private static Optional<Boolean> compiling() {
    try {
      Object queue = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue", new Object[] {null},
          new String[] {String[].class.getName()});
      // Every compile running or queued is a line that starts with its compile id.
      return Optional.of(String.valueOf(queue).lines().anyMatch(line -> COMPILE.matcher(line).lookingAt()));
    } catch (JMException | RuntimeException unknown) {
      return Optional.empty();
    }
  }

  /** When a paced schedule restarts without the warm-up's backlog (nanoTime), or {@link Long#MAX_VALUE} before it is known. */
  long restartAt() {
    return restartAt;
  }

  /** Whether a call sent at {@code at} (nanoTime) is measured. */
  boolean measures(long at) {
    return at >= measureFrom;
  }

  /** Whether a client may start another round at {@code now} (nanoTime). */
  boolean open(long now) {
    return now < deadline;
  }

  /** How long the warm-up lasted, in seconds (to the end of the load when it never ended). */
  double warmUpSeconds(long end) {
    return (Math.min(measureFrom, end) - started) / 1e9;
  }

  /** The measured part's length, in nanoseconds, for a load that ended at {@code end}. */
  long measuredNanos(long end) {
    return Math.max(end - measureFrom, 1);
  }

  /** The counts of the measured part, once the load has ended; empty when it ended within the warm-up. */
  Optional<Measured> end(long calls, long endedLoadNanos) throws InterruptedException {
    if (waiter.isAlive()) {
      waiter.interrupt();
      waiter.join();
    }
    if (cpu == null || calls <= callsBefore) {
      return Optional.empty();
    }
    double seconds = (System.nanoTime() - countedAt) / 1e9;
    Optional<String> machine = MachineCpu.read().flatMap(now -> machineBefore.map(before -> now.since(before, seconds)));
    OptionalLong postgresNow = postgresCpu.get();
    OptionalLong postgres = postgresBefore.isPresent() && postgresNow.isPresent()
        ? OptionalLong.of(postgresNow.getAsLong() - postgresBefore.getAsLong()) : OptionalLong.empty();
    return Optional.of(new Measured(calls - callsBefore, cpu.perCall(calls - callsBefore, endedLoadNanos), postgres, machine));
  }
}
