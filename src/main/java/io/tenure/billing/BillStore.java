package io.tenure.billing;

import io.tenure.error.Require;
import io.tenure.money.Money;
import io.tenure.store.Columns;
import io.tenure.store.Ids;
import io.tenure.store.Pipelined;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Writes and reads bills. Every method runs on the caller's handle, inside the caller's transaction. */
public final class BillStore {

  /** Stores a bill whose total is the sum of its lines, the bill and its lines in one statement. */
  public Bill create(Handle handle, String accountId, String resourceId, Bill.Type type, List<Bill.Line> lines, Instant at) {
    Bill bill = draft(accountId, resourceId, type, lines, at);
    Currency currency = bill.total().currency();
    Money total = bill.total();
    Update statement = handle.createUpdate(Pipelined.DEFERRABLE + """
        WITH bill AS (
          INSERT INTO bills (id, account_id, resource_id, type, total_minor, currency, created_at)
          VALUES (:id, :accountId, :resourceId, :type, :total, :currency, :at)
          RETURNING id)
        INSERT INTO bill_lines (bill_id, position, description, amount_minor)
        SELECT bill.id, line.position - 1, line.description, line.amount
        FROM bill, unnest(CAST(:descriptions AS text[]), CAST(:amounts AS bigint[])) WITH ORDINALITY AS line (description, amount, position)
        """)
        .bind("id", bill.id()).bind("accountId", accountId).bind("resourceId", resourceId).bind("type", type.name())
        .bind("total", total.minor()).bind("currency", currency.getCurrencyCode()).bind("at", at);
    Columns.text(statement, "descriptions", lines, Bill.Line::description);
    Columns.text(statement, "amounts", lines, line -> Long.toString(line.amount().minor()));
    statement.execute();
    return bill;
  }

  /** A new bill (not stored) whose total is the sum of its lines: what {@link #create} and {@link #createAll} store. */
  public static Bill draft(String accountId, String resourceId, Bill.Type type, List<Bill.Line> lines, Instant at) {
    Require.invariant(!lines.isEmpty(), "a bill needs at least one line");
    Currency currency = lines.getFirst().amount().currency();
    Money total = lines.stream().map(Bill.Line::amount).reduce(Money.zero(currency), Money::plus);
    return new Bill(Ids.next("bil"), accountId, resourceId, type, total, lines, at);
  }

  /**
   * Stores {@code drafts} ({@link #draft}) and all their lines in one statement, in the given order: what
   * {@link #create} stores for each, for a batch of settlements at the cost of one parse and one round trip.
   */
  public void createAll(Handle handle, List<Bill> drafts) {
    if (drafts.isEmpty()) {
      return;
    }
    record Row(String billId, int position, Bill.Line line) {}
    List<Row> rows = new ArrayList<>();
    drafts.forEach(bill -> {
      for (int position = 0; position < bill.lines().size(); position++) {
        rows.add(new Row(bill.id(), position, bill.lines().get(position)));
      }
    });
    Update statement = handle.createUpdate(Pipelined.DEFERRABLE + """
        WITH bill AS (
          INSERT INTO bills (id, account_id, resource_id, type, total_minor, currency, created_at)
          SELECT id, account_id, resource_id, type, total, currency, at
          FROM unnest(CAST(:ids AS text[]), CAST(:accountIds AS text[]), CAST(:resourceIds AS text[]),
            CAST(:types AS text[]), CAST(:totals AS bigint[]), CAST(:currencies AS text[]), CAST(:ats AS timestamptz[]))
            WITH ORDINALITY AS drafted (id, account_id, resource_id, type, total, currency, at, position)
          ORDER BY drafted.position)
        INSERT INTO bill_lines (bill_id, position, description, amount_minor)
        SELECT * FROM unnest(CAST(:lineBills AS text[]), CAST(:positions AS integer[]), CAST(:descriptions AS text[]),
          CAST(:amounts AS bigint[]))
        """);
    Columns.text(statement, "ids", drafts, Bill::id);
    Columns.text(statement, "accountIds", drafts, Bill::accountId);
    Columns.text(statement, "resourceIds", drafts, Bill::resourceId);
    Columns.text(statement, "types", drafts, bill -> bill.type().name());
    Columns.text(statement, "totals", drafts, bill -> Long.toString(bill.total().minor()));
    Columns.text(statement, "currencies", drafts, bill -> bill.total().currency().getCurrencyCode());
    Columns.instants(statement, "ats", drafts, Bill::createdAt);
    Columns.text(statement, "lineBills", rows, Row::billId);
    Columns.integers(statement, "positions", rows, Row::position);
    Columns.text(statement, "descriptions", rows, row -> row.line().description());
    Columns.text(statement, "amounts", rows, row -> Long.toString(row.line().amount().minor()));
    statement.execute();
  }

