package io.tenure.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux's {@code /proc/<pid>/stat} says of one process: its command, its own CPU ticks (user + system) and those
 * of the children it has reaped ({@code USER_HZ}, 100 a second). Empty once the process has ended.
 */
record ProcessStat(String command, long ownTicks, long reapedTicks) {
  /** The kernel's clock ticks per second for {@code /proc} times ({@code USER_HZ}, 100 on Linux). */
  static final long TICKS_PER_SECOND = 100;

  static Optional<ProcessStat> of(long pid) {
    return of(Path.of("/proc", Long.toString(pid)));
  }

  /** The stat of the process whose {@code /proc} directory is {@code process}. */
  static Optional<ProcessStat> of(Path process) {
    String stat;
    try {
      stat = Files.readString(process.resolve("stat"));
    } catch (IOException ended) {
      return Optional.empty();
    }
    // The command is in parentheses and may hold spaces; utime, stime, cutime, cstime are fields 14 to 17 of the
    // line, so 11 to 14 after the closing parenthesis.
    int close = stat.lastIndexOf(')');
    String[] fields = stat.substring(close + 2).split(" ");
    return Optional.of(new ProcessStat(stat.substring(stat.indexOf('(') + 1, close),
        Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
  }
}
