package io.tenure.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.ledger.Audit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Compares every reply with what the model predicts, and the stored ledger with Tenure's own audit. The first
 * difference is a {@link Violation}. Stateless apart from the count of checks made.
 */
final class Auditor {
  /** The events of a timeline that are not periodic: each happens exactly once, at its own instant. */
  private static final Set<String> ONCE = Set.of("PURCHASED", "ENTERED_GRACE", "ENTERED_FROZEN", "RELEASE_REQUESTED",
      "RELEASED", "RENEWED", "RESTORED", "UNSUBSCRIBED");

  long checks;

  void reply(ModelAccount account, String call, Expected expected, Http.Reply reply) {
    checks++;
    if (reply.status() != expected.status() || !reply.code().equals(expected.code())) {
      throw new Violation(account == null ? null : account.id, reply.node(),
          call + ": expected " + expected + ", got " + reply.content() + " from node " + reply.node());
    }
    if (!expected.ok() || expected.billTotal() == null) {
      return;
    }
    JsonNode bill = reply.body().path("bill");
    BigDecimal total = bill.isMissingNode() || bill.isNull() ? BigDecimal.ZERO : new BigDecimal(bill.path("total").asText());
    if (total.compareTo(expected.billTotal()) != 0) {
      throw new Violation(account.id, reply.node(), call + ": expected a bill of " + expected.billTotal().toPlainString() + ", got "
          + reply.content());
    }
  }

  void balance(ModelAccount account, String call, JsonNode reply) {
    checks++;
    BigDecimal balance = new BigDecimal(reply.path("balance").asText("NaN").replace("NaN", "-999999999"));
    if (balance.compareTo(account.balance) != 0) {
      throw new Violation(account.id, call + ": expected the balance " + account.balance.toPlainString() + " of account "
          + account.name + ", got " + reply.path("balance"));
    }
  }

  /** A resource as {@code GET /v1/resources/{id}} shows it, against the model. */
  void resource(Model model, ModelResource resource, JsonNode reply) {
    checks++;
    List<String> differences = new ArrayList<>();
    same(differences, "phase", resource.phase, reply.path("phase").asText());
    OffsetDateTime end = OffsetDateTime.parse(reply.path("term").path("end").asText());
    same(differences, "term.end", resource.termEnd, end.toInstant());
    same(differences, "term.end offset", resource.account.zone.getRules().getOffset(resource.termEnd), end.getOffset());
    same(differences, "autoRenew", resource.autoRenew && !resource.ended(), reply.path("autoRenew").asBoolean());
    same(differences, "autoRenewPeriods", resource.autoRenewPeriods, reply.path("autoRenewPeriods").asInt());
    List<String> allowed = new ArrayList<>();
    reply.path("allowedOperations").forEach(operation -> allowed.add(operation.asText()));
    same(differences, "allowedOperations", Model.allowed(resource), allowed);
    List<String> addOns = new ArrayList<>();
    reply.path("addOns").forEach(addOn -> addOns.add(addOn.path("code").asText() + "×" + addOn.path("quantity").asLong()));
    List<String> expectedAddOns = new ArrayList<>();
    resource.addOns.forEach((code, holding) -> expectedAddOns.add(code + "×" + holding.quantity));
    same(differences, "addOns", expectedAddOns.stream().sorted().toList(), addOns.stream().sorted().toList());
    JsonNode next = reply.path("nextTransition");
    String expectedNext = model.lifecycle.nextTransition(resource)
        .map(at -> model.lifecycle.nextPhase(resource) + "@" + at).orElse("none");
    String actualNext = next.isNull() || next.isMissingNode() ? "none"
        : next.path("phase").asText() + "@" + OffsetDateTime.parse(next.path("at").asText()).toInstant();
    same(differences, "nextTransition", expectedNext, actualNext);
    if (!differences.isEmpty()) {
      throw new Violation(resource.account.id, "resource " + resource.id + " (" + resource.plan + ", tier "
          + resource.account.tier + ", " + resource.account.zone + ") at " + model.now + ": " + String.join("; ", differences));
    }
  }

