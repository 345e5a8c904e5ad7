package io.tenure.api;

import io.tenure.error.InvalidInputException;
import io.tenure.error.NotFoundException;
import io.tenure.error.Require;
import io.tenure.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Health, the OpenAPI description, and API key management. */
public final class SystemRoutes {

  private SystemRoutes() {}

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
  public static void register(Routes routes, Database database, ApiKeys keys, ScopeOwners owners) {
    byte[] openApi = readOpenApi();
    routes.get("/health", Routes.Access.PUBLIC, (context, caller) -> {
      boolean up = database.isUp();
      context.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
    });
    routes.get("/openapi.yaml", Routes.Access.PUBLIC,
        (context, caller) -> context.contentType("application/yaml").result(openApi));
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

  private static byte[] readOpenApi() {
    try (InputStream in = SystemRoutes.class.getResourceAsStream("/openapi.yaml")) {
      Require.invariant(in != null, "openapi.yaml is missing from the classpath");
      return in.readAllBytes();
    } catch (IOException failure) {
      throw new IllegalStateException("could not read openapi.yaml", failure);
    }
  }
}
