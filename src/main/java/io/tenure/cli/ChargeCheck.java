package io.tenure.cli;

import io.tenure.ledger.Ledger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Nothing charged twice: each account's balance must equal its acknowledged top-ups minus its acknowledged bills,
 * as the load's clients counted them from the answers.
 */
final class ChargeCheck {

  record Result(int accounts, BigDecimal acknowledged, BigDecimal balances, List<String> mismatches) {
    boolean passed() {
      return mismatches.isEmpty();
    }
  }

  private ChargeCheck() {}

  static Result run(Jdbi jdbi, Map<String, BigDecimal> expected) {
    Ledger ledger = new Ledger();
    List<String> mismatches = new ArrayList<>();
    BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
    jdbi.useHandle(handle -> expected.forEach((accountId, amount) -> {
      BigDecimal balance = ledger.balance(handle, accountId).toBigDecimal();
      sums[0] = sums[0].add(amount);
      sums[1] = sums[1].add(balance);
      if (balance.compareTo(amount) != 0) {
        mismatches.add("account " + accountId + ": balance " + balance + ", acknowledged " + amount);
      }
    }));
    return new Result(expected.size(), sums[0], sums[1], mismatches);
  }
}
