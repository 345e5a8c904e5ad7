package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.ConsoleHttp;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import io.tenure.testing.TestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server time of the operator's pages (dashboard, accounts, an account) with an account of 10,000 ledger
 * transactions, 1,000 resources and 1,000 bills among 200 others, made as {@link ConsolePagesTimingIT} makes its
 * account. Each page is asked 5 times to warm up, then 20 times; the median is printed (docs/console.md). The goal is
 * 100 ms; the test fails only above a ceiling a loaded machine cannot explain.
 */
class ConsoleAccountPagesTimingIT {
  private static final long CEILING_MILLIS = 1000;
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");

  @Test
  void everyOperatorPageAnswersWellUnderItsCeilingForALargeAccount() {
    HttpApi operator = shared.operator();
    String account = Fixtures.account(operator, "V1", Map.of("name", "Large Account"));
    Fixtures.topUp(operator, account, "100000.00");
    String resource = Fixtures.bought(operator, account, "koodrive-basic", 1);
    Jdbi.create(shared.server().databaseUrl()).useHandle(handle -> {
      ConsolePagesTimingIT.copy(handle, account, resource);
      // 200 more accounts, so that the search and the listing have something to pass over.
      handle.execute("INSERT INTO accounts (id, name, tier, time_zone, locale, currency, created_at) SELECT 'acc_copy_' || n,"
          + " 'Copy ' || n, tier, time_zone, locale, currency, created_at FROM accounts, generate_series(1, 200) n WHERE id = ?", account);
      handle.execute("INSERT INTO wallets (account_id, currency) SELECT 'acc_copy_' || n, 'CNY' FROM generate_series(1, 200) n");
    });
    assertThat(operator.get("/v1/accounts/" + account + "/ledger?limit=1000").json().path("items").size()).isEqualTo(1000);

    ConsoleHttp console = ConsoleHttp.signedIn(shared.server(), TestServer.OPERATOR_KEY);
    Map<String, Long> medians = new LinkedHashMap<>();
    for (String page : List.of("/console/home", "/console/accounts", "/console/accounts?q=large",
        "/console/accounts?filter=in-arrears", "/console/accounts/" + account,
        "/console/accounts/" + account + "?ledgerBefore=5000&ledgerBalance=1000.00")) {
      medians.put(page.replace(account, "{id}"), ConsolePagesTimingIT.medianMillis(console, page));
    }
    System.out.println("operator page medians (ms): " + medians.entrySet().stream()
        .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")));
    assertThat(medians.values()).allSatisfy(millis -> assertThat(millis).isLessThan(CEILING_MILLIS));
  }
}
