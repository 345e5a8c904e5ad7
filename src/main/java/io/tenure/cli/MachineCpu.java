package io.tenure.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How busy the whole machine was over a span, read from Linux's {@code /proc}: the cores' busy share, and the share
 * of one core taken by the kernel's memory monitor (DAMON's {@code kdamond} threads). A paced load's latency means
 * little without the first. The second, on the virtual machines these benches were written on, wakes every half
 * second to sample which pages were touched, takes most of a core for 50 to 150 ms and delays the commits meanwhile
 * (docs/performance.md, "Session 13: api"). Empty where {@code /proc} cannot be read.
 */
record MachineCpu(long busyTicks, long allTicks, long monitorTicks) {
  /** The counts now. */
  static Optional<MachineCpu> read() {
    try {
      // The first line of /proc/stat: "cpu" and the ticks of user, nice, system, idle, iowait, irq, softirq, steal, ...
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long all = 0;
      for (int field = 1; field <= 8 && field < fields.length; field++) {
        all += Long.parseLong(fields[field]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return Optional.of(new MachineCpu(all - idle, all, kernelMonitorTicks()));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The CPU ticks of the kernel's memory-monitor threads so far (they are kernel threads, so never reaped). */
  private static long kernelMonitorTicks() throws IOException {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
          .map(ProcessStat::of).flatMap(Optional::stream)
          .filter(process -> process.command().startsWith("kdamond")).mapToLong(ProcessStat::ownTicks).sum();
    }
  }

  /**
   * A phrase such as {@code this machine 64% busy (the kernel's memory monitor 4.1% of a core)} for the span from
   * {@code before} to this reading of {@code seconds}; the monitor's part only where it ran.
   */
  String since(MachineCpu before, double seconds) {
    long all = Math.max(allTicks - before.allTicks, 1);
    String busy = String.format(Locale.ROOT, "this machine %.0f%% busy", 100.0 * (busyTicks - before.busyTicks) / all);
    long monitor = monitorTicks - before.monitorTicks;
    return monitor == 0 ? busy : busy + String.format(Locale.ROOT, " (the kernel's memory monitor %.1f%% of a core)",
        100.0 * monitor / ProcessStat.TICKS_PER_SECOND / Math.max(seconds, 1e-9));
  }
}
