package io.tenure.resource;

import io.tenure.store.Columns;
import io.tenure.store.Jdbc;
import io.tenure.store.Pipelined;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Keeps each account's due markers: its next due instant, the earliest of its resources' and of its next hourly
 * settlement (docs/usage.md; null: nothing pending), and that settlement, which starts at the end of the first
 * pay-as-you-go purchase's hour. Called in the transaction of every change to an account's resources, on accounts the
 * caller has locked; each statement writes only the accounts whose markers change. Stateless.
 */
public final class AccountsDue {
  /**
   * The next hourly settlement of account {@code own}: its marker, else the end of the hour of its first pay-as-you-go
   * resource still held (the predicate of V23's index).
   */
  private static final String SETTLE = """
      coalesce(own.settle_due_at, (SELECT date_bin('1 hour', min(p.created_at), TIMESTAMPTZ '2000-01-01Z')
        + interval '1 hour' FROM resources p WHERE p.account_id = own.id AND p.mode = 'PAYG' AND p.phase NOT IN ('RELEASED', 'UNSUBSCRIBED')))""";

  /** Writes {@code due}'s markers ({@code at}, {@code settle}) to the accounts {@code matched}, those that change only. */
  private static String update(String due, String matched) {
    return Pipelined.DEFERRABLE + "UPDATE accounts SET next_due_at = due.at, settle_due_at = due.settle FROM (" + due + ") AS due WHERE "
        + matched + " AND (accounts.next_due_at IS DISTINCT FROM due.at OR accounts.settle_due_at IS DISTINCT FROM due.settle)";
  }

  /** For a list of accounts (a batch of the engine); an account with no settlement due finds its pay-as-you-go resources by their own index (V23). */
  static final String MANY = update("""
      SELECT own.id, least((SELECT min(r.next_due_at) FROM resources r WHERE r.account_id = own.id), s.at) AS at, s.at AS settle
      FROM unnest(CAST(:accountIds AS text[])) AS changed (id) JOIN accounts own ON own.id = changed.id
      CROSS JOIN LATERAL (SELECT %s AS at) s""".formatted(SETTLE), "accounts.id = due.id");

  /**
   * The same for one account, by its id (every money call runs it): its one generic plan ({@link
   * io.tenure.store.Database} keeps every statement on it) is made for exactly one account, index probes, where a
   * list's is made for ten ids (OneAccountPlansIT). JDBC's parameters: the account's id, twice.
   */
  private static final String ONE = update("""
      SELECT least((SELECT min(r.next_due_at) FROM resources r WHERE r.account_id = own.id), s.at) AS at, s.at AS settle
      FROM accounts own CROSS JOIN LATERAL (SELECT %s AS at) s
      WHERE own.id = ?""".formatted(SETTLE), "accounts.id = ?");

  /** For every account, grouping all resources once: what the per-account forms would leave. */
  private static final String ALL = update("""
      SELECT own.id, least(r.at, s.at) AS at, s.at AS settle
      FROM accounts own
      LEFT JOIN (SELECT account_id, min(next_due_at) AS at,
          date_bin('1 hour', min(created_at) FILTER (WHERE mode = 'PAYG' AND phase NOT IN ('RELEASED', 'UNSUBSCRIBED')),
            TIMESTAMPTZ '2000-01-01Z') + interval '1 hour' AS first_settle
        FROM resources GROUP BY account_id) AS r ON r.account_id = own.id
      CROSS JOIN LATERAL (SELECT coalesce(own.settle_due_at, r.first_settle) AS at) AS s""", "accounts.id = due.id");

  private AccountsDue() {}

  /** Refreshes the markers of {@code accountIds} (a batch of the engine). */
  public static void refresh(Handle handle, Collection<String> accountIds) {
    Update update = handle.createUpdate(MANY);
    Columns.text(update, "accountIds", List.copyOf(accountIds), id -> id);
    update.execute();
  }

  /** Refreshes the markers of one account (an API change), by its id. */
  public static void refresh(Handle handle, String accountId) {
    Jdbc.update(handle, ONE, accountId, accountId);
  }

  /**
   * Refreshes every account's markers, in one statement: for loaders that insert resources in bulk (the benchmarks),
   * which bypass the changes that keep them, so that bulk-loaded pay-as-you-go resources are settled as bought ones are.
   */
  public static void refreshAll(Handle handle) {
    handle.execute(ALL);
  }
}
