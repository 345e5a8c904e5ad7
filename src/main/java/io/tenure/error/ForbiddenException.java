package io.tenure.error;

/** A known API key acting outside its scope. */
public final class ForbiddenException extends TenureException {

  public ForbiddenException(String code, String message) {
    super(code, message);
  }
}
