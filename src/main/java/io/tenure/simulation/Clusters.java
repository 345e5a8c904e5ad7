package io.tenure.simulation;

import java.util.Optional;

/** Chooses the cluster a simulation runs on: in-process for one node without faults, processes otherwise. */
public final class Clusters {

  private Clusters() {}

  /**
   * The cluster for {@code nodes} nodes, with real faults when {@code faults}, on {@code databaseUrl} or a new
   * embedded PostgreSQL. Several nodes or faults need separate processes (ProcessCluster).
   */
  public static Cluster open(int nodes, boolean faults, Optional<String> databaseUrl) {
    if (nodes == 1 && !faults) {
      return InProcessCluster.start(databaseUrl);
    }
    return ProcessCluster.start(nodes, databaseUrl, Simulation.START, false);
  }
}
