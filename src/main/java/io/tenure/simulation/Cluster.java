package io.tenure.simulation;

import java.net.URI;
import java.util.Random;

/**
 * The Tenure servers one simulation drives, all on one PostgreSQL database, with a simulated clock that node 0
 * moves. Faults are injected through it; a cluster that cannot inject them refuses to kill. Not thread-safe: the
 * simulation calls it from one thread.
 */
public interface Cluster extends AutoCloseable {

  /** How many nodes serve; at least 1. */
  int size();

  /** The base address of node {@code index} ({@code http://127.0.0.1:port}), {@code 0 <= index < size()}. */
  URI node(int index);

  /** The operator API key every node accepts. */
  String operatorKey();

  /**
   * Kills node {@code index} at once ({@code kill -9}: no shutdown of any kind), then starts it again on the same
   * database and returns when it answers {@code /health} UP. Calls in flight to it get no reply.
   */
  void killAndRestart(int index);

  /**
   * Ends one of the database connections Tenure's nodes hold, chosen with {@code random}, preferring one inside a
   * transaction ({@code pg_terminate_backend}); returns whether one was ended.
   */
  boolean terminateConnection(Random random);

  /** The database's JDBC URL, so that the auditor can run Tenure's ledger audit after the run. */
  String databaseUrl();

  /**
   * What the nodes logged, for the report of a failed run: where their logs are (kept past {@link #close} from now
   * on) and the last {@code lines} lines of node {@code node}'s log, or of every node's when {@code node} is
   * {@link Violation#NO_NODE}. Empty when the nodes log to this process's own output (nothing to keep).
   */
  default String evidence(int node, int lines) {
    return "";
  }

  /** The SMTP sink and SMS receiver the nodes deliver notices to, when the cluster was given them. */
  default java.util.Optional<DeliveryReceivers> receivers() {
    return java.util.Optional.empty();
  }

  @Override
  void close();
}
