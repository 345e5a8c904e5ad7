package io.tenure.hold;

import io.tenure.resource.ResourceRecord;
import io.tenure.resource.ResourceStore;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The one read behind an entitlement: the resource by its key with its account, its add-ons, its newest provider
 * command (index {@code provider_commands_resource}, read backwards for one entry) and the holds in force of its
 * account that bear on it (index {@code holds_account}), in one statement: one row per hold, or one row with no
 * hold. Thread-safe.
 */
public final class EntitlementStore {
  /** The statement, for the benchmark's bare loop (one bind: the resource id). */
  public static final String READ = """
      SELECT r.*, a.tier, a.time_zone, a.currency, a.partner_id,
        ARRAY(SELECT o.code FROM resource_add_ons o WHERE o.resource_id = r.id ORDER BY o.code) AS add_on_codes,
        ARRAY(SELECT o.quantity FROM resource_add_ons o WHERE o.resource_id = r.id ORDER BY o.code) AS add_on_quantities,
        coalesce((SELECT p.sequence FROM provider_commands p WHERE p.resource_id = r.id ORDER BY p.sequence DESC LIMIT 1), 0)
          AS provider_sequence,
        h.id AS hold_id, h.account_id AS hold_account_id, h.scope AS hold_scope, h.resource_id AS hold_resource_id,
        h.feature AS hold_feature, h.reason AS hold_reason, h.permanent AS hold_permanent, h.note AS hold_note,
        h.applied_at AS hold_applied_at, h.applied_by AS hold_applied_by, h.lifted_at AS hold_lifted_at,
        h.lifted_by AS hold_lifted_by
      FROM resources r JOIN accounts a ON a.id = r.account_id
      LEFT JOIN holds h ON h.account_id = r.account_id AND h.lifted_at IS NULL
        AND (h.resource_id IS NULL OR h.resource_id = r.id)
      WHERE r.id = :id
      ORDER BY h.id
      """;

  /** {@link #READ} with JDBC's positional parameter. */
  private static final String READ_JDBC = READ.replace(":id", "?");

  private final ResourceStore resources;

  public EntitlementStore(ResourceStore resources) {
    this.resources = resources;
  }

  /** What an entitlement is computed from, as read. */
  public record Facts(ResourceRecord resource, Optional<String> partnerId, Map<String, Long> addOnQuantities,
      List<Hold> holds, long sequence) {}

  /**
   * The facts of resource {@code id}, if it exists. Read on the handle's connection with plain JDBC: the one
   * statement of a read that providers make thousands of times a second, where Jdbi's per-statement setup (its
   * configuration, argument and mapper look-ups) cost as much as the driver's work.
   */
  public Optional<Facts> read(Handle handle, String id) {
    List<Facts> rows = new ArrayList<>();
    try (PreparedStatement statement = handle.getConnection().prepareStatement(READ_JDBC)) {
      statement.setString(1, id);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          rows.add(facts(row));
        }
      }
    } catch (SQLException failure) {
      throw new UnableToExecuteStatementException(failure, null);
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Hold> holds = new ArrayList<>();
    rows.forEach(row -> holds.addAll(row.holds()));
    Facts first = rows.getFirst();
    return Optional.of(new Facts(first.resource(), first.partnerId(), first.addOnQuantities(), holds, first.sequence()));
  }

  private Facts facts(ResultSet row) throws SQLException {
    List<Hold> hold = row.getString("hold_id") == null ? List.of() : List.of(HoldStore.read(row, "hold_"));
    return new Facts(resources.readRow(row, List.of()), Optional.ofNullable(row.getString("partner_id")),
        addOns(row.getArray("add_on_codes"), row.getArray("add_on_quantities")), hold, row.getLong("provider_sequence"));
  }

  private static Map<String, Long> addOns(Array codes, Array quantities) throws SQLException {
    String[] codeValues = (String[]) codes.getArray();
    Long[] quantityValues = (Long[]) quantities.getArray();
    Map<String, Long> addOns = new LinkedHashMap<>();
    for (int index = 0; index < codeValues.length; index++) {
      addOns.put(codeValues[index], quantityValues[index]);
    }
    return addOns;
  }
}
