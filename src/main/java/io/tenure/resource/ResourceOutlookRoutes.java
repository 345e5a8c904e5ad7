package io.tenure.resource;

import io.javalin.http.Context;
import io.tenure.api.Caller;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.clock.TenureClock;
import java.time.Duration;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;

/** {@code GET /v1/resource-outlook}: the operator's dashboard read over every account's resources. */
public final class ResourceOutlookRoutes {
  private final Jdbi jdbi;
  private final ResourceOutlook outlook;
  private final TenureClock clock;
  private final ZoneId operatorZone;

  public ResourceOutlookRoutes(Jdbi jdbi, ResourceOutlook outlook, TenureClock clock, ZoneId operatorZone) {
    this.jdbi = jdbi;
    this.outlook = outlook;
    this.clock = clock;
    this.operatorZone = operatorZone;
  }

  public void register(Routes routes) {
    routes.get("/v1/resource-outlook", Routes.Access.OPERATOR, this::read);
  }

  private void read(Context context, Caller caller) {
    Duration within = Duration.ofDays(QueryParameters.number(context, "days", 7, 1, 31));
    int limit = (int) QueryParameters.number(context, "limit", 100, 1, 1000);
    context.json(jdbi.withHandle(handle -> outlook.read(handle, clock.now(), within, limit, operatorZone)));
  }
}
