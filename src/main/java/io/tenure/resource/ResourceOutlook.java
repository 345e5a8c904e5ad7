package io.tenure.resource;

import io.tenure.error.TenureException;
import io.tenure.ledger.Ledger;
import io.tenure.lifecycle.Phase;
import io.tenure.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The operator's outlook over every account's resources ({@code GET /v1/resource-outlook}): how many are in each
 * phase, and what falls due within some days ({@link FallingDue}). Reads in three statements plus one per
 * candidate (its add-ons, which a renewal's price needs), at most {@link #CANDIDATES} candidates. Thread-safe.
 */
public final class ResourceOutlook {
  /** How many resources are looked at for what falls due; beyond it the answer says {@code truncated}. */
  static final int CANDIDATES = 2_000;

  private final ResourceOutlookStore store;
  private final Renewing renewing;
  private final Ledger ledger;

  public ResourceOutlook(ResourceOutlookStore store, Renewing renewing, Ledger ledger) {
    this.store = store;
    this.renewing = renewing;
    this.ledger = ledger;
  }

  /** The answer: counts by phase, and the first {@code limit} things falling due by {@code until}, soonest first. */
  public record Answer(Map<Phase, Long> phases, OffsetDateTime until, List<Due> due, boolean truncated) {}

  /** One thing falling due, instants in the account's zone. */
  public record Due(FallingDue.Kind kind, OffsetDateTime at, String resourceId, String accountId, String plan, Phase phase,
      boolean autoRenew) {}

  public Answer read(Handle handle, Instant now, Duration within, int limit, java.time.ZoneId operatorZone) {
    Instant until = now.plus(within);
    List<ResourceRecord> candidates = store.candidates(handle, until, CANDIDATES);
    Map<String, Money> balances = ledger.balances(handle, candidates.stream().map(ResourceRecord::accountId).distinct().toList());
    List<FallingDue.Item> items = FallingDue.of(candidates, until,
        resource -> shortOfBalance(handle, resource, balances.get(resource.accountId())));
    List<Due> due = items.stream().limit(limit).map(item -> new Due(item.kind(),
        item.at().atZone(item.resource().lifecycle().zone()).toOffsetDateTime(), item.resource().id(),
        item.resource().accountId(), item.resource().planCode(), item.resource().lifecycle().phase(),
        item.resource().lifecycle().autoRenew().enabled())).toList();
    return new Answer(store.countByPhase(handle), until.atZone(operatorZone).toOffsetDateTime(), due,
        items.size() > limit || candidates.size() == CANDIDATES);
  }

  /** Whether the renewal the resource would make itself costs more than its account holds (not priceable: short). */
  private boolean shortOfBalance(Handle handle, ResourceRecord resource, Money balance) {
    try {
      Money price = renewing.price(handle, resource, resource.lifecycle().autoRenew().periods()).total();
      return balance == null || balance.compareTo(price) < 0;
    } catch (TenureException notRenewable) {
      return true;
    }
  }
}
