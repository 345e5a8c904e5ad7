package io.tenure.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Capabilities;
import io.tenure.clock.Pace;
import io.tenure.clock.TenureClock;
import io.tenure.store.Database;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestDatabases;
import io.tenure.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's order is the account's order (SPEC.md section 2). A seeded world of accounts whose resources share a
 * wallet and groups, auto-renewals competing for the balance, is copied four times and taken one year on: by one
 * advance, by many small advances, by one tick after a downtime, and by a system clock's ticks. Every copy must end
 * with the same resources, phase changes, bills and ledger; the two advances also with the same notices and
 * periodic events, which a catch-up after the fact may leave out when a later one supersedes them.
 * Replay one world with {@code -Daccountorder.seed=<seed>}.
 */
class AccountOrderIT {
  private static final String START = "2023-03-08T15:50:04+08:00";
  private static final Instant END = OffsetDateTime.parse(START).toInstant().plus(Duration.ofDays(366));
  private static final List<String> PLANS = List.of("koodrive-basic", "koodrive-basic", "tencent-drive-enterprise",
      "wedata-execution-package", "wedata-execution-package", "wedata-edition-basic");
  private static final List<String> TIERS = List.of("standard", "V1", "V3", "V5");
  private static final String PERIODIC = "type IN ('EXPIRY_WARNING', 'OVERDUE_REMINDER', 'AUTO_RENEW_CHECK')";

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void oneAdvanceManySmallStepsAndACatchUpAfterDowntimeGiveTheSameWorld(long defaultSeed) {
    long seed = Long.getLong("accountorder.seed", defaultSeed);
    String world = buildWorld(seed);

    Snapshot oneAdvance = taken(world, engine -> engine.processDue(END, Pace.LIVE));
    Snapshot smallAdvances = taken(world, engine -> inSteps(engine, new Random(seed), Pace.LIVE, Duration.ofDays(20)));
    Snapshot afterDowntime = taken(world, engine -> engine.processDue(END, Pace.CATCH_UP));
    Snapshot systemClock = taken(world, engine -> inSteps(engine, new Random(seed), Pace.CATCH_UP, Duration.ofHours(6)));

    assertThat(oneAdvance.phaseEvents()).as("seed %d: the world moved", seed).isNotEmpty();
    assertThat(smallAdvances).as("seed %d: many small advances", seed).isEqualTo(oneAdvance);
    for (Snapshot caughtUp : List.of(afterDowntime, systemClock)) {
      assertThat(caughtUp.resources()).as("seed %d: resources", seed).isEqualTo(oneAdvance.resources());
      assertThat(caughtUp.phaseEvents()).as("seed %d: phase changes", seed).isEqualTo(oneAdvance.phaseEvents());
      assertThat(caughtUp.bills()).as("seed %d: bills", seed).isEqualTo(oneAdvance.bills());
      assertThat(caughtUp.ledger()).as("seed %d: ledger", seed).isEqualTo(oneAdvance.ledger());
      assertThat(oneAdvance.notices()).as("seed %d: a catch-up sends no notice live time would not", seed)
          .containsAll(caughtUp.notices());
    }
  }

