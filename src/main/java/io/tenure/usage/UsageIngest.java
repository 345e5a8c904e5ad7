package io.tenure.usage;

import io.tenure.api.Caller;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Plan;
import io.tenure.clock.OperatorZone;
import io.tenure.clock.TenureClock;
import io.tenure.error.Echo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Accepts a batch of usage events (SPEC.md §7): checks each event on its own against the resources the caller
 * may reach, their plans' meters and Tenure's clock, and stores the valid ones once per (resource, event id) in
 * one transaction, committed before the answer. Thread-safe.
 */
public final class UsageIngest {
  /** How far back an event may lie; its id is remembered at least this long. */
  public static final Duration ACCEPTED_AGE = Duration.ofDays(35);
  /** How far ahead of Tenure's clock an event may lie (the metering agents' clocks run a little ahead). */
  public static final Duration ACCEPTED_LEAD = Duration.ofMinutes(5);

  private final Jdbi jdbi;
  private final Catalogs catalogs;
  private final TenureClock clock;
  private final UsageStore store = new UsageStore();
  private final UsagePartitions partitions;

  public UsageIngest(Jdbi jdbi, Catalogs catalogs, TenureClock clock) {
    this.jdbi = jdbi;
    this.catalogs = catalogs;
    this.clock = clock;
    this.partitions = new UsagePartitions(jdbi);
  }

  /** Reads, checks and stores the batch {@code body} sent by {@code caller}. */
  public IngestResult ingest(Caller caller, byte[] body) {
    UsageBatchReader.Batch batch = UsageBatchReader.read(body);
    Instant now = clock.now();
    List<Rejection> rejected = new ArrayList<>(batch.rejected());
    List<UsageEvent> valid = new ArrayList<>(batch.events().size());
    Set<String> ids = new HashSet<>();
    batch.events().forEach(event -> ids.add(event.resourceId()));
    Map<String, UsageStore.MeteredResource> resources = ids.isEmpty() ? Map.of() : jdbi.withHandle(handle -> store.resources(handle, ids));
    for (UsageEvent event : batch.events()) {
      Rejection problem = problem(caller, event, resources.get(event.resourceId()), now);
      if (problem == null) {
        valid.add(event);
      } else {
        rejected.add(problem);
      }
    }
    rejected.sort(Comparator.comparingInt(Rejection::index));
    if (valid.isEmpty()) {
      return new IngestResult(0, 0, rejected);
    }
    partitions.prepare(now);
    long accepted = jdbi.inTransaction(handle -> store.insert(handle, valid, now));
    return new IngestResult(accepted, valid.size() - accepted, rejected);
  }

  /** Why {@code event} cannot be accepted, or null. */
  private Rejection problem(Caller caller, UsageEvent event, UsageStore.MeteredResource resource, Instant now) {
    String path = "Field 'events[" + event.index() + "].";
    if (resource == null || !reaches(caller, resource)) {
      // Another account's resource is answered exactly like one that does not exist (docs/scopes.md).
      return new Rejection(event.index(), "UNKNOWN_RESOURCE", path + "resourceId': no resource " + Echo.of(event.resourceId()) + ".");
    }
    Plan plan = catalogs.version(resource.catalogVersion()).plan(resource.planCode());
    if (plan.meter(event.meter()).isEmpty()) {
      String known = plan.meters().isEmpty() ? "the plan " + plan.code() + " is not metered"
          : "the meters of the plan " + plan.code() + " are " + String.join(", ", plan.meters().stream().map(m -> m.code()).toList());
      return new Rejection(event.index(), "UNKNOWN_METER", path + "meter': no meter " + Echo.of(event.meter()) + "; " + known + ".");
    }
    if (event.time().isBefore(now.minus(ACCEPTED_AGE)) || event.time().isAfter(now.plus(ACCEPTED_LEAD))) {
      return new Rejection(event.index(), "TIME_OUT_OF_RANGE", path + "time': must lie between 35 days before and 5 minutes "
          + "after Tenure's clock, " + OperatorZone.iso(now) + ".");
    }
    return null;
  }

  /** Whether the caller may send usage for the resource: the operator any, a partner its accounts', an account its own. */
  private static boolean reaches(Caller caller, UsageStore.MeteredResource resource) {
    return switch (caller.scope()) {
      case OPERATOR -> true;
      case PARTNER -> Objects.equals(caller.partnerId(), resource.partnerId());
      case ACCOUNT -> Objects.equals(caller.accountId(), resource.accountId());
    };
  }
}
