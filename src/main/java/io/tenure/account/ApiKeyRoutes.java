package io.tenure.account;

import io.tenure.api.Caller;
import io.tenure.api.Json;
import io.tenure.api.Routes;
import io.tenure.error.InvalidInputException;
import io.tenure.error.NotFoundException;
import io.tenure.error.Require;

/** API key management: the operator issues keys for partners and accounts, and revokes them. */
public final class ApiKeyRoutes {

  private ApiKeyRoutes() {}

  /** Body of {@code POST /v1/api-keys}. */
  record NewApiKey(Caller.Scope scope, String partnerId, String accountId, String name) implements Json.Validated {
    @Override
    public void validate() {
      Require.present(scope, "scope");
      if (scope == Caller.Scope.OPERATOR) {
        throw new InvalidInputException("INVALID_FIELD", Require.fieldMessage("scope", "must be PARTNER or ACCOUNT; the operator key is set at start"));
      }
      Require.field(scope != Caller.Scope.PARTNER || partnerId != null, "partnerId", "is required for scope PARTNER");
      Require.field(scope != Caller.Scope.ACCOUNT || accountId != null, "accountId", "is required for scope ACCOUNT");
      Require.field(scope == Caller.Scope.PARTNER || partnerId == null, "partnerId", "is only for scope PARTNER");
      Require.field(scope == Caller.Scope.ACCOUNT || accountId == null, "accountId", "is only for scope ACCOUNT");
      Require.field(name == null || name.length() <= 200, "name", "must be at most 200 characters");
    }
  }

  /**
   * Registers the routes. {@code owners} tells whether a partner or account with a given id exists, so a
   * key is never issued for nothing.
   */
  public static void register(Routes routes, ApiKeys keys, ScopeOwners owners) {
    routes.post("/v1/api-keys", Routes.Access.OPERATOR, (context, caller) -> {
      NewApiKey request = Json.read(context.bodyAsBytes(), NewApiKey.class);
      if (request.partnerId() != null && !owners.partnerExists(request.partnerId())) {
        throw new NotFoundException("PARTNER_NOT_FOUND", "No partner " + request.partnerId() + ".");
      }
      if (request.accountId() != null && !owners.accountExists(request.accountId())) {
        throw new NotFoundException("ACCOUNT_NOT_FOUND", "No account " + request.accountId() + ".");
      }
      context.status(201).json(keys.issue(request.scope(), request.partnerId(), request.accountId(), request.name()));
    });
    routes.delete("/v1/api-keys/{id}", Routes.Access.OPERATOR, (context, caller) -> {
      if (!keys.revoke(context.pathParam("id"))) {
        throw new NotFoundException("API_KEY_NOT_FOUND", "No API key " + context.pathParam("id") + ".");
      }
      context.status(204);
    });
  }

  /** Answers whether the holders of partner and account keys exist. */
  public interface ScopeOwners {
    boolean partnerExists(String partnerId);

    boolean accountExists(String accountId);
  }
}
