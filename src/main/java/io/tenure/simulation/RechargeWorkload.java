package io.tenure.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;

/**
 * Auto-recharge under the workload (docs/recharge.md): three accounts of its own (outside the money model, whose
 * balances a recharge would change), one per sandbox card (succeeding, declining, timing out), each with auto-recharge
 * below 200.00 by 500.00, spending through auto-renewing purchases and operator adjustments and topped up now and then.
 * At each checkpoint the auditor checks that no crossing was recharged twice, that the wallet gained money from a
 * recharge exactly once per successful crossing, that these accounts' ledger sums to zero with each wallet equal to
 * its entries, that no more than three failures follow one another, and that no recharge is left pending after an
 * advance (the engine makes each charge before it goes on).
 */
final class RechargeWorkload {
  /** The one address of the recharge accounts' contacts: their notices are not the delivery audit's (DeliveryAudit). */
  static final String ADDRESS = "recharge@sim.example";
  private static final List<String> CARDS = List.of("tok_sandbox_success", "tok_sandbox_decline", "tok_sandbox_timeout");

  private final Calls calls;
  private final Auditor auditor;
  private final Random random;
  private final Jdbi jdbi;
  private final List<String> accounts = new ArrayList<>();
  private long keys;

  RechargeWorkload(Model model, Calls calls, Auditor auditor, Random random, Jdbi jdbi) {
    this.calls = calls;
    this.auditor = auditor;
    this.random = random;
    this.jdbi = jdbi;
    for (String card : CARDS) {
      Http.Reply account = calls.send(null, "POST", "/v1/accounts", Map.of("name", "sim-recharge-" + card, "tier",
          model.catalog().tiers().getFirst(), "contacts", List.of(Map.of("name", "Rita Recharge", "role", "OWNER", "email", ADDRESS))), null);
      auditor.reply(null, "create the recharge account of " + card, Expected.success(201, null), account);
      String id = account.body().path("id").asText();
      accounts.add(id);
      send("top up the recharge account", "POST", "/v1/accounts/" + id + "/top-ups", Map.of("amount", "600.00"), 201);
      send("set auto-recharge", "PUT", "/v1/accounts/" + id + "/settings", Map.of("lowBalanceThreshold", "250.00",
          "autoRecharge", Map.of("threshold", "200.00", "amount", "500.00"), "paymentMethod", card), 200);
    }
  }

  /** One spending (or paying) call on one of the recharge accounts. */
  void step() {
    String account = accounts.get(random.nextInt(accounts.size()));
    switch (random.nextInt(4)) {
      case 0, 1 -> send("buy an auto-renewing resource", "POST", "/v1/resources", Map.of("accountId", account, "plan", "koodrive-basic",
          "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1, "autoRenew", true)), 201, 409);
      case 2 -> send("adjust the recharge account", "POST", "/v1/accounts/" + account + "/adjustments",
          Map.of("amount", "-" + (1 + random.nextInt(150)) + ".00", "reason", "sim spending"), 201);
      default -> send("top up the recharge account", "POST", "/v1/accounts/" + account + "/top-ups",
          Map.of("amount", (1 + random.nextInt(300)) + ".00"), 201);
    }
  }

  /** The invariants of auto-recharge over the recharge accounts. */
  void checkpoint() {
    jdbi.useHandle(handle -> {
      String ids = "ARRAY['" + String.join("','", accounts) + "']";
      long twice = handle.createQuery("SELECT count(*) FROM (SELECT 1 FROM recharge_attempts WHERE outcome = 'SUCCEEDED' AND account_id = ANY("
          + ids + ") GROUP BY account_id, crossing HAVING count(*) > 1) t").mapTo(Long.class).one();
      auditor.recharge("crossings recharged twice: " + twice, twice == 0, "none");
      long credited = handle.createQuery("SELECT count(*) FROM ledger_transactions WHERE kind = 'TOP_UP' AND description LIKE 'Auto-recharge%'"
          + " AND account_id = ANY(" + ids + ")").mapTo(Long.class).one();
      long succeeded = handle.createQuery("SELECT count(*) FROM recharge_attempts WHERE outcome = 'SUCCEEDED' AND account_id = ANY("
          + ids + ")").mapTo(Long.class).one();
      auditor.recharge("recharge top-ups: " + credited, credited == succeeded, succeeded + ", one per successful crossing");
      long unbalanced = handle.createQuery("SELECT count(*) FROM (SELECT t.id FROM ledger_transactions t JOIN ledger_entries e ON "
          + "e.transaction_id = t.id WHERE t.account_id = ANY(" + ids + ") GROUP BY t.id HAVING sum(e.amount_minor) <> 0) t")
          .mapTo(Long.class).one();
      long wrongWallets = handle.createQuery("SELECT count(*) FROM wallets w WHERE w.account_id = ANY(" + ids + ") AND w.balance_minor <> "
          + "(SELECT COALESCE(sum(e.amount_minor), 0) FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id"
          + " WHERE t.account_id = w.account_id AND e.book = 'wallet:' || w.account_id)")
          .mapTo(Long.class).one();
      auditor.recharge("ledger of the recharge accounts: " + unbalanced + " unbalanced transactions, " + wrongWallets
          + " wallets off their entries", unbalanced == 0 && wrongWallets == 0, "every transaction sums to zero");
      long pending = handle.createQuery("SELECT count(*) FROM accounts WHERE recharge_pending AND id = ANY(" + ids + ")")
          .mapTo(Long.class).one();
      long tooManyFailures = handle.createQuery("SELECT count(*) FROM accounts WHERE recharge_failures > 3 AND id = ANY(" + ids + ")")
          .mapTo(Long.class).one();
      auditor.recharge("recharges pending after an advance: " + pending + ", accounts past three failures: " + tooManyFailures,
          pending == 0 && tooManyFailures == 0, "none pending, no account past three consecutive failures");
    });
  }

  private void send(String what, String method, String path, Object body, int... statuses) {
    Http.Reply reply = calls.send(null, method, path, body, "sim-recharge-" + (++keys) + "-" + Long.toHexString(random.nextLong()));
    boolean expected = false;
    for (int status : statuses) {
      expected |= reply.status() == status;
    }
    auditor.recharge(what + ": " + reply.status(), expected, "one of " + java.util.Arrays.toString(statuses));
  }
}
