package io.tenure.billing;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the API shows a bill: money as decimal strings, the instant in the account's zone. */
public final class BillViews {

  private BillViews() {}

  public static Map<String, Object> view(Bill bill, ZoneId zone) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", bill.id());
    view.put("type", bill.type().name());
    view.put("resourceId", bill.resourceId());
    view.put("total", bill.total().toString());
    view.put("currency", bill.total().currency().getCurrencyCode());
    view.put("lines", bill.lines().stream()
        .map(line -> Map.of("description", line.description(), "amount", line.amount().toString())).toList());
    view.put("createdAt", bill.createdAt().atZone(zone).toOffsetDateTime());
    return view;
  }
}
