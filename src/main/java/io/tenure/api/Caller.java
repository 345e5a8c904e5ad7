package io.tenure.api;

import io.tenure.error.ForbiddenException;
import io.tenure.error.NotFoundException;
import java.util.Objects;

/**
 * Who is calling, as established by the API key: the operator (everything), a partner (its accounts) or
 * an account (itself). docs/scopes.md is the table of what each may do. Two kinds of refusal: 403 for a
 * route this kind of key may never call, decided from the key alone; 404 for an object outside the key's
 * scope, exactly as if it did not exist, so that a key cannot learn what exists beyond its scope.
 */
public record Caller(Scope scope, String keyId, String partnerId, String accountId) {

  public enum Scope { OPERATOR, PARTNER, ACCOUNT }

  public boolean isOperator() {
    return scope == Scope.OPERATOR;
  }

  /** Refuses with 403 a route this kind of key may never call, before anything the request names is looked up. */
  public void requireAccess(Routes.Access access) {
    boolean allowed = switch (access) {
      case PUBLIC, KEY -> true;
      case OPERATOR_OR_PARTNER -> scope != Scope.ACCOUNT;
      case OPERATOR -> scope == Scope.OPERATOR;
    };
    if (!allowed) {
      throw new ForbiddenException("FORBIDDEN", access == Routes.Access.OPERATOR
          ? "This call needs the operator's API key."
          : "This call needs the operator's or a partner's API key; an account key cannot make it.");
    }
  }

  /**
   * Lets the caller see an account, given the partner that manages it. Outside its scope the account is
   * reported as not found, so a key cannot even learn which accounts exist.
   */
  public void requireAccount(String accountId, String accountPartnerId) {
    boolean allowed = switch (scope) {
      case OPERATOR -> true;
      case PARTNER -> Objects.equals(partnerId, accountPartnerId);
      case ACCOUNT -> Objects.equals(this.accountId, accountId);
    };
    if (!allowed) {
      throw new NotFoundException("ACCOUNT_NOT_FOUND", "No account " + accountId + ".");
    }
  }

  /**
   * Lets the caller reach a partner and its accounts: the operator any partner, a partner itself. Any other
   * partner is reported as not found, exactly like one that does not exist.
   */
  public void requirePartner(String partnerId) {
    boolean allowed = switch (scope) {
      case OPERATOR -> true;
      case PARTNER -> Objects.equals(this.partnerId, partnerId);
      case ACCOUNT -> false;
    };
    if (!allowed) {
      throw new NotFoundException("PARTNER_NOT_FOUND", "No partner " + partnerId + ".");
    }
  }
}
