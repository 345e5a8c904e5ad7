package io.tenure.catalog;

import io.tenure.api.Routes;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /v1/catalog} (the newest version, in the words of the catalog file) and {@code PUT /v1/catalog}
 * (the operator loads a new version); what the first answers, the second takes back unchanged.
 */
public final class CatalogRoutes {

  private CatalogRoutes() {}

  /** The answer of a load: the version stored and how many plans it lists. */
  record Loaded(int version, int plans) {}

  public static void register(Routes routes, Catalogs catalogs) {
    routes.get("/v1/catalog", Routes.Access.KEY, (context, caller) -> context.json(CatalogWriter.write(catalogs.current())));
    routes.put("/v1/catalog", Routes.Access.OPERATOR, (context, caller) -> {
      String source = new String(context.bodyAsBytes(), StandardCharsets.UTF_8);
      if (source.isBlank()) {
        throw new io.tenure.error.InvalidInputException("MISSING_BODY", "Send the catalog as YAML or JSON.");
      }
      Catalog loaded = catalogs.load(source, "request body");
      context.status(201).json(new Loaded(loaded.version(), loaded.plans().size()));
    }).withBodyTypes(Routes.JSON, "application/yaml", "application/x-yaml", "text/yaml");
  }
}
