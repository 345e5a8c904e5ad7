package io.tenure.resource;

import io.tenure.billing.Bill;
import io.tenure.billing.BillViews;
import io.tenure.lifecycle.LifecycleEvent;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.Operations;
import io.tenure.lifecycle.Timeline;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the API shows resources and their timelines: instants in the account's zone, money as strings. */
final class ResourceViews {

  private ResourceViews() {}

  static Map<String, Object> view(ResourceRecord resource, Optional<Bill> bill) {
    LifecycleState lifecycle = resource.lifecycle();
    ZoneId zone = lifecycle.zone();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", resource.id());
    view.put("accountId", resource.accountId());
    view.put("plan", resource.planCode());
    Map<String, Object> billing = new LinkedHashMap<>();
    billing.put("mode", resource.mode().name());
    billing.put("period", resource.period().map(Enum::name).orElse(null));
    view.put("billing", billing);
    view.put("phase", lifecycle.phase().name());
    view.put("serviceLevel", lifecycle.serviceLevel().name());
    view.put("term", resource.term().map(term -> Map.of("start", at(term.start(), zone), "end", at(term.end(), zone))).orElse(null));
    view.put("expiryDate", lifecycle.expiryDate().map(Object::toString).orElse(null));
    view.put("autoRenew", lifecycle.renewsItself());
    view.put("autoRenewPeriods", lifecycle.autoRenew().periods());
    view.put("addOns", resource.addOns().stream().map(addOn -> Map.of("code", addOn.code(), "quantity", addOn.quantity())).toList());
    view.put("groupId", resource.groupId().orElse(null));
    view.put("policy", lifecycle.policy().code());
    view.put("allowedOperations", Operations.allowed(lifecycle).stream().map(Enum::name).sorted().toList());
    view.put("nextTransition", Timeline.nextTransition(lifecycle)
        .map(change -> Map.of("phase", change.phase().name(), "at", at(change.at(), zone))).orElse(null));
    view.put("createdAt", at(resource.createdAt(), zone));
    bill.ifPresent(value -> view.put("bill", BillViews.view(value, zone)));
    return view;
  }

  /** A timeline entry, past or projected. */
  static Map<String, Object> entry(Instant at, String event, String phase, boolean projected, ZoneId zone) {
    return Map.of("at", at(at, zone), "event", event, "phase", phase, "projected", projected);
  }

  static List<Map<String, Object>> projected(List<LifecycleEvent> events, ZoneId zone) {
    return events.stream().map(event -> entry(event.at(), event.type().name(), event.phase().name(), true, zone)).toList();
  }

  static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }
}
