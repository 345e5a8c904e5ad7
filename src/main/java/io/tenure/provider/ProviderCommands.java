package io.tenure.provider;

import io.tenure.lifecycle.Effect;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The outbox of what providers must be told (grace, frozen, release requested, restore), written in the
 * transaction of the phase change, delivered in order later. Thread-safe.
 */
public final class ProviderCommands {

  /** One command to a provider about one resource. */
  public record Command(String resourceId, Effect.TellProvider tell) {}

  /** Writes {@code commands} in one batch on the caller's handle. */
  public void record(Handle handle, List<Command> commands) {
    if (commands.isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch("""
        INSERT INTO provider_commands (resource_id, command, service_level, at) VALUES (:resourceId, :command, :service, :at)
        """);
    for (Command command : commands) {
      batch.bind("resourceId", command.resourceId()).bind("command", command.tell().command().name())
          .bind("service", command.tell().service().name()).bind("at", command.tell().at()).add();
    }
    batch.execute();
  }

  /** Whether the product of a plan has a provider endpoint that confirms releases itself. */
  public boolean confirmsReleases(Handle handle, String planCode) {
    // No provider endpoints exist yet: every release completes as soon as it is requested.
    return false;
  }
}
