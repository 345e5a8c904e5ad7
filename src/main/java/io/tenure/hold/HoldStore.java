package io.tenure.hold;

import io.tenure.account.Bans;
import io.tenure.error.NotFoundException;
import io.tenure.error.RejectedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reads and writes holds on the caller's handle. The holds of one account are read through its one index
 * {@code (account_id, id)}; an account has a handful at most. Thread-safe.
 */
public final class HoldStore implements Bans {
  private static final String COLUMNS = """
      h.id, h.account_id, h.scope, h.resource_id, h.feature, h.reason, h.permanent, h.note, h.applied_at, h.applied_by,
      h.lifted_at, h.lifted_by""";

  public void insert(Handle handle, Hold hold) {
    handle.createUpdate("""
            INSERT INTO holds (id, account_id, scope, resource_id, feature, reason, permanent, note, applied_at, applied_by)
            VALUES (:id, :accountId, :scope, :resourceId, :feature, :reason, :permanent, :note, :appliedAt, :appliedBy)
            """)
        .bind("id", hold.id()).bind("accountId", hold.accountId()).bind("scope", hold.scope().name())
        .bind("resourceId", hold.resourceId().orElse(null)).bind("feature", hold.feature().orElse(null))
        .bind("reason", hold.reason().name()).bind("permanent", hold.permanent()).bind("note", hold.note())
        .bind("appliedAt", hold.appliedAt()).bind("appliedBy", hold.appliedBy())
        .execute();
  }

  /** Marks {@code hold} lifted as it says (its lifted instant and key). */
  public void saveLifted(Handle handle, Hold hold) {
    handle.createUpdate("UPDATE holds SET lifted_at = :at, lifted_by = :by WHERE id = :id")
        .bind("id", hold.id()).bind("at", hold.liftedAt().orElseThrow()).bind("by", hold.liftedBy().orElseThrow())
        .execute();
  }

  /** The account of hold {@code id}, if it exists. */
  public Optional<String> accountIdOf(Handle handle, String id) {
    return handle.createQuery("SELECT account_id FROM holds WHERE id = :id").bind("id", id).mapTo(String.class).findOne();
  }

  /** Hold {@code id}, locked until the transaction ends; 404 when it does not exist. */
  public Hold lock(Handle handle, String id) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM holds h WHERE h.id = :id FOR UPDATE").bind("id", id)
        .map((row, context) -> read(row)).findOne().orElseThrow(() -> notFound(id));
  }

  /** A page of the account's holds in id order after {@code after} (null: from the start), lifted ones too. */
  public List<Hold> listForAccount(Handle handle, String accountId, String after, int limit) {
    return handle.createQuery("SELECT " + COLUMNS + """
             FROM holds h WHERE h.account_id = :accountId AND (CAST(:after AS text) IS NULL OR h.id > :after)
             ORDER BY h.id LIMIT :limit
            """)
        .bind("accountId", accountId).bind("after", after).bind("limit", limit)
        .map((row, context) -> read(row)).list();
  }

  /** The account's holds in force, in id order. */
  public List<Hold> inForce(Handle handle, String accountId) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM holds h WHERE h.account_id = :accountId AND h.lifted_at IS NULL ORDER BY h.id")
        .bind("accountId", accountId).map((row, context) -> read(row)).list();
  }

  /** Refuses a purchase on a banned account with 409 {@code ACCOUNT_BANNED}. */
  @Override
  public void requireNotBanned(Handle handle, String accountId) {
    if (inForce(handle, accountId).stream().anyMatch(Hold::isBan)) {
      throw new RejectedException("ACCOUNT_BANNED",
          "Account " + accountId + " is banned (a permanent account hold): it cannot buy anything.");
    }
  }

  /** Builds a hold from a row carrying {@link #COLUMNS}. */
  static Hold read(ResultSet row) throws SQLException {
    return read(row, "");
  }

  /** Builds a hold from a row carrying {@link #COLUMNS}, each named with {@code prefix} before it. */
  static Hold read(ResultSet row, String prefix) throws SQLException {
    return new Hold(row.getString(prefix + "id"), row.getString(prefix + "account_id"),
        HoldScope.valueOf(row.getString(prefix + "scope")), Optional.ofNullable(row.getString(prefix + "resource_id")),
        Optional.ofNullable(row.getString(prefix + "feature")), HoldReason.valueOf(row.getString(prefix + "reason")),
        row.getBoolean(prefix + "permanent"), row.getString(prefix + "note"),
        row.getTimestamp(prefix + "applied_at").toInstant(), row.getString(prefix + "applied_by"),
        Optional.ofNullable(row.getTimestamp(prefix + "lifted_at")).map(Timestamp::toInstant),
        Optional.ofNullable(row.getString(prefix + "lifted_by")));
  }

  static NotFoundException notFound(String id) {
    return new NotFoundException("HOLD_NOT_FOUND", "No hold " + id + ".");
  }
}
