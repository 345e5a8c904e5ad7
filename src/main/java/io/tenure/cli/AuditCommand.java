package io.tenure.cli;

import io.tenure.ledger.Audit;
import io.tenure.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tenure audit}: re-adds the whole ledger and exits 1, naming the culprit, if anything is off. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Re-adds every ledger entry: each transaction must sum to zero and each wallet's stored "
        + "balance must equal the sum of its entries.",
        "Works on the database of a running 'serve' (through the embedded PostgreSQL it runs on --data-dir) as well "
            + "as on a stopped one (then it starts the embedded PostgreSQL itself, and a 'serve' on the same "
            + "directory is refused until the audit ends)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the ledger adds up", "1:a transaction or balance does not add up (each is printed), or the "
        + "database cannot be opened", "2:bad option or environment variable"})
final class AuditCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  DataDirectoryOption dataDirectory;

  @Mixin
  DatabaseOptions database;

  @Override
  public Integer call() {
    database.check(spec);
    try (Database opened = database.databaseUrl()
        .map(url -> Database.connect(url, database.poolSize))
        .orElseGet(() -> Database.embeddedOrRunning(dataDirectory.dataDirectory, database.poolSize,
            DatabaseOptions.operatorZone(Environment.of(spec).get("TENURE_ZONE"))))) {
      Audit.Report report = Audit.run(opened.jdbi());
      var out = spec.commandLine().getOut();
      report.problems().forEach(problem -> out.println("audit: MISMATCH " + problem));
      out.printf("audit: %d transactions, %d wallets checked: %s%n", report.transactions(), report.wallets(),
          report.passed() ? "OK" : report.problems().size() + " problem(s)");
      out.flush();
      return report.passed() ? 0 : 1;
    }
  }
}
