package io.tenure.hold;

import io.tenure.lifecycle.Operation;
import io.tenure.lifecycle.ServiceLevel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a resource may do now, after its phase and its holds (SPEC.md section 9). Immutable.
 *
 * @param allowedOperations in the order of {@link Operation}
 * @param limits the total per dimension from the plan and its add-ons ({@code users: 10, storage_gb: 300})
 * @param features every named feature of the plan, each locked or not
 * @param holds the holds in force that bear on the resource (its own, its features', its account's)
 * @param sequence the resource's newest provider command, 0 when it has none: a provider that has applied a
 *     command of this sequence or later already knows this state
 */
public record Entitlement(ServiceLevel serviceLevel, List<Operation> allowedOperations, Map<String, Long> limits,
    List<Feature> features, List<Hold> holds, long sequence) {

  /** One feature of the plan and whether the resource may use it now. */
  public record Feature(String code, boolean locked) {}

  public Entitlement {
    allowedOperations = List.copyOf(allowedOperations);
    limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    features = List.copyOf(features);
    holds = List.copyOf(holds);
  }
}
