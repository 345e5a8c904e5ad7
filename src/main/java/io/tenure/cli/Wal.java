package io.tenure.cli;

import org.jdbi.v3.core.Jdbi;

/**
 * Where PostgreSQL's write-ahead log stands, in bytes: the difference of two readings is what a phase of a
 * benchmark logged, full-page images included (docs/performance.md, "Session 9: the write ceiling's passes").
 */
final class Wal {
  private Wal() {}

  static long position(Jdbi jdbi) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT pg_current_wal_lsn() - '0/0'").mapTo(Long.class).one());
  }
}
