package io.tenure.cli;

import io.tenure.engine.LifecycleEngine;
import io.tenure.lifecycle.Effect;
import io.tenure.lifecycle.EventType;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.LifecycleEvent;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.NoticeType;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.ProviderCommand;
import io.tenure.lifecycle.ServiceLevel;
import io.tenure.lifecycle.Transition;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.ResourceRecord;
import io.tenure.resource.ResourceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The write ceiling of {@code bench lifecycle}: the rate at which the database takes the rows a transition
 * writes (the resource's new lifecycle state, one lifecycle event, one notice row, one provider command),
 * through the engine's own writer ({@link LifecycleWrites}), in batches of {@link LifecycleEngine#BATCH_SIZE}
 * committed one transaction each, by as many concurrent writers as the engine has workers, with no claim
 * and no rules: every state and transition is computed before the clock starts.
 *
 * <p>It runs after the drain, so that it cannot slow the drain, on resources neither the warm-up nor the drain
 * touched (ACTIVE, not yet due): their rows lie where the loader put them, as the drained rows did before the
 * drain. Each is written with the state its own next step reaches, so that every update moves
 * {@code next_due_at} (a new entry in each index, as in the drain). Each pass starts as the drain does, after the
 * bench's vacuum and checkpoint ({@code beforeEachPass}): the first change of a page after a checkpoint logs the
 * whole page, and a pass that followed another on the same pages without one would log a third of the drain's WAL
 * a transition and measure other writes than the drain's.
 * Not thread-safe: one measurement per instance.
 */
final class WriteCeiling {
  private static final int PASSES = 3;

  private final Jdbi jdbi;
  private final ResourceStore store;
  private final Supplier<LifecycleWrites> writes;
  private final int workers;
  private final Runnable beforeEachPass;

  WriteCeiling(Jdbi jdbi, ResourceStore store, Supplier<LifecycleWrites> writes, int workers, Runnable beforeEachPass) {
    this.jdbi = jdbi;
    this.beforeEachPass = beforeEachPass;
    this.store = store;
    this.writes = writes;
    this.workers = workers;
  }

  /** One resource's write, built ahead: the state to save and the transition that leads to it. */
  private record Write(ResourceRecord resource, Transition transition) {}

  /**
   * The rates of the passes, in transitions per second, and the best of them: a ceiling is what the database can
   * take, and on a shared machine other work only ever lowers a pass; {@code written} is all passes' transitions and
   * {@code cpu} their CPU, {@code walBytes} the WAL each pass logged a transition. No pass and 0 when no resource was left.
   */
  record Measured(List<Long> rates, long best, int transitions, int written, PhaseCpu.Spent cpu, List<Long> walBytes) {}

  /**
   * Writes up to {@code perPass} resources in each of {@value #PASSES} passes, each pass its own resources; the
   * best rate.
   */
  Measured measure(int perPass) {
    List<ResourceRecord> untouched = jdbi.withHandle(handle -> handle.createQuery(ResourceStore.SELECT + """
             WHERE r.phase = 'ACTIVE' AND r.next_due_at IS NOT NULL ORDER BY r.next_due_at, r.id LIMIT :limit
            """)
        .bind("limit", perPass * PASSES).map((row, context) -> store.readRow(row, List.of())).list());
    List<List<Write>> passes = new ArrayList<>();
    for (int pass = 0; pass < PASSES; pass++) {
      passes.add(new ArrayList<>());
    }
    for (int index = 0; index < untouched.size(); index++) {
      ResourceRecord resource = untouched.get(index);
      LifecycleState next = Lifecycle.step(resource.lifecycle(), Lifecycle.nextDueAt(resource.lifecycle()).orElseThrow()).state();
      // Every pass spans the whole due range, as the drain's batches span the table.
      passes.get(index % PASSES).add(write(resource.withLifecycle(next)));
    }
    // With every resource due (--due-share 1) nothing is left to write: no pass, no ceiling.
    passes.removeIf(List::isEmpty);
    if (passes.isEmpty()) {
      return new Measured(List.of(), 0, 0, 0, PhaseCpu.Spent.NONE, List.of());
    }
    // The passes' CPU only: reading the resources and computing their states above is no part of the writes.
    PhaseCpu.Spent spent = PhaseCpu.Spent.NONE;
    List<Long> rates = new ArrayList<>();
    List<Long> walBytes = new ArrayList<>();
    for (List<Write> pending : passes) {
      beforeEachPass.run();
      long wal = Wal.position(jdbi);
      PhaseCpu cpu = PhaseCpu.start(jdbi);
      long start = System.nanoTime();
      writeAll(pending);
      rates.add(Math.round(pending.size() * 1e9 / (System.nanoTime() - start)));
      spent = spent.plus(cpu.spent());
      walBytes.add((Wal.position(jdbi) - wal) / pending.size());
    }
    return new Measured(rates, rates.stream().max(Long::compare).orElseThrow(), passes.getFirst().size(),
        passes.stream().mapToInt(List::size).sum(), spent, walBytes);
  }

  /**
   * The rows of the drain's transition (a prepaid resource entering FROZEN from ACTIVE): one event, the
   * notices EXPIRED, FROZEN and RELEASE_SCHEDULED (one outbox row), one provider command.
   */
  private static Write write(ResourceRecord resource) {
    Instant at = resource.lifecycle().phaseStartedAt();
    Optional<Instant> releaseAt = Lifecycle.releaseAt(resource.lifecycle());
    List<Effect> effects = List.of(new Effect.TellProvider(ProviderCommand.FROZEN, ServiceLevel.NONE, at),
        new Effect.SendNotice(NoticeType.EXPIRED, at, releaseAt), new Effect.SendNotice(NoticeType.FROZEN, at, releaseAt),
        new Effect.SendNotice(NoticeType.RELEASE_SCHEDULED, at, releaseAt));
    LifecycleEvent event = new LifecycleEvent(at, EventType.ENTERED_FROZEN, Phase.FROZEN);
    return new Write(resource, new Transition(resource.lifecycle(), List.of(event), effects));
  }

  /** The engine's worker count of threads, each committing the next batch of {@code pending} until none is left. */
  private void writeAll(List<Write> pending) {
    int batches = (pending.size() + LifecycleEngine.BATCH_SIZE - 1) / LifecycleEngine.BATCH_SIZE;
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    for (int worker = 0; worker < workers; worker++) {
      threads.add(Thread.ofPlatform().name("bench-write-" + worker).start(() -> {
        try {
          for (int batch = next.getAndIncrement(); batch < batches; batch = next.getAndIncrement()) {
            int from = batch * LifecycleEngine.BATCH_SIZE;
            writeBatch(pending.subList(from, Math.min(from + LifecycleEngine.BATCH_SIZE, pending.size())));
          }
        } catch (RuntimeException failure) {
          failures.add(failure);
        }
      }));
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("bench - interrupted while measuring the write ceiling", interrupted);
      }
    }
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
  }

  /** What the engine's batch does after its rules: collect every transition, then flush, in one transaction. */
  private void writeBatch(List<Write> batch) {
    jdbi.useTransaction(handle -> {
      LifecycleWrites collected = writes.get();
      for (Write write : batch) {
        collected.add(write.resource(), write.transition());
        collected.saveLifecycle(write.resource());
      }
      collected.flush(handle);
    });
  }
}
