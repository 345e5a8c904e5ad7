package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The operator's dashboard, the operator's {@code /console/home}: resources by phase, what falls due in the next 7
 * days, accounts in arrears, failed deliveries, failing webhook endpoints and the clock. Six independent reads of the
 * API, made at once; each list shows at most {@link #ROWS} rows and links to where the rest is.
 */
public final class DashboardRoutes {
  static final int ROWS = 20;
  private static final int DUE_ROWS = 50;

  private DashboardRoutes() {}

  public record Dashboard(String clock, boolean simulated, Map<String, Long> phases, String dueUntil, List<DueRow> due,
      boolean dueTruncated, List<ArrearsRow> arrears, boolean moreArrears, List<FailedDelivery> failedDeliveries,
      boolean moreFailed, List<FailingEndpoint> failingEndpoints) {}

  public record DueRow(String kind, String at, String resourceId, String accountId, String plan, String phase) {}

  public record ArrearsRow(String id, String name, String balance, String currency, String since) {}

  public record FailedDelivery(String id, String accountId, String type, String channel, String address, String lastError,
      String createdAt) {}

  public record FailingEndpoint(String id, String url, String status, String failingSince, String disabledAt,
      String disabledReason) {}

  static void dashboard(Visit visit) {
    List<Callable<JsonNode>> reads = List.of(
        () -> visit.get("/v1/resource-outlook?days=7&limit=" + DUE_ROWS),
        () -> visit.get("/v1/accounts?filter=in-arrears&limit=" + ROWS),
        () -> visit.get("/v1/messages?status=failed&limit=" + ROWS),
        () -> visit.get("/v1/webhook-endpoints"),
        () -> clock(visit));
    List<JsonNode> answers = visit.all(reads);
    JsonNode outlook = answers.get(0);
    Map<String, Long> phases = new LinkedHashMap<>();
    outlook.path("phases").properties().forEach(phase -> phases.put(phase.getKey(), phase.getValue().asLong()));
    List<DueRow> due = new ArrayList<>();
    outlook.path("due").forEach(item -> due.add(new DueRow(item.path("kind").asText(), Dates.prose(item.path("at")),
        item.path("resourceId").asText(), item.path("accountId").asText(), item.path("plan").asText(), item.path("phase").asText())));
    JsonNode clock = answers.get(4);
    visit.page("operator-dashboard.jte", "dashboard.title", new Dashboard(
        clock.isNull() ? visit.text().get("home.systemClock") : Dates.prose(clock.path("now")), !clock.isNull(), phases,
        Dates.prose(outlook.path("until")), due, outlook.path("truncated").asBoolean(), arrears(answers.get(1)),
        CustomerRoutes.next(answers.get(1)) != null, failed(answers.get(2)), CustomerRoutes.next(answers.get(2)) != null,
        failing(answers.get(3))));
  }

  /** The simulated clock's answer; a JSON null on the system clock (the API refuses to show it). */
  private static JsonNode clock(Visit visit) {
    try {
      return visit.get("/v1/clock");
    } catch (ApiClient.ApiRefusal systemClock) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
  }

  private static List<ArrearsRow> arrears(JsonNode page) {
    List<ArrearsRow> rows = new ArrayList<>();
    page.path("items").forEach(account -> rows.add(new ArrearsRow(account.path("id").asText(), account.path("name").asText(),
        account.path("balance").asText(), account.path("currency").asText(), Dates.prose(account.path("arrearsSince")))));
    return rows;
  }

  private static List<FailedDelivery> failed(JsonNode page) {
    List<FailedDelivery> rows = new ArrayList<>();
    page.path("items").forEach(delivery -> rows.add(new FailedDelivery(delivery.path("id").asText(),
        delivery.path("accountId").asText(), delivery.path("type").asText(), delivery.path("channel").asText(),
        delivery.path("address").asText(), delivery.path("lastError").asText(""), Dates.prose(delivery.path("createdAt")))));
    return rows;
  }

  /** The endpoints whose every attempt fails since some instant, and those disabled. */
  private static List<FailingEndpoint> failing(JsonNode page) {
    List<FailingEndpoint> rows = new ArrayList<>();
    page.path("items").forEach(endpoint -> {
      if (endpoint.hasNonNull("failingSince") || endpoint.hasNonNull("disabledAt")) {
        rows.add(new FailingEndpoint(endpoint.path("id").asText(), endpoint.path("url").asText(),
            endpoint.path("status").asText(), Dates.prose(endpoint.path("failingSince")),
            Dates.prose(endpoint.path("disabledAt")), endpoint.path("disabledReason").asText("")));
      }
    });
    return rows;
  }
}
