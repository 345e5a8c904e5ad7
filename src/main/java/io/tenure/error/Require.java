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

  /** Rejects a caller's input with {@code INVALID_FIELD}, naming the field and what is wrong with it. */
  public static void field(boolean condition, String field, String format, Object... arguments) {
    if (!condition) {
      throw new InvalidInputException("INVALID_FIELD", field + ": " + String.format(format, arguments));
    }
  }

  /** Rejects a missing field with {@code MISSING_FIELD}. */
  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidInputException("MISSING_FIELD", field + ": is required");
    }
    return value;
  }
}
