package io.tenure.error;

/** A request body declared as a media type the route does not read (a form, text, XML), or not declared at all. */
public final class UnsupportedMediaTypeException extends TenureException {

  public UnsupportedMediaTypeException(String message) {
    super("UNSUPPORTED_MEDIA_TYPE", message);
  }
}
