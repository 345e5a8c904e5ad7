package io.tenure.error;

/** Always-on checks. {@code assert} is off by default in Java, so invariants use these instead. */
public final class Require {

  private Require() {}

  /** Fails loudly when an internal invariant breaks: a bug in Tenure, never a caller's mistake. */
  public static void invariant(boolean condition, String format, Object... arguments) {
    if (!condition) {
      throw new IllegalStateException("invariant violated: " + String.format(format, arguments));
    }
  }

  /**
   * Rejects a caller's input with {@code INVALID_FIELD}: {@code Field '<field>': <what is wrong>.} Text
   * arguments are the caller's values, so they are shortened as {@link Echo} says.
   */
  public static void field(boolean condition, String field, String format, Object... arguments) {
    if (!condition) {
      throw new InvalidInputException("INVALID_FIELD", fieldMessage(field, String.format(format, echoed(arguments))));
    }
  }

  /** Rejects a missing field with {@code MISSING_FIELD}: {@code Field '<field>': is required.} */
  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidInputException("MISSING_FIELD", fieldMessage(field, "is required"));
    }
    return value;
  }

  /** The one wording of a problem with a field of a request: {@code Field 'billing.period': must be one of MONTH, YEAR.} */
  public static String fieldMessage(String field, String problem) {
    String sentence = problem.endsWith(".") ? problem : problem + ".";
    return "Field '" + Echo.of(field) + "': " + sentence;
  }

  private static Object[] echoed(Object[] arguments) {
    Object[] echoed = arguments.clone();
    for (int i = 0; i < echoed.length; i++) {
      if (echoed[i] instanceof CharSequence text) {
        echoed[i] = Echo.of(text);
      }
    }
    return echoed;
  }
}
