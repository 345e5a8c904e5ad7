package io.tenure.error;

/**
 * Root of every failure Tenure reports to a caller: a stable, upper-snake-case {@link #code()} plus a
 * message a person can act on. The subclass says what kind of failure it is; the HTTP layer maps that
 * kind to a status. Invariant violations are not TenureExceptions: they are bugs and surface as 500s.
 */
public abstract sealed class TenureException extends RuntimeException
    permits InvalidInputException, NotFoundException, RejectedException, LimitExceededException,
        UnauthenticatedException, ForbiddenException, UnsupportedMediaTypeException {

  private final String code;

  protected TenureException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** The stable machine-readable code, for example {@code INSUFFICIENT_BALANCE}. */
  public String code() {
    return code;
  }
}