  @Test
  void theMidnightOfManyAccountsAutoRenewalsTakesLocksInOneOrderAndNeverDeadlocks() {
    try (TestServer server = TestServer.simulatedAt(START)) {
      HttpApi operator = server.operator();
      List<String> accounts = new ArrayList<>();
      for (int accountIndex = 0; accountIndex < 6; accountIndex++) {
        String account = Fixtures.account(operator, "standard");
        // Each resource's purchase, then one renewal of each: they all fall due at the same midnight.
        Fixtures.topUp(operator, account, "36000.00");
        for (int resource = 0; resource < 100; resource++) {
          HttpApi.Answer bought = operator.post("/v1/resources", Map.of("accountId", account, "plan", "koodrive-basic",
              "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1, "autoRenew", true)));
          assertThat(bought.status()).as("buy: %s", bought).isEqualTo(201);
        }
        accounts.add(account);
      }
      Jdbi jdbi = server.tenure().database().jdbi();
      long deadlocksBefore = deadlocks(jdbi);

      Fixtures.advanceTo(operator, "2023-04-20T00:00:00+08:00");

      assertThat(deadlocks(jdbi) - deadlocksBefore).as("deadlocks").isZero();
      for (String account : accounts) {
        assertThat(operator.get("/v1/accounts/" + account).get("balance")).isEqualTo("0.00");
      }
      int renewals = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM bills WHERE type = 'RENEWAL'")
          .mapTo(Integer.class).one());
      assertThat(renewals).isEqualTo(600);
    }
  }

  private static long deadlocks(Jdbi jdbi) {
    return jdbi.withHandle(handle -> handle.createQuery(
        "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()").mapTo(Long.class).one());
  }

  /** Accounts of random tiers, each topped up and buying resources at random seconds, some in a group, most auto-renewing. */
  private static String buildWorld(long seed) {
    Random random = new Random(seed);
    try (TestServer server = TestServer.simulatedAt(START)) {
      HttpApi operator = server.operator();
      OffsetDateTime now = OffsetDateTime.parse(START);
      for (int accountIndex = 0; accountIndex < 3; accountIndex++) {
        String account = Fixtures.account(operator, TIERS.get(random.nextInt(TIERS.size())));
        Fixtures.topUp(operator, account, (1000 + random.nextInt(5000)) + ".00");
        int resources = 2 + random.nextInt(4);
        for (int resourceIndex = 0; resourceIndex < resources; resourceIndex++) {
          String plan = PLANS.get(random.nextInt(PLANS.size()));
          Map<String, Object> body = new HashMap<>(Map.of("accountId", account, "plan", plan, "billing",
              Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1 + random.nextInt(2), "autoRenew", random.nextInt(10) < 7)));
          if (plan.equals("wedata-execution-package") && random.nextBoolean()) {
            body.put("groupId", "group-" + random.nextInt(2));
          }
          HttpApi.Answer bought = operator.post("/v1/resources", body);
          assertThat(bought.status()).as("buy: %s", bought).isIn(201, 409);
          now = now.plusSeconds(1 + random.nextInt(2 * 86_400));
          Fixtures.advanceTo(operator, now.toString());
        }
      }
      return server.databaseUrl();
    }
  }

  private static void inSteps(LifecycleEngine engine, Random random, Pace pace, Duration longest) {
    Instant at = OffsetDateTime.parse(START).toInstant();
    while (at.isBefore(END)) {
      at = at.plusSeconds(1 + random.nextLong(longest.toSeconds()));
      engine.processDue(at.isAfter(END) ? END : at, pace);
    }
  }

  /** A copy of {@code world} after {@code pass} ran on it with a one-worker engine. */
  private static Snapshot taken(String world, Consumer<LifecycleEngine> pass) {
    try (Database copy = Database.connect(TestDatabases.copyOf(world), 2)) {
      pass.accept(Capabilities.wire(copy.jdbi(), TenureClock.simulated(END)).lifecycleEngine(1));
      return Snapshot.of(copy.jdbi());
    }
  }

  /** What the engine decided, in forms that do not depend on generated ids of bills and transactions. */
  private record Snapshot(List<String> resources, List<String> phaseEvents, List<String> periodicEvents,
      List<String> bills, List<String> ledger, List<String> notices) {

    static Snapshot of(Jdbi jdbi) {
      return new Snapshot(
          rows(jdbi, """
              SELECT concat_ws(' ', id, phase, policy_phase_index, phase_started_at, term_start, term_end, term_periods,
                plan_paid_minor, auto_renew, next_due_at) FROM resources ORDER BY id
              """),
          rows(jdbi, "SELECT concat_ws(' ', resource_id, at, type, phase) FROM lifecycle_events WHERE NOT " + PERIODIC
              + " ORDER BY resource_id, sequence"),
          rows(jdbi, "SELECT concat_ws(' ', resource_id, at, type, phase) FROM lifecycle_events WHERE " + PERIODIC
              + " ORDER BY resource_id, sequence"),
          rows(jdbi, "SELECT concat_ws(' ', account_id, resource_id, type, total_minor, created_at) FROM bills ORDER BY 1"),
          rows(jdbi, """
              SELECT concat_ws(' ', t.account_id, t.kind, t.description, t.created_at,
                (SELECT string_agg(e.book || '=' || e.amount_minor, ',' ORDER BY e.book, e.amount_minor)
                 FROM ledger_entries e WHERE e.transaction_id = t.id))
              FROM ledger_transactions t ORDER BY 1
              """),
          rows(jdbi, "SELECT concat_ws(' ', resource_id, array_to_string(types, '+'), due_at, release_at) FROM notices ORDER BY 1"));
    }

    private static List<String> rows(Jdbi jdbi, String sql) {
      return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }
  }
}
