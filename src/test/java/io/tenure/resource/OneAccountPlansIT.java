package io.tenure.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.Capabilities;
import io.tenure.clock.TenureClock;
import io.tenure.store.Database;
import io.tenure.store.Pipelined;
import io.tenure.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.Test;

/**
 * Every money call of the API reads its account with its contacts and refreshes the account's due instants. Both are
 * prepared statements of the connection; the server must keep one generic plan of index probes for them, not plan them
 * anew on every call (the refresh as a list of one cost 0.68 ms of planning a call) nor hash every contact (the read as
 * a list of one, whose generic plan was made for ten accounts). Tenure's connections never plan a statement for its
 * arguments (plan_cache_mode, set by {@link Database}): not even the first five times, as PostgreSQL does by default.
 */
class OneAccountPlansIT {
  private static final int ACCOUNTS = 2_000;
  private static final int CALLS = 15;

  @Test
  void theRefreshOfOneAccountIsPlannedOnceAndProbesIndexes() {
    Map<String, Object> plans = plansAfter((capabilities, handle) ->
        AccountsDue.refresh(handle, "acc_7"), Pipelined.DEFERRABLE + "UPDATE accounts SET next_due_at", "'acc_7', 'acc_7'");

    assertThat((Long) plans.get("generic_plans")).isPositive();
    assertThat((Long) plans.get("custom_plans")).isZero();
    assertThat((String) plans.get("plan")).doesNotContain("Seq Scan");
  }

  @Test
  void theReadOfOneAccountWithItsContactsIsPlannedOnceAndProbesIndexes() {
    Map<String, Object> plans = plansAfter((capabilities, handle) ->
        assertThat(capabilities.accountStore().find(handle, "acc_7")).isPresent(), "SELECT a.*, c.name", "'acc_7'");

    assertThat((Long) plans.get("generic_plans")).isPositive();
    assertThat((Long) plans.get("custom_plans")).isZero();
    assertThat((String) plans.get("plan")).doesNotContain("Seq Scan");
  }

  /**
   * Runs {@code call} {@link #CALLS} times, each in its own handle as a request does, on one connection to a database of
   * {@link #ACCOUNTS} accounts with a contact each, then reads how the server planned the prepared statement starting
   * with {@code text}, and the plan it runs with {@code arguments}.
   */
  private static Map<String, Object> plansAfter(BiConsumer<Capabilities, Handle> call, String text, String arguments) {
    try (Database database = Database.connect(TestDatabases.fresh(), 2);
        Connection connection = database.dataSource().getConnection()) {
      Capabilities capabilities = Capabilities.wire(database.jdbi(), TenureClock.simulated(Instant.parse("2026-03-02T00:00:00Z")));
      // The driver prepares a statement on the server once the statement was closed and reused a few times on its connection.
      Jdbi oneConnection = Jdbi.create(new ConnectionFactory() {
        @Override
        public Connection openConnection() {
          return connection;
        }

        @Override
        public void closeConnection(Connection toClose) {}
      }).setTemplateEngine(TemplateEngine.NOP);
      oneConnection.useHandle(handle -> {
        handle.execute("""
            INSERT INTO accounts (id, name, tier, time_zone, currency, created_at)
            SELECT 'acc_' || i, 'Account ' || i, 'standard', 'Asia/Shanghai', 'CNY', TIMESTAMPTZ '2026-03-01Z'
            FROM generate_series(1, ?) AS i""", ACCOUNTS);
        handle.execute("""
            INSERT INTO contacts (account_id, position, name, role, email)
            SELECT 'acc_' || i, 0, 'Owner ' || i, 'OWNER', 'owner' || i || '@example.com' FROM generate_series(1, ?) AS i""", ACCOUNTS);
        handle.execute("ANALYZE accounts, contacts");
      });
      for (int i = 0; i < CALLS; i++) {
        oneConnection.useTransaction(handle -> call.accept(capabilities, handle));
      }
      return oneConnection.withHandle(handle -> {
        Map<String, Object> plans = handle.createQuery("""
                SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE starts_with(ltrim(statement, E' \\n'), :text)""")
            .bind("text", text).mapToMap().one();
        List<String> plan = handle.createQuery("EXPLAIN EXECUTE \"" + plans.get("name") + "\"(" + arguments + ")").mapTo(String.class).list();
        return Map.of("generic_plans", plans.get("generic_plans"), "custom_plans", plans.get("custom_plans"),
            "plan", String.join("\n", plan));
      });
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
