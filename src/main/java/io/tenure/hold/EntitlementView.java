package io.tenure.hold;

import io.tenure.lifecycle.Operation;
import io.tenure.lifecycle.Phase;
import io.tenure.lifecycle.ServiceLevel;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/resources/{id}/entitlements}: what the resource may do now, after its phase and its holds. */
public record EntitlementView(String resourceId, String accountId, String plan, Phase phase, ServiceLevel serviceLevel,
    List<Operation> allowedOperations, Map<String, Long> limits, List<Entitlement.Feature> features, List<HoldView> holds,
    long sequence) {

  static EntitlementView of(String resourceId, String accountId, String plan, Phase phase, Entitlement entitlement, ZoneId zone) {
    return new EntitlementView(resourceId, accountId, plan, phase, entitlement.serviceLevel(), entitlement.allowedOperations(),
        entitlement.limits(), entitlement.features(), entitlement.holds().stream().map(hold -> HoldView.of(hold, zone)).toList(),
        entitlement.sequence());
  }
}
