package io.tenure.resource;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A resource's recorded history (table {@code lifecycle_events}) as the API reads it: the purchase written here,
 * the transitions written by the engine's flush ({@link LifecycleWrites}). Stateless.
 */
final class ResourceHistory {
  private ResourceHistory() {}

  /** One recorded event of a resource's history, as stored. */
  record RecordedEvent(Instant at, String type, String phase) {}

  /** Records the purchase, the first event of the resource's history. */
  static void recordPurchase(Handle handle, ResourceRecord resource, Instant at) {
    handle.createUpdate("INSERT INTO lifecycle_events (resource_id, at, type, phase) VALUES (:id, :at, 'PURCHASED', :phase)")
        .bind("id", resource.id()).bind("at", at).bind("phase", resource.lifecycle().phase().name())
        .execute();
  }

  /** The resource's recorded history, in the order it was written. */
  static List<RecordedEvent> history(Handle handle, String resourceId) {
    return handle.createQuery("SELECT at, type, phase FROM lifecycle_events WHERE resource_id = :id ORDER BY sequence")
        .bind("id", resourceId)
        .map((row, context) -> new RecordedEvent(row.getTimestamp("at").toInstant(), row.getString("type"), row.getString("phase")))
        .list();
  }
}
