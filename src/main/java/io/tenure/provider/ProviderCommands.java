package io.tenure.provider;

import io.tenure.lifecycle.Effect;
import io.tenure.lifecycle.ProviderCommand;
import io.tenure.lifecycle.ReleaseConfirmation;
import io.tenure.lifecycle.ServiceLevel;
import io.tenure.store.Columns;
import io.tenure.store.Pipelined;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The outbox of what providers must be told (activated, grace, frozen, release requested, released, restore,
 * entitlements changed), written in the transaction of the change, delivered in order later (io.tenure.webhook).
 * Thread-safe.
 */
public final class ProviderCommands {
  private final Providers providers;

  /** One command to a provider about one resource. */
  public record Command(String resourceId, Effect.TellProvider tell) {}

  /**
   * The providers the operator registered (io.tenure.webhook implements it): whether one will confirm a product's
   * releases, and the record of a confirmation.
   */
  public interface Providers {
    /** Whether a provider receives the release requests of resources of {@code planCode}. */
    boolean confirmsReleases(Handle handle, String planCode);

    /** Records that {@code confirmedBy} confirmed the release of {@code resourceId} at {@code at} (real time). */
    void releaseConfirmed(Handle handle, String resourceId, Optional<String> eventId, String confirmedBy, Instant at);
  }

  /** No provider registered: every release completes as soon as it is requested. */
  public static final Providers NONE = new Providers() {
    @Override
    public boolean confirmsReleases(Handle handle, String planCode) {
      return false;
    }

    @Override
    public void releaseConfirmed(Handle handle, String resourceId, Optional<String> eventId, String confirmedBy, Instant at) {}
  };

  public ProviderCommands(Providers providers) {
    this.providers = providers;
  }

  public ProviderCommands() {
    this(NONE);
  }

  /** Writes {@code commands} in one statement on the caller's handle; their sequences follow the list. */
  public void record(Handle handle, List<Command> commands) {
    if (commands.isEmpty()) {
      return;
    }
    Update insert = handle.createUpdate(Pipelined.DEFERRABLE + """
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

  /** Writes one command about {@code resourceId} (a purchase, a change of add-ons) on the caller's handle. */
  public void record(Handle handle, String resourceId, ProviderCommand command, ServiceLevel service, Instant at) {
    record(handle, List.of(new Command(resourceId, new Effect.TellProvider(command, service, at))));
  }

  /** Who completes the release of a resource of {@code planCode}: its product's provider, if it has one. */
  public ReleaseConfirmation releaseConfirmation(Handle handle, String planCode) {
    return providers.confirmsReleases(handle, planCode) ? ReleaseConfirmation.BY_PROVIDER : ReleaseConfirmation.AT_ONCE;
  }

  /** Records who confirmed a release (the audit of SPEC.md section 4). */
  public void releaseConfirmed(Handle handle, String resourceId, Optional<String> eventId, String confirmedBy, Instant at) {
    providers.releaseConfirmed(handle, resourceId, eventId, confirmedBy, at);
  }
}
