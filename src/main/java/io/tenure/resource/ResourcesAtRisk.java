package io.tenure.resource;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The resources a partner watches on its accounts' behalf: those whose term ends soon and those on their way to a
 * release (in GRACE or FROZEN). Runs on the caller's handle, unlocked. Thread-safe.
 */
public final class ResourcesAtRisk {
  private final ResourceStore resources;

  public ResourcesAtRisk(ResourceStore resources) {
    this.resources = resources;
  }

  /**
   * Of the accounts {@code accountIds}, the ACTIVE resources whose term ends by {@code termEndBy} and every resource
   * in GRACE or FROZEN, in account then id order, without their add-ons: one statement.
   */
  public List<ResourceRecord> of(Handle handle, Collection<String> accountIds, Instant termEndBy) {
    return handle.createQuery(ResourceStore.SELECT + """
             WHERE r.account_id = ANY(:ids)
               AND (r.phase IN ('GRACE', 'FROZEN') OR r.phase = 'ACTIVE' AND r.term_end <= :termEndBy)
             ORDER BY r.account_id, r.id
            """)
        .bindArray("ids", String.class, accountIds).bind("termEndBy", termEndBy)
        .map((row, context) -> resources.readRow(row, List.of())).list();
  }
}
