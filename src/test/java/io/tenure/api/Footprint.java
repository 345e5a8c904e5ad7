package io.tenure.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test server's database holds, read directly: a digest of every table (to prove a refused call
 * changed nothing) and the owner of every id an answer could show (to find ids outside a key's scope).
 */
final class Footprint implements AutoCloseable {
  /** The account and partner an id belongs to; both null for a key id, which only the operator may see. */
  record Owner(String accountId, String partnerId) {}

  private static final String OWNERS = """
      SELECT id, id AS account_id, partner_id FROM accounts
      UNION ALL SELECT id, NULL, id FROM partners
      UNION ALL SELECT id, NULL, NULL FROM api_keys
      UNION ALL SELECT r.id, r.account_id, a.partner_id FROM resources r JOIN accounts a ON a.id = r.account_id
      UNION ALL SELECT b.id, b.account_id, a.partner_id FROM bills b JOIN accounts a ON a.id = b.account_id
      UNION ALL SELECT t.id, t.account_id, a.partner_id FROM ledger_transactions t JOIN accounts a ON a.id = t.account_id
      UNION ALL SELECT h.id, h.account_id, a.partner_id FROM holds h JOIN accounts a ON a.id = h.account_id
      UNION ALL SELECT 'msg_' || (n.sequence + position - 1), n.account_id, a.partner_id
        FROM notices n CROSS JOIN LATERAL generate_subscripts(n.types, 1) AS position JOIN accounts a ON a.id = n.account_id
      """;

  private final Connection connection;
  private final List<String> tables = new ArrayList<>();
  private String digestQuery;

  Footprint(String databaseUrl) {
    try {
      connection = DriverManager.getConnection(databaseUrl);
      try (Statement statement = connection.createStatement();
           ResultSet found = statement.executeQuery("""
               SELECT table_name FROM information_schema.tables
               WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                 AND table_name NOT IN ('flyway_schema_history', 'deliveries', 'notice_outbox', 'webhook_endpoints',
                   'webhook_deliveries', 'webhook_attempts', 'webhook_releases')
               ORDER BY table_name""")) {
        while (found.next()) {
          tables.add(found.getString(1));
        }
      }
    } catch (SQLException failure) {
      throw new IllegalStateException("could not read the test database", failure);
    }
  }

  /**
   * A digest of each table's rows, by table name, read in one query. The dispatcher's own state is left out: it
   * fans notices out and sends deliveries in the background, whatever the calls do (the deliveries table, and
   * the notices' outbox that it empties), and so does the webhooks' (its tables, and provider_commands.delivered_at; a
   * delivered_at elsewhere is left out too, which a refused call could not set anyway).
   */
  Map<String, String> digest() {
    if (digestQuery == null) {
      digestQuery = String.join("\nUNION ALL ", tables.stream().map(table -> "SELECT '" + table
          + "', count(*) || ':' || coalesce(md5(string_agg((to_jsonb(t) - 'delivered_at')::text, '|' ORDER BY (to_jsonb(t) - 'delivered_at')::text)), '') FROM " + table + " t").toList());
    }
    Map<String, String> digests = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(digestQuery)) {
      while (row.next()) {
        digests.put(row.getString(1), row.getString(2));
      }
    } catch (SQLException failure) {
      throw new IllegalStateException("could not digest the test database", failure);
    }
    return digests;
  }

  /** Every id an answer may show, with its owner. */
  Map<String, Owner> owners() {
    Map<String, Owner> owners = new HashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(OWNERS)) {
      while (row.next()) {
        owners.put(row.getString(1), new Owner(row.getString(2), row.getString(3)));
      }
    } catch (SQLException failure) {
      throw new IllegalStateException("could not read the ids of the test database", failure);
    }
    return owners;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
