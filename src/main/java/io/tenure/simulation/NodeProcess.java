package io.tenure.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One {@code tenure serve} child process of a {@link ProcessCluster}: always on the same port and database,
 * its output appended to one log file across restarts. Not thread-safe.
 */
final class NodeProcess {
  /**
   * A small heap, allocated as used, and the quick compiler only: several nodes and PostgreSQL share a small
   * machine, and a node that is killed and restarted again and again is mostly starting (a third faster so).
   */
  private static final List<String> JAVA_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  /** A start may first finish an advance that a killed node cut short. */
  private static final Duration START_MAX = Duration.ofSeconds(180);
  private static final int TAIL_BYTES_MAX = 64 * 1024;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final int index;
  private final PackagedProgram program;
  private final String databaseUrl;
  private final int port;
  private final Instant start;
  private final String operatorKey;
  private final Path log;
  private final List<String> channelOptions;
  private Process process;

  NodeProcess(int index, PackagedProgram program, String databaseUrl, int port, Instant start, String operatorKey,
      Path log, List<String> channelOptions) {
    this.channelOptions = List.copyOf(channelOptions);
    this.index = index;
    this.program = program;
    this.databaseUrl = databaseUrl;
    this.port = port;
    this.start = start;
    this.operatorKey = operatorKey;
    this.log = log;
  }

  URI address() {
    return URI.create("http://127.0.0.1:" + port);
  }

  int index() {
    return index;
  }

  Path log() {
    return log;
  }

  /** The last {@code lines} lines of the log (of its last 64 KiB at most: a long run's log is large), indented. */
  String logTail(int lines) {
    try (SeekableByteChannel channel = Files.newByteChannel(log)) {
      long from = Math.max(0, channel.size() - TAIL_BYTES_MAX);
      ByteBuffer bytes = ByteBuffer.allocate((int) (channel.size() - from));
      channel.position(from);
      while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
        // Reads until the buffer is full.
      }
      List<String> all = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).lines().toList();
      return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
          .map(line -> "    " + line).collect(Collectors.joining("\n"));
    } catch (IOException unreadable) {
      return "    (the log could not be read: " + unreadable.getMessage() + ")";
    }
  }

  /** Starts the process; {@link #awaitUp} waits until it serves. */
  void launch() {
    List<String> arguments = new java.util.ArrayList<>(List.of("serve", "--database", databaseUrl, "--port", Integer.toString(port),
        "--clock", "simulated", "--start", start.atOffset(ZoneOffset.UTC).toString()));
    arguments.addAll(channelOptions);
    ProcessBuilder builder = new ProcessBuilder(program.command(JAVA_OPTIONS, arguments))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // Only what this cluster sets: a TENURE_ variable of the caller's environment would change the node.
    builder.environment().keySet().removeIf(variable -> variable.startsWith("TENURE_"));
    builder.environment().put("TENURE_OPERATOR_KEY", operatorKey);
    try {
      Files.writeString(log, "--- node " + index + " starting at " + Instant.now() + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException failure) {
      throw new UncheckedIOException("could not start node " + index, failure);
    }
  }

  /** Waits until {@code /health} answers UP; a process that ends or hangs first is a failure naming its log. */
  void awaitUp() {
    long deadline = System.nanoTime() + START_MAX.toNanos();
    HttpRequest health = HttpRequest.newBuilder(address().resolve("/health")).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + index + " ended with exit code " + process.exitValue()
            + " before serving; see " + log);
      }
      try {
        HttpResponse<String> answer = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("UP")) {
          return;
        }
      } catch (IOException notYetListening) {
        // Still starting.
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while node " + index + " started", interrupted);
      }
      pause(50);
    }
    throw new IllegalStateException("node " + index + " did not serve within " + START_MAX.toSeconds() + " s; see " + log);
  }

  /** {@code kill -9}: the process gets no chance to stop anything; returns once it is gone. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
  }

  /** A graceful stop (SIGTERM), forcibly if it takes longer than {@code grace}. */
  void stop(Duration grace) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitFor(grace)) {
      kill();
    }
  }

  private boolean waitFor(Duration limit) {
    try {
      return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return false;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    }
  }
}
