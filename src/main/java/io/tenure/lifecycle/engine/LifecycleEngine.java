package io.tenure.lifecycle.engine;

import io.tenure.clock.DueWork;
import io.tenure.error.Require;
import io.tenure.lifecycle.Effect;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.Transition;
import io.tenure.provider.ProviderCommands;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.ResourceRecord;
import io.tenure.resource.ResourceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks every resource through its policy on time. Each resource row carries the instant of its next due
 * event; the engine claims due rows in bounded batches with {@code FOR UPDATE SKIP LOCKED}, applies the pure
 * rules of {@link Lifecycle} one due instant at a time, and writes the new states, events, notices and
 * provider commands of the whole batch in the same transaction. Several engines on one database share the
 * work and never apply a transition twice: a claimed row is locked until its batch commits, and a row is
 * only due while its stored state says so. Thread-safe.
 */
public final class LifecycleEngine implements DueWork {
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleEngine.class);
  /** Due instants one resource may pass through in one processing; a guard against a rule that never settles. */
  private static final int STEPS_MAX = 100_000;
  /** Resources the engine claims per transaction: large enough to batch the writes, small enough to keep locks short. */
  public static final int BATCH_SIZE = 500;
  /**
   * The claim: the next due rows after the cursor, locked, skipping rows another engine holds. The cursor
   * {@code (:fromDue, :fromId)} makes each batch of a pass start where the previous one ended, so a pass
   * never rescans the dead index entries its own updates left behind. Shared with {@code tenure bench
   * lifecycle}, which measures this very statement. Binds {@code now, fromDue, fromId, batch}.
   */
  public static final String CLAIM_SQL = ResourceStore.SELECT + """
       WHERE r.next_due_at <= :now AND (r.next_due_at, r.id) > (:fromDue, :fromId)
       ORDER BY r.next_due_at, r.id LIMIT :batch FOR UPDATE OF r SKIP LOCKED
      """;

  private final Jdbi jdbi;
  private final ResourceStore resources;
  private final Supplier<LifecycleWrites> writes;
  private final AutoRenewing autoRenewing;
  private final GroupExpiry groupExpiry;
  private final ProviderCommands providers;
  private final int batchSize;

  public LifecycleEngine(Jdbi jdbi, ResourceStore resources, Supplier<LifecycleWrites> writes, AutoRenewing autoRenewing,
      GroupExpiry groupExpiry, ProviderCommands providers, int batchSize) {
    this.jdbi = jdbi;
    this.resources = resources;
    this.writes = writes;
    this.autoRenewing = autoRenewing;
    this.groupExpiry = groupExpiry;
    this.providers = providers;
    this.batchSize = batchSize;
  }

  @Override
  public Optional<Instant> earliestDue() {
    return jdbi.withHandle(handle -> handle.createQuery(
            "SELECT next_due_at FROM resources WHERE next_due_at IS NOT NULL ORDER BY next_due_at LIMIT 1")
        .mapTo(Instant.class).findOne());
  }

  @Override
  public int processDue(Instant now) {
    int processed = 0;
    Cursor cursor = Cursor.START;
    while (true) {
      Cursor from = cursor;
      Batch batch = jdbi.inTransaction(handle -> processBatch(handle, now, from));
      processed += batch.size();
      if (batch.size() < batchSize) {
        return processed;
      }
      cursor = batch.last();
    }
  }

  /** Where the previous batch of this pass ended: claims resume after it, skipping the index's dead head. */
  private record Cursor(Instant due, String id) {
    static final Cursor START = new Cursor(Instant.EPOCH, "");
  }

  private record Batch(int size, Cursor last) {}

  private Batch processBatch(Handle handle, Instant now, Cursor from) {
    List<ClaimedRow> claimed = handle.createQuery(CLAIM_SQL)
        .bind("now", now).bind("fromDue", from.due()).bind("fromId", from.id()).bind("batch", batchSize)
        .map((row, context) -> new ClaimedRow(resources.readRow(row, List.of()), row.getTimestamp("next_due_at").toInstant()))
        .list();
    LifecycleWrites batch = writes.get();
    for (ClaimedRow row : claimed) {
      process(handle, row.resource(), now, batch);
    }
    batch.flush(handle);
    return new Batch(claimed.size(), claimed.isEmpty() ? from
        : new Cursor(claimed.getLast().dueAt(), claimed.getLast().resource().id()));
  }

  private record ClaimedRow(ResourceRecord resource, Instant dueAt) {}

  /** Applies everything due for one claimed resource, one due instant at a time. */
  private void process(Handle handle, ResourceRecord claimed, Instant now, LifecycleWrites batch) {
    ResourceRecord current = claimed;
    for (int steps = 0; ; steps++) {
      Require.invariant(steps < STEPS_MAX, "resource %s did not settle after %d steps", claimed.id(), steps);
      Transition transition = Lifecycle.step(current.lifecycle(), now);
      if (transition.state().equals(current.lifecycle())) {
        break;
      }
      current = current.withLifecycle(transition.state());
      for (Effect effect : batch.add(current, transition)) {
        current = apply(handle, current, effect, batch);
      }
      if (current.lifecycle().phase() == Phase.RELEASE_PENDING && !providers.confirmsReleases(handle, current.planCode())) {
        current = releaseWithoutProvider(current, batch);
      }
      logPhaseChange(claimed, current);
    }
    batch.saveLifecycle(current);
  }

  private ResourceRecord apply(Handle handle, ResourceRecord resource, Effect effect, LifecycleWrites batch) {
    switch (effect) {
      case Effect.TryAutoRenew check -> {
        return autoRenewing.check(handle, resource, check, batch);
      }
      case Effect.RefundUnexpiredGroupMembers refund -> groupExpiry.refundUnexpiredMembers(handle, resource, refund, batch);
      case Effect.FreezeGroup ignored -> {
        // Ending the unexpired members (the refund above) is what stops the group; nothing more to freeze.
      }
      case Effect.SendNotice ignored -> throw new IllegalStateException("notices are written by LifecycleWrites");
      case Effect.TellProvider ignored -> throw new IllegalStateException("provider commands are written by LifecycleWrites");
    }
    return resource;
  }

  /** A product with no provider endpoint has nobody to confirm the release: it completes at once. */
  private static ResourceRecord releaseWithoutProvider(ResourceRecord resource, LifecycleWrites batch) {
    Transition release = Lifecycle.confirmRelease(resource.lifecycle(), resource.lifecycle().phaseStartedAt());
    ResourceRecord released = resource.withLifecycle(release.state());
    batch.add(released, release);
    return released;
  }

  private static void logPhaseChange(ResourceRecord before, ResourceRecord after) {
    if (before.lifecycle().phase() != after.lifecycle().phase() && LOG.isInfoEnabled()) {
      LOG.info("lifecycle - resource {} {} -> {} at {}", after.id(), before.lifecycle().phase(), after.lifecycle().phase(),
          after.lifecycle().phaseStartedAt());
    }
  }
}
