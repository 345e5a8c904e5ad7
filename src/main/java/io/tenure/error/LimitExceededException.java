package io.tenure.error;

/** A request that would take a resource past a limit of its plan. */
public final class LimitExceededException extends TenureException {

  public LimitExceededException(String code, String message) {
    super(code, message);
  }
}
