package io.tenure.resource;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The reads of an account's pay-as-you-go resources that settlement, arrears and restore need. Runs on the
 * caller's handle; the caller holds the account's lock (locks go account, resources, wallet). Thread-safe.
 */
public final class PaygResources {
  /** How long after it ended a resource may still have late usage to bill: 35 days of acceptance and a margin. */
  public static final Duration LATE_USAGE = Duration.ofDays(36);

  private final ResourceStore resources;

  public PaygResources(ResourceStore resources) {
    this.resources = resources;
  }

  /**
   * The account's pay-as-you-go resources that may have usage to bill at {@code at} (not ended, or ended less than
   * {@link #LATE_USAGE} before it), locked, in id order, without add-ons (they have none).
   */
  public List<ResourceRecord> lockSettled(Handle handle, String accountId, Instant at) {
    return handle.createQuery(ResourceStore.SELECT + """
             WHERE r.account_id = :accountId AND r.mode = 'PAYG'
               AND (r.phase NOT IN ('RELEASED', 'UNSUBSCRIBED') OR r.phase_started_at > :endedAfter)
             ORDER BY r.id FOR UPDATE OF r
            """)
        .bind("accountId", accountId).bind("endedAfter", at.minus(LATE_USAGE))
        .map((row, context) -> resources.readRow(row, List.of())).list();
  }

  /**
   * {@link #lockSettled} for several accounts (already locked by the caller) in one statement, in account and id
   * order: the reads of a batch of settlements.
   */
  public List<ResourceRecord> lockSettled(Handle handle, Collection<String> accountIds, Instant at) {
    return handle.createQuery(ResourceStore.SELECT + """
             WHERE r.account_id = ANY(:accountIds) AND r.mode = 'PAYG'
               AND (r.phase NOT IN ('RELEASED', 'UNSUBSCRIBED') OR r.phase_started_at > :endedAfter)
             ORDER BY r.account_id, r.id FOR UPDATE OF r
            """)
        .bindArray("accountIds", String.class, accountIds).bind("endedAfter", at.minus(LATE_USAGE))
        .map((row, context) -> resources.readRow(row, List.of())).list();
  }

  /** The account's pay-as-you-go resources (any phase), in id order, unlocked: whose usage the account lists. */
  public List<String> ids(Handle handle, String accountId) {
    return handle.createQuery("SELECT id FROM resources WHERE account_id = :accountId AND mode = 'PAYG' ORDER BY id")
        .bind("accountId", accountId).mapTo(String.class).list();
  }
}
