package io.tenure.engine;

import io.tenure.account.Account;
import io.tenure.account.AccountStore;
import io.tenure.account.SettlementMarkers;
import io.tenure.billing.Bill;
import io.tenure.billing.BillStore;
import io.tenure.catalog.Catalogs;
import io.tenure.ledger.Ledger;
import io.tenure.money.Money;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.PaygResources;
import io.tenure.resource.ResourceRecord;
import io.tenure.usage.HourUsage;
import io.tenure.usage.RatedLine;
import io.tenure.usage.Rating;
import io.tenure.usage.UsageSettlements;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly settlement of one account, as due work in its ordered stream (docs/usage.md): rates the hour's usage
 * and fixed hourly prices of its pay-as-you-go resources ({@link Rating}), marks the events billed, writes one
 * {@code USAGE} bill and one ledger charge, and starts or ends the account's arrears, all in the caller's
 * transaction. A batch's accounts whose first work is their settlement are settled together, set-based, before
 * their passes ({@link #settleAhead}). Thread-safe (what was settled ahead is kept per transaction).
 */
public final class Settling {
  private static final Logger LOG = LoggerFactory.getLogger(Settling.class);

  private final AccountStore accounts;
  private final PaygResources payg;
  private final UsageSettlements usage;
  private final BillStore bills;
  private final Ledger ledger;
  private final SettlementRules rules;
  private final SettlementBatch batchWrites;
  /** Per transaction (its handle): its batch's first settlements, settled ahead ({@link #settleAhead}). */
  private final Map<Handle, SettledAhead> settledAhead = new ConcurrentHashMap<>();

  public Settling(Catalogs catalogs, AccountStore accounts, PaygResources payg, UsageSettlements usage, BillStore bills, Ledger ledger,
      Arrears arrears) {
    this.accounts = accounts;
    this.payg = payg;
    this.usage = usage;
    this.bills = bills;
    this.ledger = ledger;
    this.rules = new SettlementRules(catalogs, arrears);
    this.batchWrites = new SettlementBatch(bills, ledger, new SettlementMarkers(), rules);
  }

  /**
   * Settles the hour ending at {@code hourEnd} for {@code accountId}, whose resources are up to date through that
   * instant ({@code batch} holds the newer states of those it stepped); a resource whose state changes goes back
   * to {@code requeue}. Returns the end of the next hour to settle, empty when nothing more can be billed.
   */
  Optional<Instant> settle(Handle handle, String accountId, Instant hourEnd, LifecycleWrites batch, Consumer<ResourceRecord> requeue) {
    Optional<SettlementRules.Closed> ahead = settledAhead.getOrDefault(handle, SettledAhead.NONE).take(accountId, hourEnd);
    if (ahead.isPresent()) {
      ahead.get().requeue().forEach(requeue);
      return ahead.get().next();
    }
    Account account = accounts.require(handle, accountId);
    List<ResourceRecord> stored = newest(payg.lockSettled(handle, accountId, hourEnd), batch);
    SettlementRules.Opened opened = rules.open(handle, account, stored, accounts.arrearsSince(handle, accountId),
        ledger.balance(handle, accountId), hourEnd, batch);
    List<HourUsage> billed = usage.settle(handle, opened.resources().stream().map(ResourceRecord::id).toList(), hourEnd);
    List<RatedLine> lines = rules.rate(opened, hourEnd, billed);
    Money balance = lines.isEmpty() ? opened.balance() : charge(handle, accountId, hourEnd, lines);
    SettlementRules.Closed closed = rules.close(opened, balance, hourEnd, batch);
    accounts.saveSettlement(handle, accountId, closed.next(), closed.since());
    closed.requeue().forEach(requeue);
    return closed.next();
  }

  /**
   * Settles, set-based, the settlements of {@code accountIds} (claimed and locked by this transaction, none with a
   * due resource in it) due at {@code settleDue} by {@code now}: a few statements for all of them (the reads, the
   * events marked, the bills, the charges, the markers) instead of several for each; {@link #settle} then takes
   * each one's outcome when the account's pass reaches it, and {@link #forget} drops what was not taken.
   */
  void settleAhead(Handle handle, Collection<String> accountIds, Map<String, Instant> settleDue, Instant now, LifecycleWrites batch) {
    Map<Instant, List<String>> byHour = accountIds.stream().filter(id -> settleDue.containsKey(id) && !settleDue.get(id).isAfter(now))
        .collect(Collectors.groupingBy(settleDue::get, TreeMap::new, Collectors.toList()));
    if (byHour.isEmpty()) {
      return;
    }
    List<String> ids = byHour.values().stream().flatMap(List::stream).toList();
    Map<String, Account> found = accounts.findAll(handle, ids);
    Map<String, Instant> since = accounts.arrearsSince(handle, ids);
    Map<String, Money> balances = ledger.balances(handle, ids);
    List<SettlementBatch.Pending> pending = new ArrayList<>();
    byHour.forEach((hourEnd, hourIds) -> {
      Map<String, List<ResourceRecord>> resources = newest(payg.lockSettled(handle, hourIds, hourEnd), batch).stream()
          .collect(Collectors.groupingBy(ResourceRecord::accountId));
      Map<String, String> owners = resources.values().stream().flatMap(List::stream)
          .collect(Collectors.toMap(ResourceRecord::id, ResourceRecord::accountId));
      Map<String, List<HourUsage>> billed = usage.settle(handle, owners.keySet(), hourEnd).stream()
          .collect(Collectors.groupingBy(line -> owners.get(line.resourceId())));
      for (String id : hourIds) {
        SettlementRules.Opened opened = rules.open(handle, found.get(id), resources.getOrDefault(id, List.of()),
            Optional.ofNullable(since.get(id)), balances.get(id), hourEnd, batch);
        pending.add(new SettlementBatch.Pending(opened, hourEnd, rules.rate(opened, hourEnd, billed.getOrDefault(id, List.of()))));
      }
    });
    Map<String, SettlementRules.Closed> closed = batchWrites.write(handle, pending, batch);
    Map<String, SettledAhead.Settled> settled = new HashMap<>();
    pending.forEach(one -> settled.put(one.accountId(), new SettledAhead.Settled(one.hourEnd(), closed.get(one.accountId()))));
    settledAhead.put(handle, new SettledAhead(settled));
  }

  /** Drops what {@link #settleAhead} left for this transaction's handle. */
  void forget(Handle handle) {
    settledAhead.remove(handle);
  }

  /** The charge's description: the hour it bills. */
  static String chargeDescription(Instant hourEnd) {
    return "Usage " + Rating.hourName(hourEnd.minus(Rating.HOUR));
  }

  /** Writes the hour's bill and its charge (none when it comes to zero); returns the balance after. */
  private Money charge(Handle handle, String accountId, Instant hourEnd, List<RatedLine> lines) {
    List<Bill.Line> billLines = lines.stream().map(line -> new Bill.Line(line.description(), line.amount())).toList();
    Bill bill = bills.create(handle, accountId, null, Bill.Type.USAGE, billLines, hourEnd);
    if (bill.total().isZero()) {
      return ledger.balance(handle, accountId);
    }
    Ledger.Posted posted = ledger.charge(handle, accountId, bill.total(), chargeDescription(hourEnd), bill.id(), hourEnd);
    LOG.debug("settlement - account {} hour ending {}: bill {} of {}", accountId, hourEnd, bill.id(), bill.total());
    return posted.balance();
  }

  /** The resources with the newer states {@code batch} holds for those this transaction stepped. */
  private static List<ResourceRecord> newest(List<ResourceRecord> stored, LifecycleWrites batch) {
    return stored.stream().map(row -> batch.saved(row.id()).map(row::withStateOf).orElse(row)).toList();
  }
}
