package io.tenure.api;

import io.tenure.error.ForbiddenException;
import io.tenure.error.NotFoundException;
import java.util.Objects;

/**
 * Who is calling, as established by the API key: the operator (everything), a partner (its accounts) or
 * an account (itself).
 */
public record Caller(Scope scope, String keyId, String partnerId, String accountId) {

  public enum Scope { OPERATOR, PARTNER, ACCOUNT }

  public boolean isOperator() {
    return scope == Scope.OPERATOR;
  }

  public void requireOperator() {
    if (!isOperator()) {
      throw new ForbiddenException("FORBIDDEN", "This call needs the operator's API key.");
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
}
