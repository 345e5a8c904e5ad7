package io.tenure.partner;

import io.tenure.lifecycle.EventType;
import io.tenure.lifecycle.LifecycleEvent;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.Timeline;
import io.tenure.resource.ResourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pure rules of what a partner is warned of about an account's resources: a term that ends within
 * {@link #EXPIRING_WITHIN}, and the instant a resource in GRACE or FROZEN will be released if nobody pays, as the
 * engine will apply it ({@link Timeline}). Stateless.
 */
final class AtRisk {
  /** How far ahead a partner is shown expiring terms (seed 003's "expiring within 7 days"). */
  static final Duration EXPIRING_WITHIN = Duration.ofDays(7);
  /** How far ahead a release is looked for: longer than any policy's GRACE and FROZEN together. */
  private static final Duration RELEASE_HORIZON = Duration.ofDays(800);

  /** A resource whose paid term ends soon; {@code autoRenew} says whether it renews itself if the money is there. */
  record Expiring(ResourceRecord resource, Instant termEnd, boolean autoRenew) {}

  /** A resource on its way to a release at {@code releaseAt}. */
  record Release(ResourceRecord resource, Phase phase, Instant releaseAt) {}

  private AtRisk() {}

  /** Of {@code resources}, the ACTIVE ones whose term ends by {@code now} plus {@link #EXPIRING_WITHIN}, in order. */
  static List<Expiring> expiring(List<ResourceRecord> resources, Instant now) {
    Instant by = now.plus(EXPIRING_WITHIN);
    return resources.stream()
        .filter(resource -> resource.lifecycle().phase() == Phase.ACTIVE && resource.lifecycle().termEnd() != null
            && !resource.lifecycle().termEnd().isAfter(by))
        .map(resource -> new Expiring(resource, resource.lifecycle().termEnd(), resource.lifecycle().autoRenew().enabled()))
        .toList();
  }

  /** Of {@code resources}, those in GRACE or FROZEN with the instant their release is requested, in order. */
  static List<Release> releases(List<ResourceRecord> resources, Instant now) {
    return resources.stream()
        .filter(resource -> resource.lifecycle().phase() == Phase.GRACE || resource.lifecycle().phase() == Phase.FROZEN)
        .flatMap(resource -> releaseAt(resource.lifecycle(), now)
            .map(at -> new Release(resource, resource.lifecycle().phase(), at)).stream())
        .toList();
  }

  private static Optional<Instant> releaseAt(LifecycleState state, Instant now) {
    return Timeline.project(state, now, now.plus(RELEASE_HORIZON)).stream()
        .filter(event -> event.type() == EventType.RELEASE_REQUESTED || event.type() == EventType.RELEASED)
        .map(LifecycleEvent::at)
        .findFirst();
  }
}
