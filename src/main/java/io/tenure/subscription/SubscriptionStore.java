package io.tenure.subscription;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tenure.api.Json;
import java.time.Instant;
import io.tenure.store.Columns;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Each account's own choices, one row per message type it changed; the types it never changed have none. */
public final class SubscriptionStore {

  /** The account's choices by message type. */
  public Map<String, Choice> choices(Handle handle, String accountId) {
    Map<String, Choice> choices = new LinkedHashMap<>();
    handle.createQuery("SELECT message_type, choice::text AS choice FROM message_subscriptions WHERE account_id = :account"
            + " ORDER BY message_type")
        .bind("account", accountId)
        .map((row, context) -> Map.entry(row.getString("message_type"), read(row.getString("choice"))))
        .forEach(entry -> choices.put(entry.getKey(), entry.getValue()));
    return choices;
  }

  /** The choices of each of the accounts {@code accountIds}, by account (empty for one that changed none), in one query. */
  public Map<String, Map<String, Choice>> choices(Handle handle, Collection<String> accountIds) {
    Map<String, Map<String, Choice>> choices = new HashMap<>();
    accountIds.forEach(id -> choices.put(id, new LinkedHashMap<>()));
    Query query = handle.createQuery("SELECT account_id, message_type, choice::text AS choice FROM message_subscriptions"
        + " WHERE account_id = ANY(CAST(:accounts AS text[])) ORDER BY account_id, message_type");
    Columns.text(query, "accounts", List.copyOf(accountIds), id -> id);
    query.map((row, context) -> Map.entry(row.getString("account_id"), Map.entry(row.getString("message_type"), read(row.getString("choice")))))
        .forEach(entry -> choices.get(entry.getKey()).put(entry.getValue().getKey(), entry.getValue().getValue()));
    return choices;
  }

  /** Replaces the choices of the types in {@code changed}, in the caller's transaction; the others stay. */
  void replace(Handle handle, String accountId, Map<String, Choice> changed, Instant now) {
    changed.forEach((type, choice) -> handle.createUpdate("""
            INSERT INTO message_subscriptions (account_id, message_type, choice, changed_at)
            VALUES (:account, :type, CAST(:choice AS jsonb), :now)
            ON CONFLICT (account_id, message_type) DO UPDATE SET choice = EXCLUDED.choice, changed_at = EXCLUDED.changed_at""")
        .bind("account", accountId).bind("type", type).bind("choice", Json.write(choice)).bind("now", now).execute());
  }

  private static Choice read(String stored) {
    try {
      return Json.MAPPER.readValue(stored, new TypeReference<Choice>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException failure) {
      throw new IllegalStateException("a stored message subscription is not readable: " + stored, failure);
    }
  }
}
