package io.tenure.cli;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What {@code bench notices} checks in the database: whether a phase has settled, and at the end that every delivery
 * was delivered once: {@code DELIVERED}, after exactly one attempt for e-mail and SMS, and its key received exactly
 * once by the receivers, which took no other key.
 */
final class DeliveryCheck {

  private DeliveryCheck() {}

  /** The end of the run: the check's outcome and its line of output. */
  record Result(long deliveries, long notDelivered, long notOnce, long strayKeys) {
    boolean passed() {
      return deliveries > 0 && notDelivered == 0 && notOnce == 0 && strayKeys == 0;
    }

    String line() {
      return passed()
          ? "check: all " + deliveries + " deliveries DELIVERED, every e-mail and SMS after one attempt and received exactly once: OK"
          : "check: FAILED: of " + deliveries + " deliveries " + notDelivered + " not DELIVERED, " + notOnce
              + " not sent or not received exactly once, and " + strayKeys + " keys received that no delivery has";
    }
  }

  /**
   * Whether every notice row is fanned out and no delivery is pending ({@code complete}: only then is it worth asking);
   * throws when an attempt has failed, since then not every delivery can be delivered once.
   */
  static boolean settled(Jdbi jdbi, boolean complete) {
    return jdbi.withHandle(handle -> {
      Optional<String> failure = handle.createQuery("""
              SELECT last_error FROM deliveries WHERE status IN ('PENDING', 'FAILED') AND last_error IS NOT NULL LIMIT 1""")
          .mapTo(String.class).findFirst();
      if (failure.isPresent()) {
        throw new IllegalStateException("bench - a delivery attempt failed: " + failure.get());
      }
      return complete && handle.createQuery("""
              SELECT (SELECT coalesce(sum(cardinality(sequences)), 0) FROM notice_outbox)
                + (SELECT count(*) FROM deliveries WHERE status = 'PENDING')""")
          .mapTo(Long.class).one() == 0;
    });
  }

  /** How many notice rows wait to be fanned out (the entries of the notices' outbox). */
  static long waitingToFanOut(Jdbi jdbi) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT coalesce(sum(cardinality(sequences)), 0) FROM notice_outbox")
        .mapTo(Long.class).one());
  }

  /** Compares every delivery with what the receivers took during the dispatcher's phases. */
  static Result run(Jdbi jdbi, Receipts receipts) {
    long[] counts = new long[4];
    jdbi.useHandle(handle -> handle.createQuery("SELECT channel, dedup_key, status, attempts FROM deliveries")
        .setFetchSize(10_000)
        .map((row, context) -> {
          boolean outbound = !row.getString("channel").equals("IN_APP");
          counts[0]++;
          if (!row.getString("status").equals("DELIVERED")) {
            counts[1]++;
          }
          if (outbound) {
            counts[3]++;
            if (row.getInt("attempts") != 1 || receipts.times(row.getString("dedup_key")) != 1) {
              counts[2]++;
            }
          }
          return 0;
        }).forEach(ignored -> { }));
    return new Result(counts[0], counts[1], counts[2], receipts.distinct() - counts[3]);
  }
}
