package io.tenure.provider;

import io.tenure.lifecycle.Effect;
import java.util.List;
import io.tenure.lifecycle.ReleaseConfirmation;
import org.jdbi.v3.core.Handle;
import io.tenure.store.Columns;
import org.jdbi.v3.core.statement.Update;

/**
 * The outbox of what providers must be told (grace, frozen, release requested, restore), written in the
 * transaction of the phase change, delivered in order later. Thread-safe.
 */
public final class ProviderCommands {

  /** One command to a provider about one resource. */
  public record Command(String resourceId, Effect.TellProvider tell) {}

  /** Writes {@code commands} in one statement on the caller's handle; their sequences follow the list. */
  public void record(Handle handle, List<Command> commands) {
    if (commands.isEmpty()) {
      return;
    }
    Update insert = handle.createUpdate("""
        INSERT INTO provider_commands (resource_id, command, service_level, at)
        SELECT pending.resource_id, pending.command, pending.service_level, pending.at
        FROM unnest(CAST(:resourceIds AS text[]), CAST(:commands AS text[]), CAST(:services AS text[]),
            CAST(:ats AS timestamptz[]))
          WITH ORDINALITY AS pending (resource_id, command, service_level, at, position)
        ORDER BY pending.position
        """);
    Columns.text(insert, "resourceIds", commands, Command::resourceId);
    Columns.text(insert, "commands", commands, command -> command.tell().command().name());
    Columns.text(insert, "services", commands, command -> command.tell().service().name());
    Columns.instants(insert, "ats", commands, command -> command.tell().at());
    insert.execute();
  }

  /** Who completes the release of a resource of {@code planCode}: its product's provider, if it has one. */
  public ReleaseConfirmation releaseConfirmation(Handle handle, String planCode) {
    // No provider endpoints exist yet: every release completes as soon as it is requested.
    return ReleaseConfirmation.AT_ONCE;
  }
}
