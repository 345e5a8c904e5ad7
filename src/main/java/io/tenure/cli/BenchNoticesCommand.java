package io.tenure.cli;

import io.tenure.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenure bench notices}: raises notices for N deliveries, lets the production dispatcher deliver them to a
 * local SMTP server and a local HTTP receiver, and compares its rate with the same messages sent by bare channels.
 * The last line is the summary.
 */
@Command(name = "notices", mixinStandardHelpOptions = true,
    description = {"Loads accounts with an owner (e-mail and phone) each, raises notices that fan out to N deliveries over "
        + "e-mail, SMS and in-app, and lets the dispatcher 'serve' runs deliver them to a local SMTP server and a local "
        + "HTTP receiver started by this command; then sends the same e-mails and SMS in a plain loop with no database.",
        "Without --database or --data-dir it starts an embedded PostgreSQL in a new temporary directory and "
            + "deletes it afterwards; with either, the database must hold no accounts.",
        "The last line is: notices: <N> deliveries/s, <R> of the bare channels' rate"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:benchmark ran and every delivery was delivered once", "1:failure while running (database not "
        + "empty or unreachable, data directory in use, a delivery failed or was not received exactly once)",
        "2:bad option or environment variable"})
final class BenchNoticesCommand implements Callable<Integer> {
  private static final Settings.Range DELIVERIES = new Settings.Range(100, 10_000_000);
  private static final Settings.Range ACCOUNTS = new Settings.Range(1, 1_000_000);
  private static final Settings.Range SENDERS = new Settings.Range(1, 64);

  @Spec
  CommandSpec spec;

  @Mixin
  BenchDatabase database;

  @Option(names = "--deliveries", paramLabel = "N", defaultValue = "100000",
      description = {"Deliveries to make and send, 100 to 10000000 (a third each e-mail, SMS and in-app, give or take two).",
          "Default: ${DEFAULT-VALUE}"})
  int deliveries;

  @Option(names = "--accounts", paramLabel = "N", defaultValue = "1000",
      description = {"Accounts the notices are spread over, 1 to 1000000.", "Default: ${DEFAULT-VALUE}"})
  int accounts;

  @Option(names = "--senders", paramLabel = "N", defaultValue = "4",
      description = {"Sending threads of the dispatcher, and bare senders it is compared with, 1 to 64.",
          "Default: ${DEFAULT-VALUE}"})
  int senders;

  @Override
  public Integer call() throws IOException {
    database.check(spec);
    OptionChecks.within(spec, "--deliveries", deliveries, DELIVERIES);
    OptionChecks.within(spec, "--accounts", accounts, ACCOUNTS);
    OptionChecks.within(spec, "--senders", senders, SENDERS);
    PrintWriter out = spec.commandLine().getOut();
    return database.run(spec, opened -> {
      NoticesBenchmark.Result result;
      try {
        result = new NoticesBenchmark(opened.jdbi(), out, senders).run(deliveries, accounts);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("bench - interrupted", interrupted);
      }
      out.println(result.summary());
      out.flush();
      return result.passed() ? 0 : 1;
    });
  }
}
