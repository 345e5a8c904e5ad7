package io.tenure.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tenure} command. Exit codes: 0 success; 1 a failure while running (database unreachable,
 * port taken, an audit that found a mismatch); 2 a bad option or environment variable.
 */
@Command(name = "tenure", mixinStandardHelpOptions = true, version = "Tenure 0.1.0",
    description = "Billing and lifecycle engine for cloud services.",
    subcommands = {ServeCommand.class, AuditCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failure while running", "2:bad option or environment variable"})
public final class Main {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand, for {@link #main} and for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }
}
