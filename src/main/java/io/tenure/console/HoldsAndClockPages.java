package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's holds of an account ({@code GET /v1/holds?accountId=}, lifted ones too) with a lift for each
 * hold in force, and the clock: Tenure's now and, when the clock is simulated, a control that advances it
 * ({@code POST /v1/clock/advance}), processing everything that falls due on the way as the API call does.
 */
public final class HoldsAndClockPages {
  private HoldsAndClockPages() {}

  public record Holds(String accountId, List<HoldRow> holds, String next) {}

  public record HoldRow(String id, String scope, String resourceId, String feature, String reason, boolean permanent,
      String note, boolean inForce, String appliedAt, String appliedBy, String liftedAt) {}

  /** The clock's now in the operator's zone, or null when Tenure runs on the system clock. */
  public record Clock(String now) {}

  static void register(ConsoleRoutes routes) {
    routes.link(ResourceTools.OPERATOR, "/console/holds", "nav.holds")
        .link(ResourceTools.OPERATOR, "/console/clock", "nav.clock");
    routes.page("/console/holds", ResourceTools.OPERATOR, HoldsAndClockPages::holds);
    routes.page("/console/clock", ResourceTools.OPERATOR, visit -> visit.page("operator-clock.jte", "clock.title", clock(visit)));
    routes.action("/console/clock/advance", ResourceTools.OPERATOR, visit -> {
      visit.send("POST", "/v1/clock/advance", advance(visit), null);
      visit.redirect("/console/clock", "notice.clockAdvanced");
    });
  }

  private static void holds(Visit visit) {
    String accountId = query(visit, "accountId");
    String after = query(visit, "after");
    List<HoldRow> rows = new ArrayList<>();
    String next = null;
    if (!accountId.isEmpty()) {
      JsonNode page = visit.get("/v1/holds?accountId=" + Visit.encode(accountId) + "&limit=" + DeliveryPages.PAGE_SIZE
          + (after.isEmpty() ? "" : "&after=" + Visit.encode(after)));
      page.path("items").forEach(hold -> rows.add(new HoldRow(hold.path("id").asText(), hold.path("scope").asText(),
          hold.path("resourceId").asText(""), hold.path("feature").asText(""), hold.path("reason").asText(),
          hold.path("permanent").asBoolean(), hold.path("note").asText(""), hold.path("inForce").asBoolean(),
          Dates.prose(hold.path("appliedAt")), hold.path("appliedBy").asText(), Dates.prose(hold.path("liftedAt")))));
      next = CustomerRoutes.next(page);
    }
    visit.page("operator-holds.jte", "holds.title", new Holds(accountId, rows, next));
  }

  private static Clock clock(Visit visit) {
    try {
      return new Clock(Dates.prose(visit.get("/v1/clock").path("now")));
    } catch (ApiClient.ApiRefusal systemClock) {
      if (!"CLOCK_NOT_SIMULATED".equals(systemClock.code())) {
        throw systemClock;
      }
      return new Clock(null);
    }
  }

  /** The advance the form asks for: to an instant when one is given, else a number of hours or days. */
  private static Map<String, Object> advance(Visit visit) {
    Map<String, Object> body = new LinkedHashMap<>();
    String to = visit.form("to").trim();
    if (!to.isEmpty()) {
      body.put("to", to);
      return body;
    }
    String unit = "days".equals(visit.form("unit")) ? "days" : "hours";
    try {
      body.put(unit, Integer.parseInt(visit.form("amount").trim()));
    } catch (NumberFormatException notANumber) {
      // The API refuses the text as it was given, with its own message.
      body.put(unit, visit.form("amount"));
    }
    return body;
  }

  private static String query(Visit visit, String name) {
    String value = visit.context().queryParam(name);
    return value == null ? "" : value.trim();
  }
}
