package io.tenure.engine;

import io.tenure.account.SettlementMarkers;
import io.tenure.billing.Bill;
import io.tenure.billing.BillStore;
import io.tenure.error.Require;
import io.tenure.ledger.Ledger;
import io.tenure.money.Money;
import io.tenure.resource.LifecycleWrites;
import io.tenure.usage.RatedLine;
import io.tenure.usage.Rating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes of a batch of accounts' settlements, set-based: every bill with its lines in one statement, every
 * charge (transaction, two entries, wallet) in one, every account's next settlement and arrears in one, where the
 * settlement of one account ({@link Settling#settle}) sends one of each per account. The same rows as one by one:
 * the decisions are {@link SettlementRules}', the balance that judges the arrears is the wallet's after its charge,
 * as the charge's statement returns it. Runs in the caller's transaction, on accounts it has locked. Thread-safe.
 */
final class SettlementBatch {
  private static final Logger LOG = LoggerFactory.getLogger(Settling.class);

  private final BillStore bills;
  private final Ledger ledger;
  private final SettlementMarkers markers;
  private final SettlementRules rules;

  SettlementBatch(BillStore bills, Ledger ledger, SettlementMarkers markers, SettlementRules rules) {
    this.bills = bills;
    this.ledger = ledger;
    this.markers = markers;
    this.rules = rules;
  }

  /** One account's settlement of the hour ending at {@code hourEnd}, rated but not yet written. */
  record Pending(SettlementRules.Opened opened, Instant hourEnd, List<RatedLine> lines) {
    String accountId() {
      return opened.account().id();
    }
  }

  /** Writes the bills, charges and markers of {@code pending} (one per account); returns each account's settlement. */
  Map<String, SettlementRules.Closed> write(Handle handle, List<Pending> pending, LifecycleWrites batch) {
    List<Bill> drafts = new ArrayList<>();
    List<Ledger.Charge> charges = new ArrayList<>();
    for (Pending settlement : pending) {
      if (settlement.lines().isEmpty()) {
        continue;
      }
      List<Bill.Line> lines = settlement.lines().stream().map(line -> new Bill.Line(line.description(), line.amount())).toList();
      Bill bill = BillStore.draft(settlement.accountId(), null, Bill.Type.USAGE, lines, settlement.hourEnd());
      drafts.add(bill);
      // A bill that comes to zero writes no charge, as one by one.
      if (!bill.total().isZero()) {
        charges.add(new Ledger.Charge(settlement.accountId(), bill.total(), Settling.chargeDescription(settlement.hourEnd()),
            bill.id(), settlement.hourEnd()));
      }
    }
    bills.createAll(handle, drafts);
    Map<String, Ledger.Posted> posted = ledger.chargeAll(handle, charges);
    Require.invariant(posted.size() == charges.size(), "%d charges of a settlement batch posted %d", charges.size(), posted.size());
    Map<String, SettlementRules.Closed> closed = new HashMap<>();
    List<SettlementMarkers.Marker> written = new ArrayList<>();
    for (Pending settlement : pending) {
      Ledger.Posted charge = posted.get(settlement.accountId());
      Money balance = charge == null ? settlement.opened().balance() : charge.balance();
      SettlementRules.Closed done = rules.close(settlement.opened(), balance, settlement.hourEnd(), batch);
      closed.put(settlement.accountId(), done);
      written.add(new SettlementMarkers.Marker(settlement.accountId(), done.next(), done.since()));
    }
    markers.saveAll(handle, written);
    LOG.debug("settlement - {} accounts settled in a batch: {} bills, {} charges", pending.size(), drafts.size(), charges.size());
    return closed;
  }
}
