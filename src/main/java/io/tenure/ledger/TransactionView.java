package io.tenure.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A transaction of an account's ledger as the API shows it: its entries in book order, amounts as decimal
 * strings, the instant in the account's zone, and {@code billId} null when no bill caused it.
 */
public record TransactionView(String id, long sequence, String kind, String description, String billId,
    OffsetDateTime createdAt, List<Ledger.Entry> entries) {

  static TransactionView of(Ledger.Transaction transaction, ZoneId zone) {
    return new TransactionView(transaction.id(), transaction.sequence(), transaction.kind(), transaction.description(),
        transaction.billId(), transaction.createdAt().atZone(zone).toOffsetDateTime(), transaction.entries());
  }
}
