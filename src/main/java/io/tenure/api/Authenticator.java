package io.tenure.api;

/**
 * Tells who is calling from a request's {@code Authorization} header. The API keys of accounts implement it,
 * so the HTTP plumbing needs nothing of the accounts package.
 */
public interface Authenticator {

  /** The caller the header names; 401 {@code UNAUTHENTICATED} when it names none. */
  Caller authenticate(String authorizationHeader);
}
