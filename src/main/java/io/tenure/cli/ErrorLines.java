package io.tenure.cli;

import io.tenure.store.DataDirectoryInUseException;
import io.tenure.store.DatabaseUnavailableException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How {@code tenure} reports what stops it: a bad option or variable as one line and a pointer to {@code --help}
 * (exit 2); a known failure while running (data directory in use, port in use, database unreachable) as one line
 * (exit 1). Anything else is a bug and keeps its stack trace.
 */
final class ErrorLines implements IParameterExceptionHandler, IExecutionExceptionHandler {
  static final int FAILURE = 1;

  private final Environment environment;

  ErrorLines(Environment environment) {
    this.environment = environment;
  }

  @Override
  public int handleParseException(ParameterException problem, String[] arguments) {
    CommandLine commandLine = problem.getCommandLine();
    PrintWriter errors = commandLine.getErr();
    errors.println(sentence(namedBySource(problem, arguments)));
    errors.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
    errors.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parsed) {
    PrintWriter errors = commandLine.getErr();
    Optional<String> known = knownFailure(failure);
    if (known.isPresent()) {
      errors.println(known.get());
    } else {
      failure.printStackTrace(errors);
    }
    errors.flush();
    return FAILURE;
  }

  private static Optional<String> knownFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof DataDirectoryInUseException || cause instanceof DatabaseUnavailableException
          || cause instanceof CommandFailure) {
        return Optional.of(cause.getMessage());
      }
    }
    return Optional.empty();
  }

  /**
   * Picocli names the option even when its value came from an environment variable; the operator set the
   * variable, so the message names that instead.
   */
  private String namedBySource(ParameterException problem, String[] arguments) {
    String message = problem.getMessage().replaceAll("is not an? (int|long)\\b", "is not a whole number")
        .replaceAll("is not a double\\b", "is not a number");
    if (!(problem.getArgSpec() instanceof OptionSpec option) || onCommandLine(option, arguments)) {
      return message;
    }
    return environment.suppliedBy(option)
        .map(variable -> message.replace("option '" + option.longestName() + "'", "environment variable " + variable))
        .orElse(message);
  }

  private static boolean onCommandLine(OptionSpec option, String[] arguments) {
    return Arrays.stream(arguments).anyMatch(argument -> Arrays.stream(option.names())
        .anyMatch(name -> argument.equals(name) || argument.startsWith(name + "=")));
  }

  private static String sentence(String message) {
    String line = message.strip().replace('\n', ' ');
    return line.endsWith(".") ? line : line + ".";
  }
}
