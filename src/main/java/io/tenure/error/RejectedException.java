package io.tenure.error;

/** A well-formed request that the rules refuse in the current state (phase, balance, clock mode, idempotency). */
public final class RejectedException extends TenureException {

  public RejectedException(String code, String message) {
    super(code, message);
  }
}
