package io.tenure.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ownership of a data directory: an exclusive operating-system lock on {@code <data-dir>/tenure.lock}, held for
 * as long as the owner keeps its embedded PostgreSQL there. The file names the owner (process id and since when)
 * so that a refused start can say who holds it. The operating system drops the lock when the owner dies, even by
 * {@code kill -9}, so a held lock means a live owner and a free one means any PostgreSQL still running on the
 * files is an orphan. Thread-safe.
 */
public final class DataDirectoryLock implements AutoCloseable {
  static final String FILE_NAME = "tenure.lock";
  private static final int NAMING_ATTEMPTS = 20;
  private static final long NAMING_PAUSE_MILLIS = 100;

  /**
   * Locks held by this process. Closing any channel on a locked file releases the process's lock on it (POSIX),
   * so a second attempt from this process must be answered from here, never by opening the file again.
   */
  private static final Map<Path, Owner> HELD = new ConcurrentHashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The process holding a data directory, and since when, in the zone of its operator. */
  public record Owner(long pid, OffsetDateTime since) {}

  /**
   * Takes the data directory for this process, or refuses with {@link DataDirectoryInUseException} naming its
   * live owner. {@code zone} is the operator's zone, in which the owner's start is recorded and later shown.
   */
  public static synchronized DataDirectoryLock acquire(Path dataDirectory, ZoneId zone) {
    Path file;
    try {
      Files.createDirectories(dataDirectory);
      file = dataDirectory.toRealPath().resolve(FILE_NAME);
    } catch (IOException failure) {
      throw new DatabaseUnavailableException("The data directory " + dataDirectory + " cannot be created or read: "
          + failure.getMessage() + ".", failure);
    }
    Owner heldHere = HELD.get(file);
    if (heldHere != null) {
      throw new DataDirectoryInUseException(dataDirectory, Optional.of(heldHere));
    }
    try {
      return tryLock(dataDirectory, file, zone);
    } catch (IOException failure) {
      throw new DatabaseUnavailableException("The lock file " + file + " cannot be used: " + failure.getMessage() + ".",
          failure);
    }
  }

  private static DataDirectoryLock tryLock(Path dataDirectory, Path file, ZoneId zone) throws IOException {
    // A new owner writes its name just after it locks: a bounded wait lets a refusal name it.
    for (int attempt = 1; ; attempt++) {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock = null;
      Optional<Owner> owner = Optional.empty();
      try {
        lock = channel.tryLock();
        if (lock != null) {
          return own(file, channel, lock, zone);
        }
        owner = readOwner(channel);
      } finally {
        if (lock == null) {
          channel.close();
        }
      }
      if (owner.isPresent() || attempt == NAMING_ATTEMPTS) {
        throw new DataDirectoryInUseException(dataDirectory, owner);
      }
      pause();
    }
  }

  /** Records this process as the owner; the channel stays open for the owner's life, as closing it would unlock. */
  private static DataDirectoryLock own(Path file, FileChannel channel, FileLock lock, ZoneId zone) throws IOException {
    ProcessHandle self = ProcessHandle.current();
    Owner owner = new Owner(self.pid(), self.info().startInstant().orElseGet(Instant::now).atZone(zone).toOffsetDateTime());
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(("pid=" + owner.pid() + "\nsince=" + owner.since() + "\n")
        .getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
    HELD.put(file, owner);
    return new DataDirectoryLock(file, channel, lock);
  }

  private static void pause() {
    try {
      Thread.sleep(NAMING_PAUSE_MILLIS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the data directory's owner to name itself",
          interrupted);
    }
  }

  /** The owner the lock file names; empty while a new owner has not written it yet, or if it is unreadable. */
  private static Optional<Owner> readOwner(FileChannel channel) throws IOException {
    ByteBuffer content = ByteBuffer.allocate(256);
    channel.read(content, 0);
    String text = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8);
    String pid = null;
    String since = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("pid=")) {
        pid = line.substring(4).strip();
      } else if (line.startsWith("since=")) {
        since = line.substring(6).strip();
      }
    }
    try {
      return pid == null || since == null ? Optional.empty()
          : Optional.of(new Owner(Long.parseLong(pid), OffsetDateTime.parse(since)));
    } catch (NumberFormatException | DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  /** Gives the data directory up: the file is emptied first, so that it never names an owner that has gone. */
  @Override
  public synchronized void close() {
    if (!channel.isOpen()) {
      return;
    }
    try {
      channel.truncate(0);
      lock.release();
      channel.close();
    } catch (IOException failure) {
      throw new UncheckedIOException("Could not release " + file, failure);
    } finally {
      HELD.remove(file);
    }
  }
}
