package io.tenure.engine;

import io.tenure.account.Account;
import io.tenure.account.AccountStore;
import io.tenure.billing.Bill;
import io.tenure.billing.BillStore;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Meter;
import io.tenure.catalog.Plan;
import io.tenure.ledger.Ledger;
import io.tenure.lifecycle.Phase;
import io.tenure.money.Money;
import io.tenure.resource.LifecycleWrites;
import io.tenure.resource.PaygResources;
import io.tenure.resource.ResourceRecord;
import io.tenure.usage.HourUsage;
import io.tenure.usage.RatedLine;
import io.tenure.usage.RatedResource;
import io.tenure.usage.Rating;
import io.tenure.usage.UsageSettlements;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly settlement of one account, as due work in its ordered stream (docs/usage.md): rates the hour's usage
 * and fixed hourly prices of its pay-as-you-go resources ({@link Rating}), marks the events billed, writes one
 * {@code USAGE} bill and one ledger charge, and starts or ends the account's arrears, all in the caller's
 * transaction. Thread-safe (the reads ahead are kept per transaction).
 */
public final class Settling {
  private static final Logger LOG = LoggerFactory.getLogger(Settling.class);

  private final Catalogs catalogs;
  private final AccountStore accounts;
  private final PaygResources payg;
  private final UsageSettlements usage;
  private final BillStore bills;
  private final Ledger ledger;
  private final Arrears arrears;
  /** Per transaction (its handle): the reads of its batch's settlements, read ahead ({@link #readAhead}). */
  private final Map<Handle, SettlementReads> readAhead = new ConcurrentHashMap<>();

  public Settling(Catalogs catalogs, AccountStore accounts, PaygResources payg, UsageSettlements usage, BillStore bills, Ledger ledger,
      Arrears arrears) {
    this.catalogs = catalogs;
    this.accounts = accounts;
    this.payg = payg;
    this.usage = usage;
    this.bills = bills;
    this.ledger = ledger;
    this.arrears = arrears;
  }

  /**
   * Settles the hour ending at {@code hourEnd} for {@code accountId}, whose resources are up to date through that
   * instant ({@code batch} holds the newer states of those it stepped); a resource whose state changes goes back
   * to {@code requeue}. Returns the end of the next hour to settle, empty when nothing more can be billed.
   */
  Optional<Instant> settle(Handle handle, String accountId, Instant hourEnd, LifecycleWrites batch, Consumer<ResourceRecord> requeue) {
    Optional<SettlementReads.Read> read = readAhead.getOrDefault(handle, SettlementReads.NONE).take(accountId, hourEnd);
    Account account = read.map(SettlementReads.Read::account).orElseGet(() -> accounts.require(handle, accountId));
    List<ResourceRecord> stored = read.map(SettlementReads.Read::resources).orElseGet(() -> payg.lockSettled(handle, accountId, hourEnd))
        .stream().map(row -> batch.saved(row.id()).map(row::withStateOf).orElse(row)).toList();
    Optional<Instant> since = read.isPresent() ? read.get().arrearsSince() : accounts.arrearsSince(handle, accountId);
    Money balance = read.map(SettlementReads.Read::balance).orElseGet(() -> ledger.balance(handle, accountId));
    // Paid by a credit that ran no hook (a refund): the arrears end at the settlement that sees it.
    boolean paid = since.isPresent() && !balance.isNegative();
    List<ResourceRecord> resources = paid ? arrears.end(handle, accountId, stored, hourEnd, batch) : stored;
    if (paid) {
      resources.forEach(requeue);
      since = Optional.empty();
    }
    // Read ahead for the same resources (a restore changes their states, not which they are).
    List<HourUsage> billed = read.map(SettlementReads.Read::billed)
        .orElseGet(() -> usage.settle(handle, resources.stream().map(ResourceRecord::id).toList(), hourEnd));
    List<RatedLine> lines = Rating.rate(hourEnd, account.currency(), resources.stream().map(this::rated).toList(), billed);
    if (!lines.isEmpty()) {
      balance = charge(handle, accountId, hourEnd, lines);
    }
    Arrears.Started started = arrears.startIfOwing(account, resources, balance, hourEnd, since, batch);
    started.resources().stream().filter(after -> !resources.contains(after)).forEach(requeue);
    Optional<Instant> next = resources.stream().anyMatch(resource -> mayBill(resource, hourEnd.plus(Rating.HOUR)))
        ? Optional.of(hourEnd.plus(Rating.HOUR)) : Optional.empty();
    accounts.saveSettlement(handle, accountId, next, started.since());
    return next;
  }

