package io.tenure.billing;

import io.tenure.money.Money;
import java.time.Instant;
import java.util.List;

/** What a customer is charged (or refunded, with negative lines) for one purchase, renewal, change or usage period. */
public record Bill(String id, String accountId, String resourceId, Type type, Money total, List<Line> lines, Instant createdAt) {

  /** Why the bill was made. */
  public enum Type { PURCHASE, RENEWAL, ADD_ON_CHANGE, REFUND, USAGE }

  /** One item of a bill. */
  public record Line(String description, Money amount) {}

  public Bill {
    lines = List.copyOf(lines);
  }
}
