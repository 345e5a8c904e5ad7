package io.tenure.resource;

import io.tenure.error.Require;
import io.tenure.lifecycle.Effect;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.LifecycleEvent;
import io.tenure.lifecycle.Transition;
import io.tenure.notify.Notice;
import io.tenure.notify.Notices;
import io.tenure.provider.ProviderCommands;
import io.tenure.store.Columns;
import io.tenure.store.Pipelined;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

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
  /** The last of {@link #states} per resource: {@link #saved} is asked once per claimed resource. */
  private final Map<String, ResourceRecord> latest = new java.util.HashMap<>();
  /** The next due instant of each resource's {@link #latest} state, derived once ({@link #saveLifecycle}). */
  private final Map<String, Optional<Instant>> nextDue = new java.util.HashMap<>();

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
        case Effect.SendNotice notice -> noticeRows.add(Notice.ofTransition(resource.accountId(), resource.id(),
            notice.type(), notice.at(), notice.releaseAt(), Optional.ofNullable(resource.lifecycle().termEnd())));
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

  /**
   * Marks {@code resource}'s lifecycle columns to be written on {@link #flush}; returns its next due instant
   * ({@link Lifecycle#nextDueAt}), derived once here for the caller's order of due work and for the write.
   */
  public Optional<Instant> saveLifecycle(ResourceRecord resource) {
    states.add(resource);
    latest.put(resource.id(), resource);
    Optional<Instant> due = Lifecycle.nextDueAt(resource.lifecycle());
    nextDue.put(resource.id(), due);
    return due;
  }

  /**
   * The last state saved for {@code resourceId} in this batch, if any: what an effect of another resource (a group
   * member ended and refunded) made of it, newer than the copy the batch claimed.
   */
  public Optional<ResourceRecord> saved(String resourceId) {
    return Optional.ofNullable(latest.get(resourceId));
  }

  /**
   * Writes everything collected, then forgets it: one statement per table, whatever the number of rows, so
   * that the engine's cost per transition is a few array elements rather than a few statements. Returns the
   * number of lifecycle events written.
   */
  public int flush(Handle handle) {
    int written = events.size();
    if (!events.isEmpty()) {
      Update insert = handle.createUpdate(Pipelined.DEFERRABLE + """
          INSERT INTO lifecycle_events (resource_id, at, type, phase)
          SELECT event.resource_id, event.at, event.type, event.phase
          FROM unnest(CAST(:resourceIds AS text[]), CAST(:ats AS timestamptz[]), CAST(:types AS text[]),
              CAST(:phases AS text[]))
            WITH ORDINALITY AS event (resource_id, at, type, phase, position)
          ORDER BY event.position
          """);
      Columns.text(insert, "resourceIds", eventResources, resourceId -> resourceId);
      Columns.instants(insert, "ats", events, LifecycleEvent::at);
      Columns.text(insert, "types", events, event -> event.type().name());
      Columns.text(insert, "phases", events, event -> event.phase().name());
      insert.execute();
    }
    notices.record(handle, noticeRows);
    providerCommands.record(handle, commands);
    if (!states.isEmpty()) {
      saveStates(handle);
    }
    events.clear();
    eventResources.clear();
    noticeRows.clear();
    commands.clear();
    states.clear();
    latest.clear();
    nextDue.clear();
    return written;
  }

  /** The last state saved for each resource wins, as it would if each were written in turn. */
  private void saveStates(Handle handle) {
    Map<String, ResourceRecord> latest = new LinkedHashMap<>();
    states.forEach(resource -> latest.put(resource.id(), resource));
    List<ResourceRecord> rows = List.copyOf(latest.values());
    Update update = handle.createUpdate("""
        UPDATE resources SET phase = saved.phase, policy_code = saved.policy_code, policy_version = saved.policy_version,
          term_end = saved.term_end, arrears_started_at = saved.arrears_started_at,
          policy_phase_index = saved.policy_phase_index, phase_started_at = saved.phase_started_at,
          auto_renew = saved.auto_renew, auto_renew_periods = saved.auto_renew_periods,
          periodic_handled_through = saved.periodic_handled_through, next_due_at = saved.next_due_at
        FROM unnest(CAST(:ids AS text[]), CAST(:phases AS text[]), CAST(:policyCodes AS text[]),
            CAST(:policyVersions AS integer[]), CAST(:termEnds AS timestamptz[]), CAST(:arrearsStartedAts AS timestamptz[]),
            CAST(:policyPhaseIndexes AS integer[]), CAST(:phaseStartedAts AS timestamptz[]), CAST(:autoRenews AS boolean[]),
            CAST(:autoRenewPeriods AS integer[]), CAST(:periodicHandledThroughs AS timestamptz[]),
            CAST(:nextDueAts AS timestamptz[]))
          AS saved (id, phase, policy_code, policy_version, term_end, arrears_started_at, policy_phase_index,
            phase_started_at, auto_renew, auto_renew_periods, periodic_handled_through, next_due_at)
        WHERE resources.id = saved.id
        """);
    Columns.text(update, "ids", rows, ResourceRecord::id);
    Columns.text(update, "phases", rows, resource -> resource.lifecycle().phase().name());
    Columns.text(update, "policyCodes", rows, resource -> resource.lifecycle().policy().code());
    Columns.integers(update, "policyVersions", rows, ResourceRecord::policyVersion);
    Columns.instants(update, "termEnds", rows, resource -> resource.lifecycle().termEnd());
    Columns.instants(update, "arrearsStartedAts", rows, resource -> resource.lifecycle().arrearsStartedAt());
    Columns.integers(update, "policyPhaseIndexes", rows, resource -> resource.lifecycle().policyPhaseIndex());
    Columns.instants(update, "phaseStartedAts", rows, resource -> resource.lifecycle().phaseStartedAt());
    Columns.booleans(update, "autoRenews", rows, resource -> resource.lifecycle().autoRenew().enabled());
    Columns.integers(update, "autoRenewPeriods", rows, resource -> resource.lifecycle().autoRenew().periods());
    Columns.instants(update, "periodicHandledThroughs", rows, resource -> resource.lifecycle().periodicHandledThrough());
    Columns.instants(update, "nextDueAts", rows, resource -> nextDue.get(resource.id()).orElse(null));
    int updated = update.execute();
    Require.invariant(updated == rows.size(), "saved the lifecycle of %s resources, updated %s rows", rows.size(), updated);
  }
}
