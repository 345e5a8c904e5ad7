package io.tenure.usage;

import io.tenure.api.Caller;
import io.tenure.catalog.Catalogs;
import io.tenure.clock.TenureClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Accepts a batch of usage events (SPEC.md §7): checks each event on its own against the resources the caller
 * may reach, their plans' meters and Tenure's clock, and stores the valid ones once per (resource, event id) in
 * one transaction, committed before the answer. Thread-safe.
 */
public final class UsageIngest {
  private final Jdbi jdbi;
  private final Catalogs catalogs;
  private final TenureClock clock;
  private final UsageStore store = new UsageStore();
  private final UsagePartitions partitions;

  /** {@code partitions}: the same the clock runs as due work, so that a day is prepared once per process. */
  public UsageIngest(Jdbi jdbi, Catalogs catalogs, TenureClock clock, UsagePartitions partitions) {
    this.jdbi = jdbi;
    this.catalogs = catalogs;
    this.clock = clock;
    this.partitions = partitions;
  }

  /** Reads, checks and stores the batch {@code body} sent by {@code caller}. */
  public IngestResult ingest(Caller caller, byte[] body) {
    UsageBatchReader.Batch batch = UsageBatchReader.read(body);
    Instant now = clock.now();
    if (batch.events().isEmpty()) {
      return new IngestResult(0, 0, batch.rejected());
    }
    partitions.prepare(now);
    // One connection for the read and the write; the insert is one statement in autocommit, so it is its own
    // transaction, committed before the answer, with no BEGIN and COMMIT round trips of its own.
    return jdbi.withHandle(handle -> {
      Map<String, UsageStore.MeteredResource> resources = store.resources(handle, resourceIds(batch.events()));
      List<Rejection> rejected = new ArrayList<>(batch.rejected());
      List<UsageEvent> valid = new ArrayList<>(batch.events().size());
      for (UsageEvent event : batch.events()) {
        Rejection problem = UsageRules.problem(caller, event, resources.get(event.resourceId()),
            resource -> catalogs.version(resource.catalogVersion()).plan(resource.planCode()), now);
        if (problem == null) {
          valid.add(event);
        } else {
          rejected.add(problem);
        }
      }
      rejected.sort(Comparator.comparingInt(Rejection::index));
      long accepted = valid.isEmpty() ? 0 : store.insert(handle, valid, now);
      return new IngestResult(accepted, valid.size() - accepted, rejected);
    });
  }

  private static Set<String> resourceIds(List<UsageEvent> events) {
    Set<String> ids = new HashSet<>();
    for (UsageEvent event : events) {
      ids.add(event.resourceId());
    }
    return ids;
  }
}