  /** The account's bills, newest first, before the bill with sequence {@code before} when given. */
  public List<Bill> list(Handle handle, String accountId, Optional<Long> before, int limit) {
    List<String> ids = handle.createQuery("""
            SELECT id FROM bills WHERE account_id = :accountId AND (CAST(:before AS bigint) IS NULL OR sequence < :before)
            ORDER BY sequence DESC LIMIT :limit
            """)
        .bind("accountId", accountId).bind("before", before.orElse(null)).bind("limit", limit).mapTo(String.class).list();
    List<Bill> bills = new ArrayList<>();
    for (String id : ids) {
      bills.add(find(handle, id).orElseThrow());
    }
    return bills;
  }

  public Optional<Bill> find(Handle handle, String id) {
    return handle.createQuery("SELECT * FROM bills WHERE id = :id").bind("id", id)
        .map((row, context) -> {
          Currency currency = Currency.getInstance(row.getString("currency"));
          List<Bill.Line> lines = handle.createQuery("SELECT description, amount_minor FROM bill_lines WHERE bill_id = :id ORDER BY position")
              .bind("id", id)
              .map((line, lineContext) -> new Bill.Line(line.getString("description"), new Money(line.getLong("amount_minor"), currency)))
              .list();
          return new Bill(id, row.getString("account_id"), row.getString("resource_id"), Bill.Type.valueOf(row.getString("type")),
              new Money(row.getLong("total_minor"), currency), lines, row.getTimestamp("created_at").toInstant());
        }).findOne();
  }

  /** The sequence of a bill, for paging. */
  public long sequence(Handle handle, String billId) {
    return handle.createQuery("SELECT sequence FROM bills WHERE id = :id").bind("id", billId).mapTo(Long.class).one();
  }

  /** What the account's usage bills dated in {@code (from, to]} charged, in minor units: the recent pay-as-you-go spend. */
  public long usageSpend(Handle handle, String accountId, Instant from, Instant to) {
    return handle.createQuery("""
            SELECT COALESCE(SUM(total_minor), 0) FROM bills
            WHERE account_id = :accountId AND type = 'USAGE' AND created_at > :from AND created_at <= :to
            """)
        .bind("accountId", accountId).bind("from", from).bind("to", to).mapTo(Long.class).one();
  }

  /**
   * What the auto-renewals of the account whose term ends by {@code termEndBy} will cost, estimated by what each
   * resource's latest purchase or renewal bill charged, in minor units. Reads the account's resources (the
   * resource package's table) for their auto-renewal and term.
   */
  public long autoRenewalsEndingBy(Handle handle, String accountId, Instant termEndBy) {
    return handle.createQuery("""
            SELECT COALESCE(SUM(latest.total_minor), 0) FROM resources r
            CROSS JOIN LATERAL (
              SELECT total_minor FROM bills b
              WHERE b.account_id = r.account_id AND b.resource_id = r.id AND b.type IN ('PURCHASE', 'RENEWAL')
              ORDER BY b.sequence DESC LIMIT 1) latest
            WHERE r.account_id = :accountId AND r.auto_renew AND r.phase IN ('ACTIVE', 'GRACE', 'FROZEN')
              AND r.term_end <= :termEndBy
            """)
        .bind("accountId", accountId).bind("termEndBy", termEndBy).mapTo(Long.class).one();
  }
}
