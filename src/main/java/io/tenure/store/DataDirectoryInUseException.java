package io.tenure.store;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A start refused because another live Tenure owns the data directory; nothing of the owner was touched. The
 * message is one line that names the owner, for example {@code ./data is in use by tenure pid 4242 since
 * 2023-05-09 00:00 (UTC+08:00).}
 */
public final class DataDirectoryInUseException extends RuntimeException {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC'xxx')'");

  private final transient Optional<DataDirectoryLock.Owner> owner;

  DataDirectoryInUseException(Path dataDirectory, Optional<DataDirectoryLock.Owner> owner) {
    super(owner.map(known -> dataDirectory + " is in use by tenure pid " + known.pid() + " since "
            + SHOWN.format(known.since()) + ".")
        .orElse(dataDirectory + " is in use by another tenure, which has not recorded its pid."));
    this.owner = owner;
  }

  /** The live owner, when its lock file could be read. */
  public Optional<DataDirectoryLock.Owner> owner() {
    return owner;
  }
}
