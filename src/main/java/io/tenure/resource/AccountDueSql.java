package io.tenure.resource;

/**
 * The statements that set an account's next due instant to the earliest of its resources' and its next hourly
 * settlement ({@link ResourceStore#refreshAccountsDue}), writing only an account whose instants change.
 */
final class AccountDueSql {
  /** For a list of accounts (a batch of the engine); an account with no settlement due finds its pay-as-you-go resources by their own index (V23). */
  static final String MANY = """
        UPDATE accounts SET next_due_at = due.at, settle_due_at = due.settle
        FROM (SELECT own.id, least((SELECT min(r.next_due_at) FROM resources r WHERE r.account_id = own.id), s.at) AS at, s.at AS settle
          FROM unnest(CAST(:accountIds AS text[])) AS changed (id) JOIN accounts own ON own.id = changed.id
          CROSS JOIN LATERAL (SELECT coalesce(own.settle_due_at, (SELECT date_bin('1 hour', min(p.created_at), TIMESTAMPTZ '2000-01-01Z')
            + interval '1 hour' FROM resources p WHERE p.account_id = own.id AND p.mode = 'PAYG' AND p.phase NOT IN ('RELEASED', 'UNSUBSCRIBED'))) AS at) s) AS due
        WHERE accounts.id = due.id AND (accounts.next_due_at IS DISTINCT FROM due.at OR accounts.settle_due_at IS DISTINCT FROM due.settle)
        """;

  /**
   * The same for one account, by its id (an API change): a list's statement is planned anew on every execution (its
   * generic plan, made for ten ids, scans every account), this one keeps one generic plan of index probes. JDBC's
   * parameters: the account's id, twice.
   */
  static final String ONE = """
        UPDATE accounts SET next_due_at = due.at, settle_due_at = due.settle
        FROM (SELECT least((SELECT min(r.next_due_at) FROM resources r WHERE r.account_id = own.id), s.at) AS at, s.at AS settle
          FROM accounts own CROSS JOIN LATERAL (SELECT coalesce(own.settle_due_at, (SELECT date_bin('1 hour', min(p.created_at), TIMESTAMPTZ '2000-01-01Z')
            + interval '1 hour' FROM resources p WHERE p.account_id = own.id AND p.mode = 'PAYG' AND p.phase NOT IN ('RELEASED', 'UNSUBSCRIBED'))) AS at) s
          WHERE own.id = ?) AS due
        WHERE accounts.id = ? AND (accounts.next_due_at IS DISTINCT FROM due.at OR accounts.settle_due_at IS DISTINCT FROM due.settle)
        """;

  private AccountDueSql() {}
}
