package io.tenure.cli;

import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tenure} command. Exit codes: 0 success; 1 a failure while running (data directory in use, port in
 * use, database unreachable, an audit that found a mismatch); 2 a bad option or environment variable.
 */
@Command(name = "tenure", mixinStandardHelpOptions = true, version = "Tenure 0.1.0",
    description = "Billing and lifecycle engine for cloud services.",
    subcommands = {ServeCommand.class, AuditCommand.class, BenchCommand.class, SimulateCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failure while running (data directory or port in use, database unreachable)",
        "2:bad option or environment variable"})
public final class Main {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand, reading this process's environment, for {@link #main} and for tests. */
  public static CommandLine commandLine() {
    return commandLine(System::getenv);
  }

  /** The command line reading its environment variables from {@code environment}, for tests. */
  public static CommandLine commandLine(Function<String, String> environment) {
    Environment variables = new Environment(environment);
    ErrorLines errorLines = new ErrorLines(variables);
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setDefaultValueProvider(variables);
    commandLine.setParameterExceptionHandler(errorLines);
    commandLine.setExecutionExceptionHandler(errorLines);
    return commandLine;
  }
}
