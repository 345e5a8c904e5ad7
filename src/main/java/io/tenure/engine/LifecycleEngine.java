package io.tenure.engine;

import io.tenure.catalog.Catalog;
import io.tenure.catalog.Catalogs;
import io.tenure.clock.DueWork;
import io.tenure.clock.OperatorZone;
import io.tenure.error.Require;
import io.tenure.lifecycle.Effect;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.LifecycleEvent;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.Transition;
import io.tenure.provider.ProviderCommands;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.ResourceRecord;
import io.tenure.resource.ResourceStore;
import io.tenure.store.TransientFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.JdbiException;
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
  /** Attempts at one batch that the database aborted to break a deadlock. */
  private static final int ATTEMPTS_MAX = 5;
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
  private final Catalogs catalogs;
  private final ResourceStore resources;
  private final Supplier<LifecycleWrites> writes;
  private final AutoRenewing autoRenewing;
  private final GroupExpiry groupExpiry;
  private final ProviderCommands providers;
  private final int batchSize;
  private final int workers;
  private final ExecutorService pool;
  private final AtomicLong transitionsCommitted = new AtomicLong();

  public LifecycleEngine(Jdbi jdbi, Catalogs catalogs, ResourceStore resources, Supplier<LifecycleWrites> writes, AutoRenewing autoRenewing,
      GroupExpiry groupExpiry, ProviderCommands providers, int batchSize, int workers) {
    this.jdbi = jdbi;
    this.catalogs = catalogs;
    this.resources = resources;
    this.writes = writes;
    this.autoRenewing = autoRenewing;
    this.groupExpiry = groupExpiry;
    this.providers = providers;
    this.batchSize = batchSize;
    this.workers = workers;
    this.pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("tenure-lifecycle-", 0).daemon().factory());
  }

  /** Transitions (lifecycle events) this engine has committed since it was built: a progress gauge read without the database. */
  public long transitionsCommitted() {
    return transitionsCommitted.get();
  }

  @Override
  public Optional<Instant> earliestDue() {
    return jdbi.withHandle(handle -> handle.createQuery(
            "SELECT next_due_at FROM resources WHERE next_due_at IS NOT NULL ORDER BY next_due_at LIMIT 1")
        .mapTo(Instant.class).findOne());
  }

  /** Every lifecycle event is stamped with the instant it fell due, so the latest one is the latest work done. */
  @Override
  public Optional<Instant> latestProcessed() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT max(at) FROM lifecycle_events")
        .mapTo(Instant.class).findOne());
  }

  /**
   * Drains everything due at {@code now} with {@code workers} concurrent workers, each claiming its own
   * batches: while one waits for the database to write its batch, another computes the next.
   */
  @Override
  public int processDue(Instant now) {
    if (workers == 1) {
      return drain(now);
    }
    List<Future<Integer>> drains = new ArrayList<>();
    for (int worker = 0; worker < workers; worker++) {
      drains.add(pool.submit(() -> drain(now)));
    }
    int processed = 0;
    for (Future<Integer> drain : drains) {
      processed += await(drain);
    }
    return processed;
  }

  private int drain(Instant now) {
    int processed = 0;
    Cursor cursor = Cursor.START;
    while (true) {
      Batch batch = processBatchRetrying(now, cursor);
      processed += batch.size();
      if (batch.size() < batchSize) {
        return processed;
      }
      cursor = batch.last();
    }
  }

  /**
   * One batch in one transaction, retried when PostgreSQL aborts it to break a deadlock (two workers locking
   * the members of one resource group in another order) or a serialization conflict, or when its connection
   * was lost or terminated; the transaction rolled back, so the batch is then claimed afresh.
   */
  private Batch processBatchRetrying(Instant now, Cursor from) {
    for (int attempt = 1; ; attempt++) {
      try {
        Batch batch = jdbi.inTransaction(handle -> processBatch(handle, now, from));
        transitionsCommitted.addAndGet(batch.transitions());
        return batch;
      } catch (JdbiException failure) {
        if (attempt >= ATTEMPTS_MAX || !TransientFailures.isTransient(failure)) {
          throw failure;
        }
        LOG.warn("lifecycle - batch aborted by the database or its connection ({}), retrying ({}/{})", failure.getMessage(), attempt, ATTEMPTS_MAX);
      }
    }
  }

  private static int await(Future<Integer> drain) {
    try {
      return drain.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while draining due resources", interrupted);
    } catch (ExecutionException failure) {
      if (failure.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("a lifecycle worker failed", failure.getCause());
    }
  }

  /** Where the previous batch of this pass ended: claims resume after it, skipping the index's dead head. */
  private record Cursor(Instant due, String id) {
    static final Cursor START = new Cursor(Instant.EPOCH, "");
  }

  private record Batch(int size, Cursor last, int transitions) {}

  private Batch processBatch(Handle handle, Instant now, Cursor from) {
    List<ClaimedRow> claimed = handle.createQuery(CLAIM_SQL)
        .bind("now", now).bind("fromDue", from.due()).bind("fromId", from.id()).bind("batch", batchSize)
        .map((row, context) -> new ClaimedRow(resources.readRow(row, List.of()), row.getTimestamp("next_due_at").toInstant()))
        .list();
    LifecycleWrites batch = writes.get();
    // Read once a batch, in its transaction: a version another Tenure loaded is seen by the next batch.
    Catalog newest = catalogs.current(handle);
    for (ClaimedRow row : claimed) {
      process(handle, row.resource(), now, batch, newest);
    }
    int transitions = batch.flush(handle);
    return new Batch(claimed.size(), claimed.isEmpty() ? from
        : new Cursor(claimed.getLast().dueAt(), claimed.getLast().resource().id()), transitions);
  }

  private record ClaimedRow(ResourceRecord resource, Instant dueAt) {}

  /** Applies everything due for one claimed resource, one due instant at a time. */
  private void process(Handle handle, ResourceRecord claimed, Instant now, LifecycleWrites batch, Catalog newest) {
    // An earlier resource of this batch may have changed this one (a group expiry ends its unexpired members):
    // stepping the claimed copy would overwrite that change when the batch's states are written.
    ResourceRecord current = withNewestPolicy(batch.saved(claimed.id()).orElse(claimed), newest);
    for (int steps = 0; ; steps++) {
      Require.invariant(steps < STEPS_MAX, "resource %s did not settle after %d steps", claimed.id(), steps);
      Transition transition = Lifecycle.step(current.lifecycle(), now);
      if (transition.state().equals(current.lifecycle())) {
        break;
      }
      logPhaseChanges(current, transition);
      current = current.withLifecycle(transition.state());
      for (Effect effect : batch.add(current, transition)) {
        ResourceRecord before = current;
        current = apply(handle, current, effect, batch);
        logPhaseChange(before, current);
      }
      if (current.lifecycle().phase() == Phase.RELEASE_PENDING && !providers.confirmsReleases(handle, current.planCode())) {
        ResourceRecord before = current;
        current = releaseWithoutProvider(current, batch);
        logPhaseChange(before, current);
      }
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

  /**
   * While a resource is ACTIVE no policy phase has begun, so it takes the newest catalog's policy for its plan:
   * a new catalog version changes what happens from the next phase on, never in the middle of one.
   */
  private static ResourceRecord withNewestPolicy(ResourceRecord resource, Catalog newest) {
    if (resource.lifecycle().phase() != Phase.ACTIVE) {
      return resource;
    }
    if (newest.version() == resource.policyVersion()) {
      return resource;
    }
    return newest.findPlan(resource.planCode()).map(newest::policyOf)
        .filter(policy -> policy.trigger() == resource.lifecycle().policy().trigger())
        .map(policy -> resource.withPolicy(newest.version(), policy))
        .orElse(resource);
  }

  /** A product with no provider endpoint has nobody to confirm the release: it completes at once. */
  private static ResourceRecord releaseWithoutProvider(ResourceRecord resource, LifecycleWrites batch) {
    Transition release = Lifecycle.confirmRelease(resource.lifecycle(), resource.lifecycle().phaseStartedAt());
    ResourceRecord released = resource.withLifecycle(release.state());
    batch.add(released, release);
    return released;
  }

  /** One line per phase change that {@code transition} makes, each naming the phase it left. */
  private static void logPhaseChanges(ResourceRecord resource, Transition transition) {
    Phase left = resource.lifecycle().phase();
    for (LifecycleEvent event : transition.events()) {
      if (event.phase() != left) {
        logPhaseChange(resource.id(), left, event.phase(), event.at());
        left = event.phase();
      }
    }
  }

  /** One line if an effect (an auto-renewal, a release without provider) changed the phase. */
  private static void logPhaseChange(ResourceRecord before, ResourceRecord after) {
    if (before.lifecycle().phase() != after.lifecycle().phase()) {
      logPhaseChange(after.id(), before.lifecycle().phase(), after.lifecycle().phase(), after.lifecycle().phaseStartedAt());
    }
  }

  private static void logPhaseChange(String resourceId, Phase left, Phase entered, Instant at) {
    if (LOG.isInfoEnabled()) {
      LOG.info("lifecycle - resource {} {} -> {} at {}", resourceId, left, entered, OperatorZone.iso(at));
    }
  }
}
