package io.tenure.resource;

import io.tenure.lifecycle.Effect;
import io.tenure.lifecycle.LifecycleEvent;
import io.tenure.lifecycle.Transition;
import io.tenure.notify.Notice;
import io.tenure.notify.Notices;
import io.tenure.provider.ProviderCommands;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Collects what lifecycle transitions produce (events, notices, provider commands, new states) and writes
 * all of it in a few batched statements, in the caller's transaction. Effects that need more than a write
 * (an auto-renewal, a group freeze or refund) are handed back to the caller. Not thread-safe: one per
 * transaction.
 */
public final class LifecycleWrites {
  private final Notices notices;
  private final ProviderCommands providerCommands;
  private final List<LifecycleEvent> events = new ArrayList<>();
  private final List<String> eventResources = new ArrayList<>();
  private final List<Notice> noticeRows = new ArrayList<>();
  private final List<ProviderCommands.Command> commands = new ArrayList<>();
  private final List<ResourceRecord> states = new ArrayList<>();

  public LifecycleWrites(Notices notices, ProviderCommands providerCommands) {
    this.notices = notices;
    this.providerCommands = providerCommands;
  }

  /**
   * Records the events and write-only effects of {@code transition} of {@code resource}, and returns the
   * other effects in order.
   */
  public List<Effect> add(ResourceRecord resource, Transition transition) {
    for (LifecycleEvent event : transition.events()) {
      events.add(event);
      eventResources.add(resource.id());
    }
    List<Effect> remaining = new ArrayList<>();
    for (Effect effect : transition.effects()) {
      switch (effect) {
        case Effect.SendNotice notice -> noticeRows.add(Notice.aboutResource(resource.accountId(), resource.id(),
            notice.type().name(), notice.at(), notice.releaseAt()));
        case Effect.TellProvider tell -> commands.add(new ProviderCommands.Command(resource.id(), tell));
        default -> remaining.add(effect);
      }
    }
    return remaining;
  }

  /** Records a notice that is not a lifecycle effect (an auto-renewal short of money). */
  public void addNotice(Notice notice) {
    noticeRows.add(notice);
  }

  /** Marks {@code resource}'s lifecycle columns to be written on {@link #flush}. */
  public void saveLifecycle(ResourceRecord resource) {
    states.add(resource);
  }

  /** Writes everything collected, then forgets it. */
  public void flush(Handle handle) {
    if (!events.isEmpty()) {
      PreparedBatch batch = handle.prepareBatch("INSERT INTO lifecycle_events (resource_id, at, type, phase) VALUES (:resourceId, :at, :type, :phase)");
      for (int i = 0; i < events.size(); i++) {
        LifecycleEvent event = events.get(i);
        batch.bind("resourceId", eventResources.get(i)).bind("at", event.at()).bind("type", event.type().name())
            .bind("phase", event.phase().name()).add();
      }
      batch.execute();
    }
    notices.record(handle, noticeRows);
    providerCommands.record(handle, commands);
    if (!states.isEmpty()) {
      PreparedBatch batch = handle.prepareBatch("""
          UPDATE resources SET phase = :phase, policy_code = :policyCode, policy_version = :policyVersion,
            term_end = :termEnd, arrears_started_at = :arrearsStartedAt, policy_phase_index = :policyPhaseIndex,
            phase_started_at = :phaseStartedAt, auto_renew = :autoRenew, auto_renew_periods = :autoRenewPeriods,
            periodic_handled_through = :periodicHandledThrough, next_due_at = :nextDueAt
          WHERE id = :id
          """);
      for (ResourceRecord resource : states) {
        batch.bind("id", resource.id());
        ResourceStore.bindLifecycle(batch, resource.lifecycle(), resource.policyVersion());
        batch.add();
      }
      batch.execute();
    }
    events.clear();
    eventResources.clear();
    noticeRows.clear();
    commands.clear();
    states.clear();
  }
}
