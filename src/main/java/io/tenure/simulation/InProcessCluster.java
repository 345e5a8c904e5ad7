package io.tenure.simulation;

import io.tenure.Settings;
import io.tenure.Tenure;
import io.tenure.delivery.DispatcherSettings;
import io.tenure.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Random;

/**
 * One Tenure in this process, on a throwaway embedded PostgreSQL (or the database given), with the simulated clock
 * at the simulator's start and a known operator key. It injects no faults: the fast run for development and CI.
 */
public final class InProcessCluster implements Cluster {
  static final String OPERATOR_KEY = "simulator-operator-key-0123456789";

  private final EmbeddedPostgres embedded;
  private final String databaseUrl;
  private final Tenure tenure;
  private final Optional<DeliveryReceivers> receivers;

  private InProcessCluster(EmbeddedPostgres embedded, String databaseUrl, Tenure tenure, Optional<DeliveryReceivers> receivers) {
    this.embedded = embedded;
    this.databaseUrl = databaseUrl;
    this.tenure = tenure;
    this.receivers = receivers;
  }

  /** Starts on {@code databaseUrl}, or on a new embedded PostgreSQL when it is empty. */
  public static InProcessCluster start(Optional<String> databaseUrl) {
    return start(databaseUrl, Optional.empty());
  }

  /** Starts as {@link #start(Optional)}, delivering notices to {@code receivers} when given (closed with the cluster). */
  static InProcessCluster start(Optional<String> databaseUrl, Optional<DeliveryReceivers> receivers) {
    EmbeddedPostgres embedded = null;
    try {
      if (databaseUrl.isEmpty()) {
        embedded = EmbeddedPostgres.builder().start();
      }
      // The same URL forms as --database elsewhere (postgresql://u:p@host/db too), as JDBC for the auditor's audit.
      String url = databaseUrl.map(Database::jdbcUrl)
          .orElse(embedded == null ? null : embedded.getJdbcUrl("postgres", "postgres"));
      Settings settings = new Settings(0, Path.of("target", "unused-data"), Optional.of(url), true, Simulation.START,
          ZoneId.of(Settings.DEFAULT_ZONE), Optional.of(OPERATOR_KEY), 10, 1 << 20, 50, 2);
      if (receivers.isPresent()) {
        // A short poll: the final check waits for the dispatcher to be idle.
        settings = settings.withChannels(receivers.get().channels()).withDispatcher(DispatcherSettings.DEFAULT.withPauses(
            Duration.ofMillis(100), DispatcherSettings.DEFAULT.backoff(), DispatcherSettings.DEFAULT.maxBackoff(),
            DispatcherSettings.DEFAULT.unknownPause()));
      }
      return new InProcessCluster(embedded, url, Tenure.start(settings), receivers);
    } catch (IOException failure) {
      throw new UncheckedIOException("The embedded PostgreSQL of the simulation could not start.", failure);
    } catch (RuntimeException failure) {
      closeQuietly(embedded);
      throw failure;
    }
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public URI node(int index) {
    return URI.create("http://127.0.0.1:" + tenure.port());
  }

  @Override
  public String operatorKey() {
    return OPERATOR_KEY;
  }

  @Override
  public void killAndRestart(int index) {
    throw new UnsupportedOperationException("The in-process cluster injects no faults.");
  }

  @Override
  public boolean terminateConnection(Random random) {
    return false;
  }

  @Override
  public String databaseUrl() {
    return databaseUrl;
  }

  @Override
  public Optional<DeliveryReceivers> receivers() {
    return receivers;
  }

  @Override
  public void close() {
    tenure.close();
    receivers.ifPresent(DeliveryReceivers::close);
    closeQuietly(embedded);
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    if (embedded == null) {
      return;
    }
    try {
      embedded.close();
    } catch (IOException ignored) {
      // Its files are temporary; nothing is lost if it does not stop cleanly.
    }
  }
}
