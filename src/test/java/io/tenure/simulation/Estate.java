package io.tenure.simulation;

import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Accounts and resources bought at spread instants, made the same way on two Tenures (a cluster and its
 * uninterrupted twin), and everything recorded of them, with ids replaced by their position, to compare.
 */
record Estate(List<String> accounts, List<String> resources) {
  private static final List<String> PLANS = List.of("tencent-drive-enterprise", "wedata-execution-package", "koodrive-basic");

  /**
   * {@code accountCount} accounts of {@code perAccount} resources each, the clock moved {@code spacing} between
   * accounts through {@code clockNode} so that due instants spread over many stops; every other call goes to
   * {@code callNode} of its position. Some resources renew automatically, and some accounts run short of money.
   */
  static Estate build(HttpApi clockNode, IntFunction<HttpApi> callNode, OffsetDateTime from, int accountCount,
      int perAccount, Duration spacing) {
    List<String> accounts = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    for (int a = 0; a < accountCount; a++) {
      Fixtures.advanceTo(clockNode, from.plus(spacing.multipliedBy(a)).toString());
      HttpApi api = callNode.apply(a);
      String account = Fixtures.account(api, "V1");
      Fixtures.topUp(api, account, a % 3 == 0 ? "300.00" : "5000.00");
      accounts.add(account);
      for (int r = 0; r < perAccount; r++) {
        HttpApi.Answer bought = api.post("/v1/resources", Map.of("accountId", account, "plan", PLANS.get(r % PLANS.size()),
            "billing", Map.of("mode", "PREPAID", "period", "MONTH", "periods", 1 + r % 2, "autoRenew", r % 4 == 0),
            "addOns", List.of()));
        if (bought.status() == 201) {
          resources.add(bought.get("id"));
        } else {
          // Not enough money: the same refusal on both sides; recorded to keep positions aligned.
          resources.add("refused " + bought.errorCode());
        }
      }
    }
    return new Estate(accounts, resources);
  }

  /** Every resource's phase, term, next due instant and recorded events, and every balance, by position. */
  List<String> observe(String databaseUrl, HttpApi api) throws SQLException {
    Map<String, String> rows = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(databaseUrl);
        PreparedStatement query = connection.prepareStatement("""
            SELECT r.id, r.phase, r.term_end, r.next_due_at,
                   (SELECT count(*) FROM lifecycle_events e WHERE e.resource_id = r.id) AS events,
                   (SELECT string_agg(e.at || ' ' || e.type || ' ' || e.phase, ', ' ORDER BY e.sequence)
                      FROM lifecycle_events e WHERE e.resource_id = r.id) AS history
            FROM resources r""")) {
      connection.createStatement().execute("SET TIME ZONE 'UTC'");
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.put(row.getString("id"), row.getString("phase") + " term end " + row.getString("term_end") + " next due "
              + row.getString("next_due_at") + " events " + row.getLong("events") + ": " + row.getString("history"));
        }
      }
    }
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      seen.add("resource " + i + " " + rows.getOrDefault(resources.get(i), resources.get(i)));
    }
    for (int i = 0; i < accounts.size(); i++) {
      seen.add("account " + i + " balance " + api.get("/v1/accounts/" + accounts.get(i)).get("balance"));
    }
    return seen;
  }

  /** How many lifecycle events the estate's resources have in all. */
  static long events(List<String> observed) {
    return observed.stream().filter(line -> line.startsWith("resource "))
        .mapToLong(line -> line.contains(" events ") ? Long.parseLong(line.replaceAll(".* events (\\d+):.*", "$1")) : 0)
        .sum();
  }
}
