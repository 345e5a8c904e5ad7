package io.tenure.store;

/**
 * The database cannot be opened: an external server that does not answer or refuses the login, or an embedded
 * one that cannot start on its files. The message is one line a person can act on; the cause keeps the details.
 */
public final class DatabaseUnavailableException extends RuntimeException {

  DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
