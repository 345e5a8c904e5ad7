package io.tenure.error;

/** The request itself is malformed: bad JSON, a wrong type, a missing or out-of-range field. */
public final class InvalidInputException extends TenureException {

  public InvalidInputException(String code, String message) {
    super(code, message);
  }
}
