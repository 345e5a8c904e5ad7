package io.tenure.cli;

import org.jdbi.v3.core.Jdbi;

/**
 * Where PostgreSQL's write-ahead log stands, in bytes: the difference of two readings is what a phase of a
 * benchmark logged, full-page images included (docs/performance.md, "Session 9: the write ceiling's passes"); and
 * the clean-up a benchmark runs before a measured phase.
 */
final class Wal {
  private Wal() {}

  static long position(Jdbi jdbi) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT pg_current_wal_lsn() - '0/0'").mapTo(Long.class).one());
  }

  /**
   * Vacuums the rows the last phase left dead and writes its dirty pages by a checkpoint, so that neither an
   * autovacuum nor a checkpoint it triggered runs through the next phase by chance, and the next phase's first change
   * of each page logs it whole, as every measured phase's does. Returns the seconds it took.
   */
  static double vacuumAndCheckpoint(Jdbi jdbi) {
    long start = System.nanoTime();
    jdbi.useHandle(handle -> {
      handle.execute("VACUUM ANALYZE");
      handle.execute("CHECKPOINT");
    });
    return (System.nanoTime() - start) / 1e9;
  }
}
