package io.tenure.api;

import io.tenure.error.Require;
import io.tenure.store.Database;
import java.io.IOException;
import java.io.InputStream;

/** Health and the OpenAPI description. API key management is the accounts package's {@code ApiKeyRoutes}. */
public final class SystemRoutes {

  private SystemRoutes() {}

  /** The answer of {@code GET /health}: {@code UP}, or {@code DOWN} when the database does not answer. */
  record Health(String status) {}

  /** Registers the routes. */
  public static void register(Routes routes, Database database) {
    byte[] openApi = readOpenApi();
    routes.get("/health", Routes.Access.PUBLIC, (context, caller) -> {
      boolean up = database.isUp();
      context.status(up ? 200 : 503).json(new Health(up ? "UP" : "DOWN"));
    });
    routes.get("/openapi.yaml", Routes.Access.PUBLIC,
        (context, caller) -> context.contentType("application/yaml").result(openApi));
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
