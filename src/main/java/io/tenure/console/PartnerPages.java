package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Caller;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A partner's pages (a partner key): its watch list as home, with the filters in arrears and low balance, and an
 * account of its own with its resources and bills. Everything is read through the partner's key, so another
 * partner's account is the API's 404, shown as the console's not-found page. The top-up is the operator's, in
 * {@link TopUpRoutes}.
 */
public final class PartnerPages {
  static final Set<Caller.Scope> PARTNER = EnumSet.of(Caller.Scope.PARTNER);
  /** Accounts of one home page: each costs the API two statements for its runway. */
  static final int ACCOUNTS_PER_PAGE = 50;
  /** Resources and bills of one account page, each list paged on its own. */
  static final int ROWS_PER_LIST = 25;
  /** The filters of the watch list, as the API names them. */
  static final List<String> FILTERS = List.of("in-arrears", "low-balance");

  private PartnerPages() {}

  /** The watch list: a page of the partner's accounts, under a filter or none (empty). */
  public record Home(String filter, List<String> filters, List<AccountRow> accounts, String next) {}

  public record AccountRow(String id, String name, String tier, String balance, String creditLimit, String currency,
      Arrears arrears, String lowBalanceSince, String runwayHours, List<Expiring> expiringSoon, List<Release> releases) {}

  /** Since when an account is in arrears and what it owes; null in a row not in arrears. */
  public record Arrears(String since, String amount) {}

  public record Expiring(String resourceId, String plan, String termEnd, boolean autoRenew) {}

  public record Release(String resourceId, String plan, String phase, String releaseAt) {}

  /** One account of the partner: its money, a page of its resources and a page of its bills. */
  public record AccountPage(String id, String name, String tier, String currency, String balance, String creditLimit,
      Arrears arrears, String lowBalanceSince, String zone, List<ResourceRow> resources, String resourcesNext,
      List<CustomerRoutes.BillRow> bills, String billsNext) {}

  public record ResourceRow(String id, String plan, String phase, String termEnd, boolean autoRenew) {}

  static void register(ConsoleRoutes routes) {
    routes.page("/console/partner/accounts/{id}", PARTNER, visit -> notFoundOutsideScope(routes, visit, page ->
        page.page("partner-account.jte", "partner.account.title", account(page, page.context().pathParam("id")))));
  }

  /** The partner's home, {@code /console/home}. */
  static void home(Visit visit) {
    String filter = visit.context().queryParam("filter");
    filter = filter == null ? "" : filter;
    String after = visit.context().queryParam("after");
    JsonNode page = visit.get("/v1/partners/" + Visit.encode(visit.caller().partnerId()) + "/accounts?limit="
        + ACCOUNTS_PER_PAGE + (filter.isEmpty() ? "" : "&filter=" + Visit.encode(filter))
        + (after == null ? "" : "&after=" + Visit.encode(after)));
    List<AccountRow> rows = new ArrayList<>();
    page.path("items").forEach(account -> rows.add(row(account)));
    visit.page("partner-home.jte", "home.partner.title", new Home(filter, FILTERS, rows, CustomerRoutes.next(page)));
  }

  private static AccountRow row(JsonNode account) {
    List<Expiring> expiring = new ArrayList<>();
    account.path("expiringSoon").forEach(term -> expiring.add(new Expiring(term.path("resourceId").asText(),
        term.path("plan").asText(), Dates.prose(term.path("termEnd")), term.path("autoRenew").asBoolean())));
    List<Release> releases = new ArrayList<>();
    account.path("releasesScheduled").forEach(release -> releases.add(new Release(release.path("resourceId").asText(),
        release.path("plan").asText(), release.path("phase").asText(), Dates.prose(release.path("releaseAt")))));
    JsonNode arrears = account.path("arrears");
    return new AccountRow(account.path("id").asText(), account.path("name").asText(), account.path("tier").asText(),
        account.path("balance").asText(), account.path("creditLimit").asText(), account.path("currency").asText(),
        arrears.isObject() ? new Arrears(Dates.prose(arrears.path("since")), arrears.path("amount").asText()) : null,
        Dates.prose(account.path("lowBalanceSince")), account.path("runwayHours").asText(""), expiring, releases);
  }

  private static AccountPage account(Visit visit, String id) {
    String path = accountPath(id);
    String resourcesAfter = visit.context().queryParam("resourcesAfter");
    String billsBefore = visit.context().queryParam("billsBefore");
    // The account first: another partner's account stops here, before anything else is asked.
    JsonNode account = visit.get(path);
    List<JsonNode> lists = visit.all(List.of(
        () -> visit.get(path + "/resources?limit=" + ROWS_PER_LIST
            + (resourcesAfter == null ? "" : "&after=" + Visit.encode(resourcesAfter))),
        () -> visit.get(path + "/bills?limit=" + ROWS_PER_LIST
            + (billsBefore == null ? "" : "&before=" + Visit.encode(billsBefore)))));
    List<ResourceRow> resources = new ArrayList<>();
    lists.get(0).path("items").forEach(resource -> resources.add(new ResourceRow(resource.path("id").asText(),
        resource.path("plan").asText(), resource.path("phase").asText(), Dates.prose(resource.path("term").path("end")),
        resource.path("autoRenew").asBoolean())));
    List<CustomerRoutes.BillRow> bills = new ArrayList<>();
    lists.get(1).path("items").forEach(bill -> bills.add(new CustomerRoutes.BillRow(bill.path("id").asText(),
        bill.path("type").asText(), bill.path("resourceId").asText(""), bill.path("total").asText(),
        bill.path("currency").asText(), Dates.prose(bill.path("createdAt")))));
    String balance = account.path("balance").asText();
    Arrears arrears = account.path("inArrears").asBoolean()
        ? new Arrears(Dates.prose(account.path("arrearsSince")), balance.startsWith("-") ? balance.substring(1) : balance)
        : null;
    return new AccountPage(id, account.path("name").asText(), account.path("tier").asText(),
        account.path("currency").asText(), balance, account.path("settings").path("creditLimit").asText("0.00"), arrears,
        Dates.prose(account.path("lowBalanceSince")), account.path("timeZone").asText(), resources,
        CustomerRoutes.next(lists.get(0)), bills, CustomerRoutes.next(lists.get(1)));
  }

  static String accountPath(String id) {
    return "/v1/accounts/" + Visit.encode(id);
  }

  /**
   * Runs {@code page}; an account the key may not see (the API's 404) is the console's own not-found page, so
   * nothing of the API's words about it, not even its id, reaches the page.
   */
  static void notFoundOutsideScope(ConsoleRoutes routes, Visit visit, ConsoleRoutes.Handler page) throws Exception {
    try {
      page.handle(visit);
    } catch (ApiClient.ApiRefusal refusal) {
      if (refusal.status() != 404) {
        throw refusal;
      }
      routes.problem(visit.context(), 404, visit.text(), "error.notFound");
    }
  }
}