  /**
   * Reads ahead, in a few set-based statements, what the settlements of {@code accountIds} (claimed and locked by
   * this transaction, none with a due resource in it) due at {@code settleDue} need, for {@link #settle} to take;
   * {@link #forget} drops what was not taken. Only accounts whose settlement is due by {@code now} are read.
   */
  void readAhead(Handle handle, Collection<String> accountIds, Map<String, Instant> settleDue, Instant now) {
    Map<Instant, List<String>> byHour = accountIds.stream().filter(id -> settleDue.containsKey(id) && !settleDue.get(id).isAfter(now))
        .collect(Collectors.groupingBy(settleDue::get, TreeMap::new, Collectors.toList()));
    if (byHour.isEmpty()) {
      return;
    }
    List<String> ids = byHour.values().stream().flatMap(List::stream).toList();
    Map<String, Account> found = accounts.findAll(handle, ids);
    Map<String, Instant> since = accounts.arrearsSince(handle, ids);
    Map<String, Money> balances = ledger.balances(handle, ids);
    Map<String, SettlementReads.Read> reads = new HashMap<>();
    byHour.forEach((hourEnd, hourIds) -> {
      Map<String, List<ResourceRecord>> resources = payg.lockSettled(handle, hourIds, hourEnd).stream()
          .collect(Collectors.groupingBy(ResourceRecord::accountId));
      Map<String, String> owners = resources.values().stream().flatMap(List::stream)
          .collect(Collectors.toMap(ResourceRecord::id, ResourceRecord::accountId));
      Map<String, List<HourUsage>> billed = usage.settle(handle, owners.keySet(), hourEnd).stream()
          .collect(Collectors.groupingBy(line -> owners.get(line.resourceId())));
      for (String id : hourIds) {
        reads.put(id, new SettlementReads.Read(found.get(id), Optional.ofNullable(since.get(id)), balances.get(id),
            resources.getOrDefault(id, List.of()), billed.getOrDefault(id, List.of()), hourEnd));
      }
    });
    readAhead.put(handle, new SettlementReads(reads));
  }

  /** Drops what {@link #readAhead} read for this transaction's handle. */
  void forget(Handle handle) {
    readAhead.remove(handle);
  }

  /** Writes the hour's bill and its charge (none when it comes to zero); returns the balance after. */
  private Money charge(Handle handle, String accountId, Instant hourEnd, List<RatedLine> lines) {
    List<Bill.Line> billLines = lines.stream().map(line -> new Bill.Line(line.description(), line.amount())).toList();
    Bill bill = bills.create(handle, accountId, null, Bill.Type.USAGE, billLines, hourEnd);
    if (bill.total().isZero()) {
      return ledger.balance(handle, accountId);
    }
    Ledger.Posted posted = ledger.charge(handle, accountId, bill.total(),
        "Usage " + Rating.hourName(hourEnd.minus(Rating.HOUR)), bill.id(), hourEnd);
    LOG.debug("settlement - account {} hour ending {}: bill {} of {}", accountId, hourEnd, bill.id(), bill.total());
    return posted.balance();
  }

  private RatedResource rated(ResourceRecord resource) {
    Optional<Plan> plan = catalogs.version(resource.catalogVersion()).findPlan(resource.planCode());
    return new RatedResource(resource.id(), plan.map(Plan::name).orElse(resource.planCode()),
        plan.map(found -> found.meters().stream().collect(Collectors.toMap(Meter::code, Meter::unitPrice))).orElse(java.util.Map.of()),
        plan.flatMap(Plan::hourlyPrice), resource.createdAt(), resource.lifecycle().phase(), resource.lifecycle().phaseStartedAt());
  }

  /** Whether the resource may still have something to bill at the settlement of {@code hourEnd}. */
  private static boolean mayBill(ResourceRecord resource, Instant hourEnd) {
    Phase phase = resource.lifecycle().phase();
    return (phase != Phase.RELEASED && phase != Phase.UNSUBSCRIBED)
        || resource.lifecycle().phaseStartedAt().isAfter(hourEnd.minus(PaygResources.LATE_USAGE));
  }
}
