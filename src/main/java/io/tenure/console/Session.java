package io.tenure.console;

import io.tenure.api.Caller;

/**
 * A signed-in browser: who it is (the key's caller), the key it calls the API with, and the token every form of
 * the session must carry (CSRF).
 */
record Session(String tokenHash, Caller caller, String apiKey, String csrfToken) {

  /** The account an account key is for; the home of a customer's pages. */
  String accountId() {
    return caller.accountId();
  }

  @Override
  public String toString() {
    // Never the key or the CSRF token in a log line.
    return "Session[" + caller.scope() + " " + caller.keyId() + "]";
  }
}
