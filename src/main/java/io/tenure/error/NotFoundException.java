package io.tenure.error;

/** The named thing does not exist, or the caller may not know that it exists. */
public final class NotFoundException extends TenureException {

  public NotFoundException(String code, String message) {
    super(code, message);
  }
}
