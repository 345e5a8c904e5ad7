package io.tenure.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database Tenure keeps everything in: a real server when a URL is given, otherwise an
 * embedded server whose files live under the data directory and survive restarts. Opening it runs the
 * schema migrations. Thread-safe.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final EmbeddedPostgres embedded;
  private final HikariDataSource dataSource;
  private final Path runningUrlFile;
  private final DataDirectoryLock lock;
  private final Jdbi jdbi;
  /** How long a transaction waits for a connection of the pool before it fails as the database unavailable. */
  public static final Duration CONNECTION_WAIT = Duration.ofSeconds(10);
  private static final String RUNNING_URL_FILE = "postgres.url";
  private static final long ORPHAN_STOP_SECONDS = 30;

  private Database(EmbeddedPostgres embedded, HikariDataSource dataSource, Path runningUrlFile, DataDirectoryLock lock) {
    this.embedded = embedded;
    this.dataSource = dataSource;
    this.runningUrlFile = runningUrlFile;
    this.lock = lock;
    // Tenure's SQL defines no <attributes>: statements go to the driver as written, without Jdbi parsing and
    // rendering each one as a template first (6% of the request threads' allocation in bench api). Its connections
    // send a transaction's deferrable writes with the next statement or the COMMIT (Pipelined).
    this.jdbi = Jdbi.create(Pipelined.dataSource(dataSource)).setTemplateEngine(TemplateEngine.NOP);
  }

  /** Opens the server at {@code url} (a {@code jdbc:postgresql:} or {@code postgresql://} URL). */
  public static Database connect(String url, int poolSize) {
    Database database = new Database(null, pool(JdbcUrl.of(url), poolSize), null, null);
    database.migrate();
    return database;
  }

  /** The JDBC URL of a URL {@link #connect} accepts, for a plain JDBC connection beside Tenure's pool. */
  public static String jdbcUrl(String url) {
    return JdbcUrl.of(url);
  }

  /** Refuses a database URL that is not of a form {@link #connect} accepts, with a message naming the form. */
  public static void checkUrl(String url) {
    JdbcUrl.of(url);
  }

  /**
   * Opens the database of {@code dataDirectory} for a command such as {@code audit}: when a live Tenure owns the
   * directory, the embedded server it runs there (its URL is in {@code postgres.url}); otherwise a newly started
   * one, owned by this process for as long as the database is open.
   */
  public static Database embeddedOrRunning(Path dataDirectory, int poolSize, ZoneId zone) {
    DataDirectoryLock lock;
    try {
      lock = DataDirectoryLock.acquire(dataDirectory, zone);
    } catch (DataDirectoryInUseException inUse) {
      return running(dataDirectory, poolSize).orElseThrow(() -> inUse);
    }
    return embedded(dataDirectory, poolSize, lock);
  }

  /** The embedded server of the live owner of {@code dataDirectory}, if it has published one that answers. */
  private static Optional<Database> running(Path dataDirectory, int poolSize) {
    Path urlFile = dataDirectory.resolve(RUNNING_URL_FILE);
    String url;
    try {
      url = Files.readString(urlFile).strip();
    } catch (IOException notYetPublished) {
      return Optional.empty();
    }
    try (var connection = java.sql.DriverManager.getConnection(url)) {
      LOG.info("database - using the embedded PostgreSQL of the running Tenure at {} (PostgreSQL {})", url,
          connection.getMetaData().getDatabaseProductVersion());
    } catch (java.sql.SQLException notAnswering) {
      return Optional.empty();
    }
    return Optional.of(connect(url, poolSize));
  }

  /**
   * Starts (or restarts) the embedded server whose files live in {@code dataDirectory/postgres}, after taking the
   * directory for this process: a directory owned by a live Tenure is refused with
   * {@link DataDirectoryInUseException} and its owner left untouched. {@code zone} is the operator's zone, in
   * which the ownership is recorded.
   */
  public static Database embedded(Path dataDirectory, int poolSize, ZoneId zone) {
    return embedded(dataDirectory, poolSize, DataDirectoryLock.acquire(dataDirectory, zone));
  }

  private static Database embedded(Path dataDirectory, int poolSize, DataDirectoryLock lock) {
    try {
      return startEmbedded(dataDirectory, poolSize, lock);
    } catch (RuntimeException failure) {
      lock.close();
      throw failure;
    }
  }

  private static Database startEmbedded(Path dataDirectory, int poolSize, DataDirectoryLock lock) {
    Path files = dataDirectory.resolve("postgres");
    try {
      Files.createDirectories(files);
      // This process owns the directory now, so a PostgreSQL still running on the files has no live owner.
      stopOrphanedServer(files);
      EmbeddedPostgres server = EmbeddedPostgres.builder()
          .setDataDirectory(files)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          // The embedded library starts PostgreSQL for throwaway test databases: no fsync, no synchronous
          // commit. Tenure keeps money in it, so it gets PostgreSQL's durable settings back: a committed top-up
          // survives an operating-system crash. PostgreSQL's stock cache and checkpoint spacing are sized for a
          // tiny machine; the engine's batches of writes want a larger cache and fewer checkpoints.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("shared_buffers", "512MB")
          .setServerConfig("max_wal_size", "2GB")
          .setServerConfig("checkpoint_timeout", "15min")
          .start();
      LOG.info("database - embedded PostgreSQL on port {} with data in {}", server.getPort(), files);
      return serving(server, dataDirectory, poolSize, lock);
    } catch (IOException failure) {
      throw new DatabaseUnavailableException("The embedded PostgreSQL could not start in " + files + ": "
          + failure.getMessage() + ".", failure);
    }
  }

  /** The database on a just-started embedded server; a failure stops the server, so that none is left behind. */
  private static Database serving(EmbeddedPostgres server, Path dataDirectory, int poolSize, DataDirectoryLock lock)
      throws IOException {
    String url = server.getJdbcUrl("postgres", "postgres");
    Database database;
    try {
      database = new Database(server, pool(url, poolSize), dataDirectory.resolve(RUNNING_URL_FILE), lock);
    } catch (RuntimeException failure) {
      server.close();
      throw failure;
    }
    try {
      database.migrate();
      // Lets `tenure audit --data-dir` reach this server while it runs, since a second server cannot open the files.
      Files.writeString(database.runningUrlFile, url);
      return database;
    } catch (IOException | RuntimeException failure) {
      database.close();
      throw failure;
    }
  }

  /**
   * Stops a PostgreSQL that an earlier Tenure started on {@code files} and left running because it was killed
   * (the server outlives its parent). Without this, a restart after {@code kill -9} would wait for a data
   * directory that the orphan still holds. A fast shutdown ends the orphan's sessions and keeps every
   * committed transaction; the files are never touched by two servers.
   */
  private static void stopOrphanedServer(Path files) throws IOException {
    Path pidFile = files.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
    } catch (RuntimeException unreadable) {
      return;
    }
    var orphan = ProcessHandle.of(pid)
        .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
    if (orphan.isEmpty()) {
      return;
    }
    LOG.warn("database - stopping PostgreSQL pid {} left running on {} by a Tenure that did not stop cleanly", pid, files);
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      orphan.get().onExit().get(ORPHAN_STOP_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the orphaned PostgreSQL " + pid, interrupted);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException failure) {
      throw new IOException("the orphaned PostgreSQL " + pid + " on " + files + " did not stop within "
          + ORPHAN_STOP_SECONDS + " s; stop it by hand", failure);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** True when the server answers a query now. */
  public boolean isUp() {
    try {
      return jdbi.withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException failure) {
      return false;
    }
  }

  private void migrate() {
    Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    var result = flyway.migrate();
    LOG.info("database - schema at version {} ({} migrations applied now)", flyway.info().current().getVersion(),
        result.migrationsExecuted);
  }

  private static HikariDataSource pool(String jdbcUrl, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("tenure");
    config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
    // Every statement of Tenure is prepared once per connection and looks rows up by key or by a due instant,
    // where the generic plan is the right one. Left to choose, PostgreSQL planned some again on each call (a
    // custom plan, chosen again after each ANALYZE of a growing table): 12% of its CPU in bench api.
    config.setConnectionInitSql("SET plan_cache_mode = force_generic_plan");
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException unreachable) {
      throw new DatabaseUnavailableException("The database at " + JdbcUrl.redact(jdbcUrl) + " cannot be reached: "
          + firstSentence(rootCause(unreachable)), unreachable);
    }
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The driver's first sentence says what failed (refused, unknown host, password); the rest is advice. */
  private static String firstSentence(Throwable failure) {
    String message = String.valueOf(failure.getMessage()).strip();
    int end = message.indexOf(". ");
    return end < 0 ? (message.endsWith(".") ? message : message + ".") : message.substring(0, end + 1);
  }

  @Override
  public void close() {
    dataSource.close();
    if (embedded != null) {
      try {
        Files.deleteIfExists(runningUrlFile);
        embedded.close();
      } catch (IOException failure) {
        LOG.warn("database - embedded PostgreSQL did not stop cleanly", failure);
      }
    }
    // Only once PostgreSQL has stopped may another Tenure take the directory.
    if (lock != null) {
      lock.close();
    }
  }
}
