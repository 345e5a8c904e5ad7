package io.tenure.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.cli.Main;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AuditIT {

  private static String[] audit(String databaseUrl, int[] exitCode) {
    CommandLine commandLine = Main.commandLine();
    StringWriter output = new StringWriter();
    commandLine.setOut(new PrintWriter(output));
    exitCode[0] = commandLine.execute("audit", "--database", databaseUrl);
    return output.toString().split("\n");
  }

  @Test
  void auditPassesOnABalancedLedgerAndNamesATamperedWallet() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String id = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, id, "250.00");
      operator.post("/v1/accounts/" + id + "/adjustments", Map.of("amount", "-0.01", "reason", "rounding"), "adj-1");

      int[] exitCode = new int[1];
      String[] clean = audit(server.databaseUrl(), exitCode);
      assertThat(exitCode[0]).isZero();
      assertThat(clean[clean.length - 1]).isEqualTo("audit: 2 transactions, 1 wallets checked: OK");

      server.tenure().database().jdbi().useHandle(handle ->
          handle.execute("UPDATE wallets SET balance_minor = balance_minor + 1 WHERE account_id = ?", id));
      String[] tampered = audit(server.databaseUrl(), exitCode);
      assertThat(exitCode[0]).isEqualTo(1);
      assertThat(String.join("\n", tampered)).contains("MISMATCH wallet of account " + id);
    }
  }

  @Test
  void auditNamesATransactionThatDoesNotSumToZero() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String id = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, id, "10.00");
      String transaction = operator.get("/v1/accounts/" + id + "/ledger").json().path("items").get(0).path("id").asText();
      server.tenure().database().jdbi().useHandle(handle ->
          handle.execute("UPDATE ledger_entries SET amount_minor = amount_minor - 5 WHERE transaction_id = ? AND book LIKE 'funding:%'", transaction));

      int[] exitCode = new int[1];
      String output = String.join("\n", audit(server.databaseUrl(), exitCode));
      assertThat(exitCode[0]).isEqualTo(1);
      assertThat(output).contains("transaction " + transaction + " sums to -5");
    }
  }
}
