package io.tenure.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.Commands;
import io.tenure.testing.Fixtures;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditIT {

  @Test
  void auditPassesOnABalancedLedgerAndNamesATamperedWallet() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String id = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, id, "250.00");
      operator.post("/v1/accounts/" + id + "/adjustments", Map.of("amount", "-0.01", "reason", "rounding"), "adj-1");

      Commands.Run clean = Commands.audit(server.databaseUrl());
      assertThat(clean.exitCode()).isZero();
      assertThat(clean.lastLine()).isEqualTo("audit: 2 transactions, 1 wallets checked: OK");

      server.tenure().database().jdbi().useHandle(handle ->
          handle.execute("UPDATE wallets SET balance_minor = balance_minor + 1 WHERE account_id = ?", id));
      Commands.Run tampered = Commands.audit(server.databaseUrl());
      assertThat(tampered.exitCode()).isEqualTo(1);
      assertThat(tampered.output()).contains("MISMATCH wallet of account " + id);
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

      Commands.Run audit = Commands.audit(server.databaseUrl());
      assertThat(audit.exitCode()).isEqualTo(1);
      assertThat(audit.output()).contains("transaction " + transaction + " sums to -5");
    }
  }

  @Test
  void auditNamesBillLinesWhoseBillDoesNotExist() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      String id = Fixtures.account(operator, "V3");
      Fixtures.topUp(operator, id, "10.00");
      server.tenure().database().jdbi().useHandle(handle -> handle.execute(
          "INSERT INTO bill_lines (bill_id, position, description, amount_minor) VALUES ('bil_missing', 0, 'a', 1), ('bil_missing', 1, 'b', 2)"));

      Commands.Run audit = Commands.audit(server.databaseUrl());
      assertThat(audit.exitCode()).isEqualTo(1);
      assertThat(audit.output()).contains("2 bill lines name bill bil_missing, which does not exist");
    }
  }

  @Test
  void auditNamesLedgerEntriesWhoseTransactionDoesNotExist() {
    try (TestServer server = TestServer.simulatedAt("2023-03-08T15:50:04+08:00")) {
      HttpApi operator = server.operator();
      Fixtures.account(operator, "V3");
      server.tenure().database().jdbi().useHandle(handle -> handle.execute("INSERT INTO ledger_entries (transaction_id, book, amount_minor, currency)"
          + " VALUES ('txn_missing', 'topups', 7, 'CNY'), ('txn_missing', 'funding:CNY', -7, 'CNY')"));

      Commands.Run audit = Commands.audit(server.databaseUrl());
      assertThat(audit.exitCode()).isEqualTo(1);
      assertThat(audit.output()).contains("2 ledger entries name transaction txn_missing, which does not exist");
    }
  }
}
