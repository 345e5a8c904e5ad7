package io.tenure.resource;

import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The pure rules of what falls due soon, as the operator's dashboard shows it: a term that ends without an
 * auto-renewal ({@link Kind#EXPIRY}), an auto-renewal the balance does not cover ({@link Kind#AUTO_RENEWAL_SHORT}),
 * and a release of a resource in GRACE or FROZEN if nobody pays ({@link Kind#RELEASE}, at the instant the engine
 * will apply it). An auto-renewal the balance covers is not listed: it renews. Stateless.
 */
public final class FallingDue {
  /** What happens at the instant. */
  public enum Kind { EXPIRY, AUTO_RENEWAL_SHORT, RELEASE }

  /** One thing that falls due at {@code at}. */
  public record Item(Kind kind, Instant at, ResourceRecord resource) {}

  private FallingDue() {}

  /**
   * Of {@code candidates}, what falls due by {@code until} (what is overdue too: the engine has yet to apply it),
   * soonest first (then by resource id);
   * {@code shortOfBalance} says whether an auto-renewing resource's renewal is not covered by its account's balance.
   */
  public static List<Item> of(List<ResourceRecord> candidates, Instant until, Predicate<ResourceRecord> shortOfBalance) {
    List<Item> items = new ArrayList<>();
    for (ResourceRecord resource : candidates) {
      Phase phase = resource.lifecycle().phase();
      Instant termEnd = resource.lifecycle().termEnd();
      if (phase == Phase.ACTIVE && termEnd != null && !termEnd.isAfter(until)) {
        boolean renews = resource.lifecycle().autoRenew().enabled();
        if (!renews) {
          items.add(new Item(Kind.EXPIRY, termEnd, resource));
        } else if (shortOfBalance.test(resource)) {
          items.add(new Item(Kind.AUTO_RENEWAL_SHORT, termEnd, resource));
        }
      } else if (phase == Phase.GRACE || phase == Phase.FROZEN) {
        Lifecycle.releaseAt(resource.lifecycle()).filter(at -> !at.isAfter(until))
            .ifPresent(at -> items.add(new Item(Kind.RELEASE, at, resource)));
      }
    }
    items.sort(Comparator.comparing(Item::at).thenComparing(item -> item.resource().id()));
    return items;
  }
}
