package io.tenure.simulation;

/** A reply or a state that the auditor's model says is wrong; it names the account it concerns, if one. */
final class Violation extends RuntimeException {
  final String account;

  Violation(String account, String message) {
    super(message);
    this.account = account;
  }
}
