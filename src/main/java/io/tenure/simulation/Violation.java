package io.tenure.simulation;

/**
 * A reply or a state that the auditor's model says is wrong; it names the account it concerns, if one, and the
 * node whose reply was wrong, if one ({@link #NO_NODE} otherwise), whose log the failure report shows.
 */
final class Violation extends RuntimeException {
  static final int NO_NODE = -1;

  final String account;
  final int node;

  Violation(String account, String message) {
    this(account, NO_NODE, message);
  }

  Violation(String account, int node, String message) {
    super(message);
    this.account = account;
    this.node = node;
  }
}
