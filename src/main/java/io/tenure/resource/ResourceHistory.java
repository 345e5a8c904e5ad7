package io.tenure.resource;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A resource's recorded history (table {@code lifecycle_events}) as the API reads it: the purchase written with the
 * resource ({@link ResourceStore#insert}), the transitions written by the engine's flush ({@link LifecycleWrites}). Stateless.
 */
final class ResourceHistory {
  private ResourceHistory() {}

  /** One recorded event of a resource's history, as stored. */
  record RecordedEvent(Instant at, String type, String phase) {}

  /** The resource's recorded history, in the order it was written. */
  static List<RecordedEvent> history(Handle handle, String resourceId) {
    return handle.createQuery("SELECT at, type, phase FROM lifecycle_events WHERE resource_id = :id ORDER BY sequence")
        .bind("id", resourceId)
        .map((row, context) -> new RecordedEvent(row.getTimestamp("at").toInstant(), row.getString("type"), row.getString("phase")))
        .list();
  }
}
