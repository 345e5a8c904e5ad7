package io.tenure.resource;

import io.tenure.billing.Bill;
import io.tenure.billing.BillView;
import io.tenure.lifecycle.LifecycleEvent;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.Operations;
import io.tenure.lifecycle.Timeline;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** How the API shows resources and their timelines: instants in the account's zone, money as strings. */
final class ResourceViews {

  private ResourceViews() {}

  static ResourceView view(ResourceRecord resource, Optional<Bill> bill) {
    LifecycleState lifecycle = resource.lifecycle();
    ZoneId zone = lifecycle.zone();
    return new ResourceView(resource.id(), resource.accountId(), resource.planCode(),
        new ResourceView.Billing(resource.mode(), resource.period().orElse(null)),
        lifecycle.phase(), lifecycle.serviceLevel(),
        resource.term().map(term -> new ResourceView.TermView(at(term.start(), zone), at(term.end(), zone))).orElse(null),
        lifecycle.expiryDate().orElse(null), lifecycle.renewsItself(), lifecycle.autoRenew().periods(),
        resource.addOns().stream().map(addOn -> new ResourceView.AddOnQuantity(addOn.code(), addOn.quantity())).toList(),
        resource.groupId().orElse(null), lifecycle.policy().code(),
        Operations.allowed(lifecycle).stream().sorted(Comparator.comparing(Enum::name)).toList(),
        Timeline.nextTransition(lifecycle).map(change -> new ResourceView.NextTransition(change.phase(), at(change.at(), zone)))
            .orElse(null),
        at(resource.createdAt(), zone), bill.map(value -> BillView.of(value, zone)).orElse(null), null);
  }

  /** A timeline entry, past or projected. */
  static TimelineView.Entry entry(Instant at, String event, String phase, boolean projected, ZoneId zone) {
    return new TimelineView.Entry(at(at, zone), event, phase, projected);
  }

  static List<TimelineView.Entry> projected(List<LifecycleEvent> events, ZoneId zone) {
    return events.stream().map(event -> entry(event.at(), event.type().name(), event.phase().name(), true, zone)).toList();
  }

  static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }
}
