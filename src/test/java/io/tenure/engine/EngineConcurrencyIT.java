package io.tenure.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Capabilities;
import io.tenure.cli.SyntheticResources;
import io.tenure.clock.TenureClock;
import io.tenure.store.Database;
import io.tenure.testing.TestDatabases;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Three engines, each with its own connection pool, drain one database at the same simulated instant. */
class EngineConcurrencyIT {
  private static final Instant NOW = OffsetDateTime.parse("2026-03-02T09:30:00+08:00").toInstant();
  private static final int ENGINES = 3;
  private static final int DUE = 100_000;

  @Test
  void threeEnginesShareTheDueWorkAndApplyEachTransitionExactlyOnce() throws Exception {
    String url = TestDatabases.fresh();
    try (Database loader = Database.connect(url, 2)) {
      Jdbi jdbi = loader.jdbi();
      Capabilities capabilities = Capabilities.wire(jdbi, TenureClock.simulated(NOW));
      // 125,000 resources of which a share of 0.8 expired yesterday: 100,000 due, 25,000 not yet.
      SyntheticResources.Loaded loaded = SyntheticResources.load(jdbi, capabilities.resourceStore(), 125_000, 0.8, false, NOW);
      assertThat(loaded.due()).isEqualTo(DUE);

      List<Integer> processed = drainConcurrently(url);

      assertThat(processed).hasSize(ENGINES).allSatisfy(count -> assertThat(count).isPositive());
      assertThat(processed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(DUE);
      assertThat(count(jdbi, "SELECT count(*) FROM resources WHERE next_due_at <= :now")).isZero();
      assertThat(count(jdbi, "SELECT count(*) FROM resources WHERE term_end < :now")).isEqualTo(DUE);
      assertThat(count(jdbi, """
          SELECT count(*) FROM (
            SELECT r.id FROM resources r
            LEFT JOIN lifecycle_events e ON e.resource_id = r.id AND e.type IN ('ENTERED_FROZEN', 'ENTERED_GRACE')
            WHERE r.term_end < :now
            GROUP BY r.id HAVING count(e.sequence) <> 1
          ) AS not_exactly_once
          """)).isZero();
      assertThat(count(jdbi, "SELECT count(*) FROM lifecycle_events WHERE at <= :now")).isEqualTo(DUE);
      assertThat(count(jdbi, "SELECT count(*) FROM provider_commands WHERE at <= :now")).isEqualTo(DUE);
    }
  }

  /** Starts every engine at once, each until a pass finds nothing more to take; returns what each processed. */
  private static List<Integer> drainConcurrently(String url) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(ENGINES);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> engines = new ArrayList<>();
      for (int engine = 0; engine < ENGINES; engine++) {
        engines.add(threads.submit(() -> {
          try (Database own = Database.connect(url, 2)) {
            LifecycleEngine lifecycleEngine = Capabilities.wire(own.jdbi(), TenureClock.simulated(NOW)).lifecycleEngine(1);
            start.await();
            int total = 0;
            for (int count = lifecycleEngine.processDue(NOW); count > 0; count = lifecycleEngine.processDue(NOW)) {
              total += count;
            }
            return total;
          }
        }));
      }
      start.countDown();
      List<Integer> processed = new ArrayList<>();
      for (Future<Integer> engine : engines) {
        processed.add(engine.get());
      }
      return processed;
    } finally {
      threads.shutdownNow();
    }
  }

  private static long count(Jdbi jdbi, String sql) {
    return jdbi.withHandle(handle -> handle.createQuery(sql).bind("now", NOW).mapTo(Long.class).one());
  }
}
