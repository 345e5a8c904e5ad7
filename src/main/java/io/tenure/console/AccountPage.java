package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an account's page shows ({@link AccountPageRoutes}), built from the API's answers. Every instant is as the
 * API wrote it, in the account's zone.
 */
public record AccountPage(Facts facts, List<ContactRow> contacts, Map<String, String> settings, Ledger ledger,
    Section<BillRow> bills, Section<MessageRow> messages, Section<ResourceRow> resources, Section<HoldRow> holds,
    String here) {

  public record Facts(String id, String name, String partnerId, String tier, String timeZone, String locale, String currency,
      String balance, String creditLimit, boolean inArrears, String arrearsSince, String lowBalanceSince,
      String autoRechargeDisabledAt, String createdAt) {}

  public record ContactRow(String name, String role, String email, String phone) {}

  /** One list of the page and the link to its next page (null: the last). */
  public record Section<T>(List<T> rows, String next) {}

  /** The ledger's page: each transaction with the wallet's change and the balance after it. */
  public record Ledger(List<LedgerRow> rows, String next) {}

  public record LedgerRow(long sequence, String kind, String description, String createdAt, String change, String balanceAfter) {}

  public record BillRow(String id, String type, String resourceId, String total, String currency, String createdAt) {}

  public record MessageRow(String type, String title, String createdAt, boolean read) {}

  public record ResourceRow(String id, String plan, String phase, String termEnd, boolean autoRenew) {}

  public record HoldRow(String id, String scope, String resourceId, String reason, boolean inForce, String appliedAt) {}

  static Facts facts(JsonNode account) {
    return new Facts(account.path("id").asText(), account.path("name").asText(), account.path("partnerId").asText(""),
        account.path("tier").asText(), account.path("timeZone").asText(), account.path("locale").asText(),
        account.path("currency").asText(), account.path("balance").asText(),
        account.path("settings").path("creditLimit").asText(""), account.path("inArrears").asBoolean(),
        Dates.prose(account.path("arrearsSince")), Dates.prose(account.path("lowBalanceSince")),
        Dates.prose(account.path("autoRechargeDisabledAt")), Dates.prose(account.path("createdAt")));
  }

  static List<ContactRow> contacts(JsonNode account) {
    List<ContactRow> rows = new ArrayList<>();
    account.path("contacts").forEach(contact -> rows.add(new ContactRow(contact.path("name").asText(),
        contact.path("role").asText(), contact.path("email").asText(""), contact.path("phone").asText(""))));
    return rows;
  }

  /** The settings as written by the API, nested values flattened ({@code autoRecharge.amount}). */
  static Map<String, String> settings(JsonNode settings) {
    Map<String, String> flat = new TreeMap<>();
    settings.properties().forEach(setting -> {
      if (setting.getValue().isObject()) {
        setting.getValue().properties().forEach(inner -> flat.put(setting.getKey() + "." + inner.getKey(), inner.getValue().asText()));
      } else {
        flat.put(setting.getKey(), setting.getValue().asText());
      }
    });
    return flat;
  }

  /**
   * The ledger's page with a running balance: {@code balanceAfterNewest} is the balance after the page's newest
   * transaction; each older one's is the newer one's less the newer one's change of the wallet. The link to the next
   * page carries the balance after its newest transaction, so the column continues across pages.
   */
  static Ledger ledger(JsonNode page, String accountId, String balanceAfterNewest, String here) {
    String wallet = "wallet:" + accountId;
    BigDecimal balance = new BigDecimal(balanceAfterNewest);
    List<LedgerRow> rows = new ArrayList<>();
    for (JsonNode transaction : page.path("items")) {
      BigDecimal change = BigDecimal.ZERO;
      for (JsonNode entry : transaction.path("entries")) {
        if (wallet.equals(entry.path("book").asText())) {
          change = change.add(new BigDecimal(entry.path("amount").asText()));
        }
      }
      rows.add(new LedgerRow(transaction.path("sequence").asLong(), transaction.path("kind").asText(),
          transaction.path("description").asText(), Dates.prose(transaction.path("createdAt")), signed(change),
          balance.toPlainString()));
      balance = balance.subtract(change);
    }
    String next = CustomerRoutes.next(page);
    return new Ledger(rows, next == null ? null
        : here + "?ledgerBefore=" + Visit.encode(next) + "&ledgerBalance=" + Visit.encode(balance.toPlainString()));
  }

  private static String signed(BigDecimal amount) {
    return amount.signum() > 0 ? "+" + amount.toPlainString() : amount.toPlainString();
  }

  static Section<BillRow> bills(JsonNode page, String next) {
    List<BillRow> rows = new ArrayList<>();
    page.path("items").forEach(bill -> rows.add(new BillRow(bill.path("id").asText(), bill.path("type").asText(),
        bill.path("resourceId").asText(""), bill.path("total").asText(), bill.path("currency").asText(),
        Dates.prose(bill.path("createdAt")))));
    return new Section<>(rows, next);
  }

  static Section<MessageRow> messages(JsonNode page, String next) {
    List<MessageRow> rows = new ArrayList<>();
    page.path("items").forEach(message -> rows.add(new MessageRow(message.path("type").asText(), message.path("title").asText(),
        Dates.prose(message.path("createdAt")), message.path("read").asBoolean())));
    return new Section<>(rows, next);
  }

  static Section<ResourceRow> resources(JsonNode page, String next) {
    List<ResourceRow> rows = new ArrayList<>();
    page.path("items").forEach(resource -> rows.add(new ResourceRow(resource.path("id").asText(), resource.path("plan").asText(),
        resource.path("phase").asText(), Dates.prose(resource.path("term").path("end")), resource.path("autoRenew").asBoolean())));
    return new Section<>(rows, next);
  }

  static Section<HoldRow> holds(JsonNode page, String next) {
    List<HoldRow> rows = new ArrayList<>();
    page.path("items").forEach(hold -> rows.add(new HoldRow(hold.path("id").asText(), hold.path("scope").asText(),
        hold.path("resourceId").asText(""), hold.path("reason").asText(), hold.path("inForce").asBoolean(),
        Dates.prose(hold.path("appliedAt")))));
    return new Section<>(rows, next);
  }
}