  /**
   * The timeline's past events that happen once (phase changes, renewals, restores, releases): each exactly once,
   * stamped with the instant it fell due; and no release before its retention ended by the clock.
   */
  void timeline(Model model, ModelResource resource, JsonNode reply) {
    checks++;
    List<ModelResource.Event> actual = new ArrayList<>();
    reply.path("events").forEach(event -> {
      if (!event.path("projected").asBoolean() && ONCE.contains(event.path("event").asText())) {
        actual.add(new ModelResource.Event(OffsetDateTime.parse(event.path("at").asText()).toInstant(), event.path("event").asText()));
      }
    });
    if (!actual.equals(resource.events)) {
      throw new Violation(resource.account.id, "timeline of resource " + resource.id + " (" + resource.plan + ", tier "
          + resource.account.tier + ", " + resource.account.zone + ") at " + model.now + ": expected " + resource.events
          + ", got " + actual);
    }
    for (ModelResource.Event event : actual) {
      if (event.type().equals("RELEASED") && event.at().isAfter(model.now)) {
        throw new Violation(resource.account.id, "resource " + resource.id + " released at " + event.at()
            + ", after the clock's " + model.now);
      }
    }
  }

  /** The wallet's ledger entries: exactly the movements the model made, each once. */
  void ledger(ModelAccount account, List<BigDecimal> entries) {
    checks++;
    List<BigDecimal> expected = account.movements.stream().map(BigDecimal::stripTrailingZeros).sorted().toList();
    List<BigDecimal> actual = entries.stream().filter(amount -> amount.signum() != 0).map(BigDecimal::stripTrailingZeros)
        .sorted().toList();
    if (!expected.equals(actual)) {
      throw new Violation(account.id, "ledger of account " + account.name + ": expected the wallet movements " + expected
          + ", got " + actual);
    }
  }

  /** The account's message subscriptions as Tenure answers them, against the model's, type by type. */
  void subscriptions(ModelAccount account, List<String> expected, JsonNode reply) {
    checks++;
    List<String> actual = SubscriptionWorkload.lines(reply);
    if (!actual.equals(expected)) {
      List<String> differences = new ArrayList<>();
      for (int index = 0; index < Math.max(actual.size(), expected.size()); index++) {
        String want = index < expected.size() ? expected.get(index) : "nothing";
        String got = index < actual.size() ? actual.get(index) : "nothing";
        if (!want.equals(got)) {
          differences.add("expected " + want + ", got " + got);
        }
      }
      throw new Violation(account.id, "message subscriptions of account " + account.name + ": " + String.join("; ", differences));
    }
  }

  /** A figure of the account's inbox (an unread count, a flag as 0 or 1) against what it must be. */
  void unread(ModelAccount account, String what, long expected, long actual) {
    checks++;
    if (expected != actual) {
      throw new Violation(account.id, "inbox of account " + account.name + ": " + what + ": expected " + expected + ", got " + actual);
    }
  }

  /** A resource's entitlements (service level, locked features, holds in force) against what the holds and the model's phase make them. */
  void entitlement(ModelAccount account, String what, String expected, String actual) {
    checks++;
    if (!expected.equals(actual)) {
      throw new Violation(account.id, what + ": expected " + expected + ", got " + actual);
    }
  }

  /** A usage answer or the stored usage against the metering agent's model (UsageWorkload). */
  void usage(String what, boolean agrees, String expected) {
    checks++;
    if (!agrees) {
      throw new Violation(null, what + ": expected " + expected);
    }
  }

  /** An invariant of auto-recharge (RechargeWorkload). */
  void recharge(String what, boolean agrees, String expected) {
    usage(what, agrees, expected);
  }

  /** What the simulation's provider received (WebhookWorkload): no event out of order, none failing verification. */
  void webhooks(List<String> problems) {
    checks++;
    if (!problems.isEmpty()) {
      throw new Violation(null, "webhooks: " + String.join("; ", problems));
    }
  }

  /** Tenure's own ledger audit: each transaction sums to zero, each wallet equals its entries. */
  void audit(Jdbi jdbi) {
    checks++;
    Audit.Report report = Audit.run(jdbi);
    if (!report.passed()) {
      throw new Violation(null, "the ledger audit failed: " + String.join("; ", report.problems()));
    }
  }

  private static void same(List<String> differences, String field, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      differences.add(field + " expected " + expected + ", got " + actual);
    }
  }

  static Instant instant(JsonNode node) {
    return OffsetDateTime.parse(node.asText()).toInstant();
  }
}
