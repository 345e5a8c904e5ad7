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
    // The nodes' notices go to a mailbox and an SMS gateway in this process, where the auditor counts them.
    DeliveryReceivers receivers = new DeliveryReceivers();
    try {
      if (nodes == 1 && !faults) {
        return InProcessCluster.start(databaseUrl, Optional.of(receivers));
      }
      return ProcessCluster.start(nodes, databaseUrl, Simulation.START, false, Optional.of(receivers));
    } catch (RuntimeException failure) {
      receivers.close();
      throw failure;
    }
  }
}
