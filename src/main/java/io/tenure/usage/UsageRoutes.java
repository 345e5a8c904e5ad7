package io.tenure.usage;

import io.tenure.api.Routes;

/** {@code POST /v1/usage}: a batch of up to 10,000 usage events (docs/usage.md). */
public final class UsageRoutes {

  private UsageRoutes() {}

  public static void register(Routes routes, UsageIngest ingest) {
    // Any key: each event's resource is checked against the key's scope, and one outside it is an unknown resource.
    routes.post("/v1/usage", Routes.Access.KEY, (context, caller) -> context.json(ingest.ingest(caller, context.bodyAsBytes())));
  }
}
