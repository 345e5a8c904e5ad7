package io.tenure.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Two different money calls of one account sent at once, as a customer and an operator (or two browser tabs) would:
 * the account's lock runs one after the other, and the later must see what the earlier left. Each pair is sent only
 * when its replies show which ran first, so that the model can run the two in that order.
 */
record ChangesAtOnce(Model model, Calls calls, Auditor auditor, Random random, Workload accounts, ExecutorService threads,
    ResourceWorkload resources) {

  /**
   * A renewal and an add-on change, of the renewed resource or of another of its account: the later prices from what
   * the earlier left (the add-on change over the renewed term, the renewal with the changed add-ons). Sent when the
   * wallet holds both charges and, for one resource, when it is active (a renewal that restores it would change what
   * the add-on change may do). Of one resource, the add-on change that ran second shows the renewed term end; of
   * two, the order changes nothing. False when not sent.
   */
  boolean renewWithAddOnChange(ModelResource renewed, int periods) {
    List<ModelResource> others = renewed.account.resources.values().stream().filter(other -> other != renewed).toList();
    ModelResource changed = others.isEmpty() || random.nextBoolean() ? renewed : others.get(random.nextInt(others.size()));
    Map<String, Long> target = ResourceWorkload.randomAddOns(model.catalog().plans().get(changed.plan), random);
    BigDecimal most = model.quote(renewed.plan, renewed.period, periods, ModelLifecycle.quantities(renewed)).total()
        .add(model.quote(changed.plan, changed.period, changed.termPeriods + periods, target).total());
    if ((changed == renewed && !renewed.phase.equals("ACTIVE")) || renewed.account.balance.compareTo(most) < 0) {
      return false;
    }
    List<Http.Reply> replies = calls.atOnce(renewed.account.id, List.of(
        new Calls.Call("POST", "/v1/resources/" + renewed.id + "/renewals", Map.of("periods", periods), calls.randomNode(), accounts.newKey()),
        new Calls.Call("PUT", "/v1/resources/" + changed.id + "/add-ons", ResourceWorkload.addOnsBody(target), calls.randomNode(),
            accounts.newKey())), threads);
    Http.Reply renewal = replies.get(0);
    Http.Reply change = replies.get(1);
    boolean renewalFirst = changed != renewed || !renewal.ok() || !change.ok() || termEnd(change).equals(termEnd(renewal));
    List<Expected> expected = inOrder(renewalFirst, () -> model.renew(renewed, periods, false),
        () -> model.lifecycle.changeAddOns(changed, target));
    Expected renewalExpected = expected.get(0);
    Expected changeExpected = expected.get(1);
    auditor.reply(renewed.account, "renewal of " + renewed.id + " by " + periods + " at once with an add-on change of "
        + changed.id, renewalExpected, renewal);
    auditor.reply(changed.account, "add-ons of " + changed.id + " to " + target + " at once with a renewal of " + renewed.id,
        changeExpected, change);
    if (changed == renewed) {
      // The reply that shows the resource as both left it: the later one, or the only one that changed it.
      Http.Reply last = !change.ok() || (renewal.ok() && !renewalFirst) ? renewal : change;
      if (last.ok()) {
        auditor.resource(model, renewed, last.body());
      }
      return true;
    }
    if (renewalExpected.ok()) {
      auditor.resource(model, renewed, renewal.body());
    }
    if (changeExpected.ok()) {
      auditor.resource(model, changed, change.body());
    }
    return true;
  }

  /**
   * A purchase and a top-up: the top-up's answer shows the balance after the purchase or before it. Sent when the
   * wallet holds the price without the top-up, and when no resource of the account waits for the top-up to retry its
   * auto-renewal (which would then depend on the order too). False when not sent.
   */
  boolean purchaseWithTopUp(ResourceWorkload.Purchase purchase) {
    ModelResource[] resource = new ModelResource[1];
    return withTopUp(purchase.account(), purchase.total(model),
        () -> new Calls.Call("POST", "/v1/resources", purchase.body(), calls.randomNode(), accounts.newKey()), purchase.what(),
        () -> purchase.expect(model, resource), bought -> resources.bought(resource[0], bought));
  }

  /** A renewal and a top-up, as {@link #purchaseWithTopUp}: the top-up's answer shows the balance after the renewal or before it. */
  boolean renewWithTopUp(ModelResource renewed, int periods) {
    BigDecimal charge = model.quote(renewed.plan, renewed.period, periods, ModelLifecycle.quantities(renewed)).total();
    return withTopUp(renewed.account, charge, () -> new Calls.Call("POST", "/v1/resources/" + renewed.id + "/renewals",
            Map.of("periods", periods), calls.randomNode(), accounts.newKey()), "renewal of " + renewed.id + " by " + periods,
        () -> model.renew(renewed, periods, false), renewal -> auditor.resource(model, renewed, renewal.body()));
  }

  /**
   * A call that charges {@code price}, described as {@code what}, sent at once with a top-up when the wallet holds
   * the price without it and no auto-renewal waits for a top-up; the model runs both in the order the top-up's answer
   * shows, and {@code succeeded} gets the charge's reply when it was to succeed. False when not sent.
   */
  private boolean withTopUp(ModelAccount account, BigDecimal price, Supplier<Calls.Call> charge, String what,
      Supplier<Expected> expect, Consumer<Http.Reply> succeeded) {
    BigDecimal before = account.balance;
    if (before.compareTo(price) < 0 || awaitsTopUp(account)) {
      return false;
    }
    BigDecimal amount = accounts.randomAmount();
    List<Http.Reply> replies = calls.atOnce(account.id, List.of(charge.get(), topUpCall(account, amount)), threads);
    Http.Reply charged = replies.get(0);
    Http.Reply topUp = replies.get(1);
    Expected expected = inOrder(!topUpRanFirst(topUp, before, amount), expect, () -> topUp(account, amount, what, topUp)).get(0);
    auditor.reply(account, what + " at once with a top-up of " + amount, expected, charged);
    if (expected.ok()) {
      succeeded.accept(charged);
    }
    return true;
  }

  /**
   * Two purchases of one account: when the wallet holds either price but not both, the one that ran first is bought
   * and the other refused for its balance (both bought would be an overdraft); otherwise the order changes no outcome,
   * the second being in no group. False when not sent (the first is then still to be made).
   */
  boolean twoPurchases(ResourceWorkload.Purchase first, ResourceWorkload.Purchase second) {
    if (awaitsTopUp(first.account())) {
      return false;
    }
    List<Http.Reply> replies = calls.atOnce(first.account().id, List.of(
        new Calls.Call("POST", "/v1/resources", first.body(), calls.randomNode(), accounts.newKey()),
        new Calls.Call("POST", "/v1/resources", second.body(), calls.randomNode(), accounts.newKey())), threads);
    Http.Reply one = replies.get(0);
    Http.Reply other = replies.get(1);
    // Of one bought and one refused, the bought ran first; otherwise the order changes no outcome.
    boolean firstFirst = one.ok() || !other.ok();
    ModelResource[] firstBought = new ModelResource[1];
    ModelResource[] secondBought = new ModelResource[1];
    List<Expected> expected = inOrder(firstFirst, () -> first.expect(model, firstBought), () -> second.expect(model, secondBought));
    auditor.reply(first.account(), first.what() + " at once with a " + second.what(), expected.get(0), one);
    auditor.reply(second.account(), second.what() + " at once with a " + first.what(), expected.get(1), other);
    if (expected.get(0).ok()) {
      resources.bought(firstBought[0], one);
    }
    if (expected.get(1).ok()) {
      resources.bought(secondBought[0], other);
    }
    return true;
  }

  /**
   * An unsubscription and an add-on change of one active resource: an add-on change after the unsubscription is
   * refused ({@code RESOURCE_UNSUBSCRIBED}); one before it changes what the unsubscription refunds. Sent when the
   * wallet holds the change's charge. False when not sent.
   */
  boolean unsubscribeWithAddOnChange(ModelResource resource) {
    Map<String, Long> target = ResourceWorkload.randomAddOns(model.catalog().plans().get(resource.plan), random);
    BigDecimal most = model.quote(resource.plan, resource.period, resource.termPeriods, target).total();
    if (!resource.phase.equals("ACTIVE") || resource.account.balance.compareTo(most) < 0) {
      return false;
    }
    List<Http.Reply> replies = calls.atOnce(resource.account.id, List.of(
        new Calls.Call("POST", "/v1/resources/" + resource.id + "/unsubscribe", null, calls.randomNode(), accounts.newKey()),
        new Calls.Call("PUT", "/v1/resources/" + resource.id + "/add-ons", ResourceWorkload.addOnsBody(target), calls.randomNode(),
            accounts.newKey())), threads);
    Http.Reply unsubscription = replies.get(0);
    Http.Reply change = replies.get(1);
    boolean unsubscribedFirst = change.code().equals("RESOURCE_UNSUBSCRIBED");
    List<Expected> expected = inOrder(unsubscribedFirst, () -> model.lifecycle.unsubscribe(resource, model.now),
        () -> model.lifecycle.changeAddOns(resource, target));
    Expected unsubscriptionExpected = expected.get(0);
    Expected changeExpected = expected.get(1);
    auditor.reply(resource.account, "unsubscription of " + resource.id + " at once with an add-on change", unsubscriptionExpected,
        unsubscription);
    auditor.reply(resource.account, "add-ons of " + resource.id + " to " + target + " at once with its unsubscription",
        changeExpected, change);
    // The reply that shows the resource as both left it: the unsubscription's, which ran last or alone changed it.
    Http.Reply last = unsubscription.ok() ? unsubscription : change;
    if (last.ok()) {
      auditor.resource(model, resource, last.body());
    }
    return true;
  }

  /** Whether a top-up would retry an auto-renewal of the account, which would then depend on the order too. */
  private boolean awaitsTopUp(ModelAccount account) {
    return account.resources.values().stream().anyMatch(model.lifecycle::awaitsRetry);
  }

  private Calls.Call topUpCall(ModelAccount account, BigDecimal amount) {
    return new Calls.Call("POST", "/v1/accounts/" + account.id + "/top-ups", Map.of("amount", amount.toPlainString()),
        calls.randomNode(), accounts.newKey());
  }

  /** Whether the top-up ran before the charge sent with it: its answer shows the balance without that charge. */
  private static boolean topUpRanFirst(Http.Reply topUp, BigDecimal before, BigDecimal amount) {
    return !topUp.ok() || new BigDecimal(topUp.body().path("balance").asText()).compareTo(before.add(amount)) == 0;
  }

  /** The model's top-up, checked against Tenure's answer, in its turn. */
  private Expected topUp(ModelAccount account, BigDecimal amount, String with, Http.Reply topUp) {
    String what = "top-up of " + amount + " at once with a " + with;
    Expected expected = model.topUp(account, amount);
    auditor.reply(account, what, expected, topUp);
    auditor.balance(account, what, topUp.body());
    return expected;
  }

  /** The model's outcomes of {@code a} and {@code b}, in that order, from running them in the order Tenure did. */
  private static List<Expected> inOrder(boolean aFirst, Supplier<Expected> a, Supplier<Expected> b) {
    if (aFirst) {
      Expected first = a.get();
      return List.of(first, b.get());
    }
    Expected second = b.get();
    return List.of(a.get(), second);
  }

  private static Instant termEnd(Http.Reply reply) {
    return OffsetDateTime.parse(reply.body().path("term").path("end").asText()).toInstant();
  }
}
