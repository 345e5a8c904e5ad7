package io.tenure.resource;

import io.tenure.lifecycle.Phase;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The operator's reads across every account's resources: how many are in each phase, and which may fall due before
 * an instant. Runs on the caller's handle, unlocked. Thread-safe.
 */
public final class ResourceOutlookStore {
  private final ResourceStore resources;

  public ResourceOutlookStore(ResourceStore resources) {
    this.resources = resources;
  }

  /** The number of resources in each phase, every phase present (0 when none): one statement. */
  public Map<Phase, Long> countByPhase(Handle handle) {
    Map<Phase, Long> counts = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      counts.put(phase, 0L);
    }
    handle.createQuery("SELECT phase, count(*) FROM resources GROUP BY phase")
        .map((row, context) -> counts.put(Phase.valueOf(row.getString(1)), row.getLong(2))).list();
    return counts;
  }

  /**
   * The resources that may fall due by {@code until}, at most {@code limit}, soonest first by what the row knows: the
   * ACTIVE ones whose term ends by then, and those in GRACE or FROZEN whose next due work comes by then (a release
   * never comes before the resource's next due work). With their add-ons, which a renewal's price needs.
   */
  public List<ResourceRecord> candidates(Handle handle, Instant until, int limit) {
    return handle.createQuery(ResourceStore.SELECT + """
             WHERE r.phase = 'ACTIVE' AND r.term_end <= :until
                OR r.phase IN ('GRACE', 'FROZEN') AND r.next_due_at <= :until
             ORDER BY coalesce(CASE WHEN r.phase = 'ACTIVE' THEN r.term_end END, r.next_due_at), r.id
             LIMIT :limit
            """)
        .bind("until", until).bind("limit", limit)
        .map((row, context) -> resources.read(handle, row)).list();
  }
}
