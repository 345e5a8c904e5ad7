package io.tenure.notify;

import java.util.Collection;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The in-app title and body of messages as they were rendered once, when each was fanned out: what the inbox shows.
 * The content is stored with the message's in-app delivery, which belongs to io.tenure.delivery (that package
 * depends on this one, so it implements this and io.tenure.Tenure wires it in).
 */
@FunctionalInterface
public interface InAppContent {
  /** Nothing stored: every message is rendered when it is shown. */
  InAppContent NONE = (handle, accountId, messageSequences) -> Map.of();

  /** One message's stored in-app content. */
  record Text(String title, String body) {}

  /**
   * The stored content of those of the account's {@code messageSequences} that have it, by message number; a message
   * not fanned out yet, or of a type whose in-app channel is off, has none. Runs on the caller's handle.
   */
  Map<Long, Text> texts(Handle handle, String accountId, Collection<Long> messageSequences);
}
