package io.tenure.cli;

import java.util.Optional;

/**
 * What {@code serve} says about the operator key at start: the key itself only when this start made it, and
 * otherwise only where the accepted key comes from, so that a key never reaches a log after its first showing.
 */
final class OperatorKeyNotice {

  private OperatorKeyNotice() {}

  static String of(Optional<String> newKey, boolean setByEnvironment) {
    if (newKey.isPresent()) {
      return String.format("%n  Operator API key (shown once, keep it safe): %s%n"
          + "  Use it as 'Authorization: Bearer %s'.%n%n", newKey.get(), newKey.get());
    }
    if (setByEnvironment) {
      return String.format("Operator API key: the one set by the environment variable %s (not shown).%n",
          ServeCommand.OPERATOR_KEY_VARIABLE);
    }
    return String.format("Operator API key: created at an earlier start and shown only then. If it is lost, "
        + "restart with %s set to a new key of at least 16 characters; it is added as an operator key.%n",
        ServeCommand.OPERATOR_KEY_VARIABLE);
  }
}
