package io.tenure.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A process that dies during an advance leaves the advance recorded as in progress. The next start on the same
 * database finishes it before serving, and the world is the same as if the advance had not been interrupted.
 */
class InterruptedAdvanceIT {
  private static final String TARGET = "2024-01-01T00:00:00+08:00";

  @Test
  void aStartAfterAnAdvanceDiedMidWayFinishesItBeforeServing() throws Exception {
    List<String> uninterrupted;
    try (TestServer twin = TestServer.simulatedAt(World.START)) {
      World world = World.bought(twin.operator());
      Fixtures.advanceTo(twin.operator(), TARGET);
      uninterrupted = world.observe(twin.operator());
    }
    TestServer dying = TestServer.simulatedAt(World.START);
    Freezes freeze = new Freezes(OffsetDateTime.parse("2023-04-20T00:00:00+08:00").toInstant());
    try {
      World world = World.bought(dying.operator());
      dying.tenure().scheduler().register(freeze);
      CompletableFuture<HttpApi.Answer> advance =
          CompletableFuture.supplyAsync(() -> dying.operator().post("/v1/clock/advance", Map.of("to", TARGET)));
      assertThat(freeze.reached.await(60, TimeUnit.SECONDS)).as("the advance reached the freeze").isTrue();
      // The dying process published the target and processed part of the work, and never recorded the end.

      try (TestServer restarted = TestServer.start(TestServer.settings(dying.databaseUrl(), true,
          OffsetDateTime.parse(World.START).toInstant()))) {
        HttpApi operator = restarted.operator();
        assertThat(operator.get("/v1/clock").get("now")).isEqualTo(TARGET);
        assertThat(world.observe(operator)).containsExactlyElementsOf(uninterrupted);
      }
      freeze.release.countDown();
      assertThat(advance.get(60, TimeUnit.SECONDS).status()).isEqualTo(500);
    } finally {
      freeze.release.countDown();
      dying.close();
    }
  }

  /** Due work that holds its process still at {@code dueAt}, as a kill -9 would, until released; then fails. */
  private static final class Freezes implements DueWork {
    private final Instant dueAt;
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    Freezes(Instant dueAt) {
      this.dueAt = dueAt;
    }

    @Override
    public Optional<Instant> earliestDue() {
      return release.getCount() == 0 ? Optional.empty() : Optional.of(dueAt);
    }

    @Override
    public int processDue(Instant now, Pace pace) {
      if (now.isBefore(dueAt)) {
        return 0;
      }
      reached.countDown();
      try {
        release.await();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the process is dead");
    }

  }
}
