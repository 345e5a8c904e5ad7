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
 * The CPU time spent by this process and by the PostgreSQL server processes (every process {@code pg_stat_activity}
 * lists: the client backends and the background ones) since {@link #start}: what a bench's step costs on a shared
 * machine, where wall-clock time mostly says how busy the other users were. The server must run on this machine
 * (the embedded one does); otherwise its part reads zero. Not thread-safe.
 */
final class ServerCpu {
  /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on Linux. */
  private static final double TICKS_PER_SECOND = 100;

  private final Jdbi jdbi;
  private final Map<Integer, Long> serverBefore;
  private final long processBefore;

  private ServerCpu(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.serverBefore = serverTicks(jdbi);
    this.processBefore = processNanos();
  }

  static ServerCpu start(Jdbi jdbi) {
    return new ServerCpu(jdbi);
  }

  /** Seconds of CPU since the start: this process, the server. */
  record Spent(double process, double server) {}

  Spent spent() {
    long ticks = 0;
    for (Map.Entry<Integer, Long> now : serverTicks(jdbi).entrySet()) {
      ticks += now.getValue() - serverBefore.getOrDefault(now.getKey(), 0L);
    }
    return new Spent((processNanos() - processBefore) / 1e9, ticks / TICKS_PER_SECOND);
  }

  private static Map<Integer, Long> serverTicks(Jdbi jdbi) {
    List<Integer> pids = jdbi.withHandle(handle -> handle.createQuery("SELECT pid FROM pg_stat_activity").mapTo(Integer.class).list());
    Map<Integer, Long> ticks = new HashMap<>();
    for (int pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
        // After the command name in parentheses: state is field 3, utime field 14, stime field 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
      } catch (IOException | RuntimeException notHere) {
        // A server on another machine, or a process that just ended: not counted.
      }
    }
    return ticks;
  }

  private static long processNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }
}
