package io.tenure.error;

/** No API key, or one that Tenure does not know. */
public final class UnauthenticatedException extends TenureException {

  public UnauthenticatedException(String code, String message) {
    super(code, message);
  }
}
