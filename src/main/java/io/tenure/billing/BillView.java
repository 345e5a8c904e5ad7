package io.tenure.billing;

import io.tenure.money.Money;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A bill as the API shows it: money as decimal strings, the instant in the account's zone, and
 * {@code resourceId} null for a bill about no resource.
 */
public record BillView(String id, Bill.Type type, String resourceId, Money total, String currency, List<Bill.Line> lines,
    OffsetDateTime createdAt) {

  public static BillView of(Bill bill, ZoneId zone) {
    return new BillView(bill.id(), bill.type(), bill.resourceId(), bill.total(), bill.total().currency().getCurrencyCode(),
        bill.lines(), bill.createdAt().atZone(zone).toOffsetDateTime());
  }
}
