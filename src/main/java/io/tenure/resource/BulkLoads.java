package io.tenure.resource;

import org.jdbi.v3.core.Handle;

/**
 * What loaders that insert resources in bulk (the benchmarks) must do afterwards, since they bypass the changes that
 * keep the accounts' due markers. Runs on the caller's handle. Stateless.
 */
public final class BulkLoads {
  private BulkLoads() {}

  /**
   * {@link ResourceStore#refreshAccountsDue} for every account, in one statement: for loaders that insert resources in bulk
   * (the benchmarks), which bypass the changes that keep it. Like the per-account refresh it starts the hourly
   * settlement of an account with a pay-as-you-go resource (at the end of its first purchase's hour), so bulk-loaded
   * pay-as-you-go resources are billed as bought ones are.
   */
  public static void refreshAllAccountsDue(Handle handle) {
    handle.execute("""
        UPDATE accounts SET next_due_at = due.at, settle_due_at = due.settle
        FROM (SELECT own.id, least(r.at, s.at) AS at, s.at AS settle
          FROM accounts own
          LEFT JOIN (SELECT account_id, min(next_due_at) AS at,
              date_bin('1 hour', min(created_at) FILTER (WHERE mode = 'PAYG' AND phase NOT IN ('RELEASED', 'UNSUBSCRIBED')),
                TIMESTAMPTZ '2000-01-01Z') + interval '1 hour' AS first_settle
            FROM resources GROUP BY account_id) AS r ON r.account_id = own.id
          CROSS JOIN LATERAL (SELECT coalesce(own.settle_due_at, r.first_settle) AS at) AS s) AS due
        WHERE accounts.id = due.id AND (accounts.next_due_at IS DISTINCT FROM due.at OR accounts.settle_due_at IS DISTINCT FROM due.settle)
        """);
  }
}
