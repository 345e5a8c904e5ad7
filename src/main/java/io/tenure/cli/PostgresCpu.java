package io.tenure.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The CPU time a PostgreSQL on this machine (the embedded one of a data directory, or the one behind a Jdbi) has used so far, read from Linux's {@code /proc}: the
 * postmaster and its live processes, plus the processes it has reaped (backends of closed connections). Empty where
 * that cannot be read (another system, a server on another machine). Divided by the calls of a load, it is the other
 * half of a call's cost beside the JVM's.
 */
final class PostgresCpu {
  private PostgresCpu() {}

  /** Nanoseconds of CPU of the PostgreSQL whose files are in {@code dataDirectory/postgres}. */
  static OptionalLong nanos(Path dataDirectory) {
    try {
      return nanos(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).getFirst().strip()));
    } catch (IOException | RuntimeException unreadable) {
      return OptionalLong.empty();
    }
  }

  /** Nanoseconds of CPU of the PostgreSQL behind {@code jdbi}: the postmaster is the parent of any of its backends. */
  static OptionalLong nanos(Jdbi jdbi) {
    long backend = jdbi.withHandle(handle -> handle.createQuery("SELECT pg_backend_pid()").mapTo(Long.class).one());
    return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(postmaster -> nanos(postmaster.pid()))
        .orElse(OptionalLong.empty());
  }

  private static OptionalLong nanos(long postmaster) {
    try {
      long ticks = ProcessStat.of(postmaster).map(own -> own.ownTicks() + own.reapedTicks()).orElse(0L);
      for (ProcessHandle child : ProcessHandle.of(postmaster).map(ProcessHandle::descendants).orElse(Stream.empty()).toList()) {
        ticks += ProcessStat.of(child.pid()).map(ProcessStat::ownTicks).orElse(0L);
      }
      return OptionalLong.of(ticks * 1_000_000_000L / ProcessStat.TICKS_PER_SECOND);
    } catch (RuntimeException unreadable) {
      return OptionalLong.empty();
    }
  }
}
