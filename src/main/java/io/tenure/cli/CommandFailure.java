package io.tenure.cli;

/** A known reason a command could not run (a port in use, for example): printed as its one-line message, exit 1. */
final class CommandFailure extends RuntimeException {

  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
