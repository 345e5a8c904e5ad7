package io.tenure.cli;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies an option that is not on the command line from the environment variable its help names
 * ({@code Env TENURE_PORT}), so that the help and the behaviour cannot disagree, and remembers which values came
 * from a variable, so that a bad one is reported as that variable rather than as the option. Thread-safe.
 */
final class Environment implements IDefaultValueProvider {
  private static final Pattern NAMED_VARIABLE = Pattern.compile("\\bEnv (TENURE_[A-Z_]+)\\b");

  private final Function<String, String> variables;
  private final Map<ArgSpec, String> supplied = new ConcurrentHashMap<>();
  /** Reading a description expands its default, which asks this provider again: that inner call answers nothing. */
  private final ThreadLocal<Boolean> readingDescription = ThreadLocal.withInitial(() -> false);

  Environment(Function<String, String> variables) {
    this.variables = variables;
  }

  /** The environment of the command line that {@code spec} belongs to. */
  static Environment of(CommandSpec spec) {
    return spec.defaultValueProvider() instanceof Environment environment ? environment : new Environment(System::getenv);
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (readingDescription.get()) {
      return null;
    }
    Optional<String> variable;
    readingDescription.set(true);
    try {
      variable = variableOf(argument);
    } finally {
      readingDescription.set(false);
    }
    String value = variable.map(variables).filter(text -> !text.isBlank()).orElse(null);
    if (value != null) {
      supplied.put(argument, variable.get());
    }
    return value;
  }

  /** The value of a variable read outside any option, such as {@code TENURE_OPERATOR_KEY}. */
  Optional<String> get(String variable) {
    return Optional.ofNullable(variables.apply(variable)).filter(text -> !text.isBlank());
  }

  /** The variable that gave {@code argument} its value, if one did. */
  Optional<String> suppliedBy(ArgSpec argument) {
    return Optional.ofNullable(supplied.get(argument));
  }

  private static Optional<String> variableOf(ArgSpec argument) {
    if (!(argument instanceof OptionSpec)) {
      return Optional.empty();
    }
    for (String line : argument.description()) {
      Matcher named = NAMED_VARIABLE.matcher(line);
      if (named.find()) {
        return Optional.of(named.group(1));
      }
    }
    return Optional.empty();
  }
}
