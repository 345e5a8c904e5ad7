package io.tenure.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A start processes everything that fell due while no Tenure ran, before it serves, with either clock. */
class RestartCatchUpIT {
  private static final String LATER = "2023-09-01T00:00:00+08:00";

  private static TestServer restart(String databaseUrl, boolean simulated, Instant start) {
    return TestServer.start(TestServer.settings(databaseUrl, simulated, start));
  }

  @Test
  void restartWithALaterStartProcessesWhatFellDueExactlyAsAnAdvanceWould() {
    List<String> advanced;
    try (TestServer twin = TestServer.simulatedAt(World.START)) {
      World world = World.bought(twin.operator());
      Fixtures.advanceTo(twin.operator(), LATER);
      advanced = world.observe(twin.operator());
    }
    String databaseUrl;
    World world;
    try (TestServer first = TestServer.simulatedAt(World.START)) {
      databaseUrl = first.databaseUrl();
      world = World.bought(first.operator());
    }
    try (TestServer restarted = restart(databaseUrl, true, OffsetDateTime.parse(LATER).toInstant())) {
      HttpApi operator = restarted.operator();
      assertThat(operator.get("/v1/clock").get("now")).isEqualTo(LATER);
      assertThat(Fixtures.phase(operator, world.resources().getFirst())).isNotEqualTo("ACTIVE");
      assertThat(world.observe(operator)).containsExactlyElementsOf(advanced);
    }
  }

  @Test
  void aSystemClockStartOnDataThatFellDueInThePastCatchesUpBeforeServing() {
    String databaseUrl;
    World world;
    try (TestServer first = TestServer.simulatedAt(World.START)) {
      databaseUrl = first.databaseUrl();
      world = World.bought(first.operator());
    }
    try (TestServer restarted = restart(databaseUrl, false, Instant.now())) {
      HttpApi operator = restarted.operator();
      // Years have passed since 2023: every resource bought then has been released by the first call.
      for (String resource : world.resources()) {
        assertThat(Fixtures.phase(operator, resource)).as("resource %s", resource).isEqualTo("RELEASED");
      }
      assertThat(operator.get("/v1/resources/" + world.resources().getFirst() + "/timeline").json().path("events"))
          .extracting(event -> event.path("at").asText()).allMatch(at -> at.startsWith("2023-"));
    }
  }
}
