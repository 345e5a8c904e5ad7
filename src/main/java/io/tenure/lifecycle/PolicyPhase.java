package io.tenure.lifecycle;

import io.tenure.error.Require;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One phase of a policy after its trigger: which {@link Phase} (GRACE or FROZEN), the service level, and
 * its length per tier. An empty {@code lengthByTier} means the phase lasts until the customer pays (the
 * policy then has no release). A tier not named gets the {@code default} row.
 *
 * @param label how customers see the phase ("Expired", "Features locked", "Isolated")
 */
public record PolicyPhase(Phase phase, ServiceLevel service, Map<String, Duration> lengthByTier, String label) {

  public static final String DEFAULT_TIER = "default";

  public PolicyPhase {
    Require.invariant(phase == Phase.GRACE || phase == Phase.FROZEN, "a policy phase is GRACE or FROZEN, not %s", phase);
    lengthByTier = Map.copyOf(lengthByTier);
    Require.invariant(lengthByTier.isEmpty() || lengthByTier.containsKey(DEFAULT_TIER),
        "phase %s names tiers %s but no default row", phase, lengthByTier.keySet());
    lengthByTier.values().forEach(length -> Require.invariant(!length.isNegative() && !length.isZero(),
        "phase %s has a non-positive length %s", phase, length));
  }

  /** How long this phase lasts for {@code tier}; empty when it lasts until the customer pays. */
  public Optional<Duration> length(String tier) {
    if (lengthByTier.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(lengthByTier.getOrDefault(tier, lengthByTier.get(DEFAULT_TIER)));
  }

  public boolean isIndefinite() {
    return lengthByTier.isEmpty();
  }
}
