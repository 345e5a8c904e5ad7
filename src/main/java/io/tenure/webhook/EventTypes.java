package io.tenure.webhook;

import io.tenure.lifecycle.Phase;
import java.util.List;
import java.util.Optional;

/**
 * The webhook event types and the provider command each comes from (docs/providers.md). The phase an event puts
 * the resource in is part of its payload; an event that changes no phase carries the resource's phase when it is
 * fanned out.
 */
final class EventTypes {
  /** A type, its provider command (io.tenure.lifecycle.ProviderCommand by name), and the phase it means. */
  record EventType(String name, String command, Optional<Phase> phase) {}

  static final String RELEASE_REQUESTED = "resource.release_requested";

  static final List<EventType> ALL = List.of(
      new EventType("resource.activated", "ACTIVATED", Optional.of(Phase.ACTIVE)),
      new EventType("resource.grace", "GRACE", Optional.of(Phase.GRACE)),
      new EventType("resource.frozen", "FROZEN", Optional.of(Phase.FROZEN)),
      new EventType(RELEASE_REQUESTED, "RELEASE_REQUESTED", Optional.of(Phase.RELEASE_PENDING)),
      new EventType("resource.released", "RELEASED", Optional.of(Phase.RELEASED)),
      new EventType("resource.restored", "RESTORE", Optional.of(Phase.ACTIVE)),
      new EventType("resource.unsubscribed", "UNSUBSCRIBED", Optional.of(Phase.UNSUBSCRIBED)),
      new EventType("resource.entitlements_changed", "ENTITLEMENTS_CHANGED", Optional.empty()),
      new EventType("resource.hold_applied", "HOLD_APPLIED", Optional.empty()),
      new EventType("resource.hold_lifted", "HOLD_LIFTED", Optional.empty()));

  private EventTypes() {}

  static Optional<EventType> ofCommand(String command) {
    return ALL.stream().filter(type -> type.command().equals(command)).findFirst();
  }

  static boolean known(String name) {
    return ALL.stream().anyMatch(type -> type.name().equals(name));
  }

  static List<String> names() {
    return ALL.stream().map(EventType::name).toList();
  }
}
