package io.tenure.engine;

import io.tenure.lifecycle.Lifecycle;
import io.tenure.resource.ResourceRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The due events of one account's resources, in due order: each resource is in it once, at its next due instant.
 * A resource queued again (after a step, or after an effect of another resource changed it) replaces its earlier
 * place, which is then skipped. The account's hourly settlement is in it as one more entry ({@link #SETTLEMENT}). Not thread-safe: one per account processing.
 */
final class AccountStream {
  /** A due event of one resource: the order of an account's stream. */
  record Due(Instant at, String resourceId) implements Comparable<Due> {
    private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparing(Due::resourceId);

    @Override
    public int compareTo(Due other) {
      return ORDER.compare(this, other);
    }
  }

  private final PriorityQueue<Due> order = new PriorityQueue<>();
  private final Map<String, Due> places = new HashMap<>();

  /** The place of the account's hourly settlement: its id sorts before every resource's, so it goes first at an instant. */
  static final String SETTLEMENT = "";

  void queue(ResourceRecord resource) {
    queue(resource.id(), Lifecycle.nextDueAt(resource.lifecycle()));
  }

  /** Queues the resource at {@code nextDue}, its state's next due instant as already derived (empty: none). */
  void queue(String resourceId, Optional<Instant> nextDue) {
    place(resourceId, nextDue);
  }

  /** Queues the account's next hourly settlement, at the end of the hour it settles (empty: none). */
  void queueSettlement(Optional<Instant> hourEnd) {
    place(SETTLEMENT, hourEnd);
  }

  private void place(String id, Optional<Instant> at) {
    at.map(instant -> new Due(instant, id)).ifPresentOrElse(place -> {
      places.put(id, place);
      order.add(place);
    }, () -> places.remove(id));
  }

  /** The first event, if it is due by {@code now} and before {@code horizon}; it leaves the stream. */
  Optional<Due> next(Instant now, Optional<Due> horizon) {
    while (!order.isEmpty()) {
      Due first = order.peek();
      if (first.at().isAfter(now) || horizon.filter(limit -> first.compareTo(limit) >= 0).isPresent()) {
        return Optional.empty();
      }
      order.poll();
      if (first.equals(places.get(first.resourceId()))) {
        places.remove(first.resourceId());
        return Optional.of(first);
      }
    }
    return Optional.empty();
  }

  /** Whether the resource still has something due by {@code now}: the next chunk's. */
  boolean stillDue(String resourceId, Instant now) {
    Due place = places.get(resourceId);
    return place != null && !place.at().isAfter(now);
  }
}
