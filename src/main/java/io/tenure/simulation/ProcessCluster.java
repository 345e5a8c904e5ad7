package io.tenure.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster of real {@code tenure serve} processes of the packaged program, all on one PostgreSQL database (an
 * embedded server of its own, or a given URL), each with the simulated clock from the same start, and faults
 * that are real: {@code kill -9} of a process and {@code pg_terminate_backend} of a connection. Its files (the
 * embedded server's and one log per node) live in a temporary directory that {@link #close} deletes unless
 * {@code keepFiles}. Nothing of it outlives this process: a shutdown hook stops whatever {@link #close} did not.
 * Not thread-safe, as {@link Cluster} says.
 */
public final class ProcessCluster implements Cluster {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessCluster.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Path directory;
  private volatile boolean keepFiles;
  private final ClusterDatabase database;
  private final List<NodeProcess> nodes;
  private final String operatorKey;
  private final Thread shutdownHook;
  private final Optional<DeliveryReceivers> receivers;
  private boolean closed;

  private ProcessCluster(Path directory, boolean keepFiles, ClusterDatabase database, List<NodeProcess> nodes,
      String operatorKey, Optional<DeliveryReceivers> receivers) {
    this.receivers = receivers;
    this.directory = directory;
    this.keepFiles = keepFiles;
    this.database = database;
    this.nodes = nodes;
    this.operatorKey = operatorKey;
    this.shutdownHook = new Thread(this::stopEverything, "tenure-cluster-stop");
  }

  /**
   * Starts {@code size} nodes with the simulated clock at {@code start} on the database at {@code databaseUrl}
   * ({@code jdbc:postgresql:} or {@code postgresql://}; empty: a new embedded server), and returns once every
   * node answers {@code /health} UP. Node 0 starts first, as it sets up an empty database (schema, demo catalog);
   * the others then start together.
   */
  public static ProcessCluster start(int size, Optional<String> databaseUrl, Instant start, boolean keepFiles) {
    return start(size, databaseUrl, start, keepFiles, Optional.empty());
  }

  /** Starts as above, every node delivering notices to {@code receivers} when given (closed with the cluster). */
  static ProcessCluster start(int size, Optional<String> databaseUrl, Instant start, boolean keepFiles,
      Optional<DeliveryReceivers> receivers) {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster has at least one node, asked for " + size);
    }
    Path directory = temporaryDirectory();
    ClusterDatabase database = databaseUrl.map(ClusterDatabase::at)
        .orElseGet(() -> ClusterDatabase.embedded(directory.resolve("postgres")));
    String operatorKey = "simulation-operator-" + UUID.randomUUID();
    PackagedProgram program = PackagedProgram.find();
    List<NodeProcess> nodes = new ArrayList<>();
    for (int index = 0; index < size; index++) {
      nodes.add(new NodeProcess(index, program, database.url(), freePort(), start, operatorKey,
          directory.resolve("node-" + index + ".log"), receivers.map(DeliveryReceivers::options).orElse(List.of())));
    }
    ProcessCluster cluster = new ProcessCluster(directory, keepFiles, database, List.copyOf(nodes), operatorKey, receivers);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.startAll();
    } catch (RuntimeException failure) {
      cluster.close();
      throw failure;
    }
    LOG.info("cluster - {} nodes serving on one database, files in {}", size, directory);
    return cluster;
  }

  private void startAll() {
    nodes.getFirst().launch();
    nodes.getFirst().awaitUp();
    List<NodeProcess> others = nodes.subList(1, nodes.size());
    others.forEach(NodeProcess::launch);
    // Waited for together: a failure of one is reported after every start has ended one way or the other.
    List<CompletableFuture<Void>> starts = others.stream()
        .map(node -> CompletableFuture.runAsync(node::awaitUp)).toList();
    CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
  }

  @Override
  public int size() {
    return nodes.size();
  }

  @Override
  public URI node(int index) {
    return nodes.get(index).address();
  }

  @Override
  public String operatorKey() {
    return operatorKey;
  }

  @Override
  public void killAndRestart(int index) {
    NodeProcess node = nodes.get(index);
    node.kill();
    node.launch();
    node.awaitUp();
  }

  @Override
  public boolean terminateConnection(Random random) {
    return database.terminateOne(random);
  }

  @Override
  public String databaseUrl() {
    return database.url();
  }

  @Override
  public String evidence(int node, int lines) {
    keepFiles = true;
    StringBuilder text = new StringBuilder("the node logs, kept: ");
    text.append(nodes.stream().map(each -> each.log().toString()).collect(Collectors.joining(", ")));
    for (NodeProcess each : nodes) {
      if (node == Violation.NO_NODE || each.index() == node) {
        text.append("\nthe last ").append(lines).append(" lines of ").append(each.log()).append(":\n");
        text.append(each.logTail(lines));
      }
    }
    return text.toString();
  }

  @Override
  public Optional<DeliveryReceivers> receivers() {
    return receivers;
  }

  /** The directory of the node logs (and of the embedded server's files). */
  public Path directory() {
    return directory;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    stopEverything();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run; it stops the same things.
    }
  }

  /** Stops the nodes, then the database; once only, from {@link #close} or the shutdown hook. */
  private synchronized void stopEverything() {
    if (closed) {
      return;
    }
    closed = true;
    nodes.stream().map(node -> CompletableFuture.runAsync(() -> node.stop(STOP_GRACE))).toList()
        .forEach(CompletableFuture::join);
    database.close();
    receivers.ifPresent(DeliveryReceivers::close);
    if (!keepFiles) {
      deleteQuietly(directory);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("tenure-cluster-");
    } catch (IOException failure) {
      throw new UncheckedIOException("could not create the cluster's temporary directory", failure);
    }
  }

  /** A port free now; each node keeps its own across restarts, so that its address never changes. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException failure) {
      throw new UncheckedIOException("no free port", failure);
    }
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException failure) {
      LOG.warn("cluster - could not delete {}: {}", root, failure.getMessage());
    }
  }
}
