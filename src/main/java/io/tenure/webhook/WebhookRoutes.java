package io.tenure.webhook;

import io.tenure.api.Json;
import io.tenure.api.Page;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import io.tenure.error.NotFoundException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operator's webhook endpoints (docs/providers.md, "Webhooks"): create (the secret is shown once), list, read,
 * delete, rotate the secret, enable again, list every attempt, resend one event, replay events since an instant.
 */
public final class WebhookRoutes {
  private static final Pattern EVENT_ID = Pattern.compile("evt_[1-9][0-9]{0,17}");
  private static final Pattern ATTEMPT_ID = Pattern.compile("wha_[1-9][0-9]{0,17}");
  private static final String ENDPOINT = "/v1/webhook-endpoints/{id}";

  private WebhookRoutes() {}

  public static void register(Routes routes, Webhooks webhooks) {
    routes.post("/v1/webhook-endpoints", Routes.Access.OPERATOR, (context, caller) -> {
      WebhookRequests.NewEndpoint request = Json.read(context.bodyAsBytes(), WebhookRequests.NewEndpoint.class);
      context.status(201).json(WebhookViews.endpoint(webhooks.create(request), true));
    });
    routes.get("/v1/webhook-endpoints", Routes.Access.OPERATOR, (context, caller) ->
        context.json(new Page<>(webhooks.list().stream().map(endpoint -> WebhookViews.endpoint(endpoint, false)).toList(), null)));
    routes.get(ENDPOINT, Routes.Access.OPERATOR, (context, caller) ->
        context.json(WebhookViews.endpoint(webhooks.find(context.pathParam("id")), false)));
    routes.delete(ENDPOINT, Routes.Access.OPERATOR, (context, caller) -> {
      webhooks.delete(context.pathParam("id"));
      context.status(204);
    });
    routes.post(ENDPOINT + "/rotate-secret", Routes.Access.OPERATOR, (context, caller) ->
        context.json(WebhookViews.endpoint(webhooks.rotateSecret(context.pathParam("id")), true)));
    routes.post(ENDPOINT + "/enable", Routes.Access.OPERATOR, (context, caller) ->
        context.json(WebhookViews.endpoint(webhooks.enable(context.pathParam("id")), false)));
    routes.get(ENDPOINT + "/deliveries", Routes.Access.OPERATOR, (context, caller) -> {
      int limit = QueryParameters.limit(context);
      long after = after(context.queryParam("after"));
      context.json(Page.of(webhooks.attempts(context.pathParam("id"), after, limit), limit, WebhookViews::attempt,
          attempt -> "wha_" + attempt.id()));
    });
    routes.get("/v1/resources/{id}/webhook-deliveries", Routes.Access.OPERATOR, (context, caller) -> {
      int limit = QueryParameters.limit(context);
      long before = QueryParameters.optionalNumber(context, "before").orElse(0L);
      context.json(Page.of(webhooks.deliveriesOf(context.pathParam("id"), before, limit), limit, WebhookViews::delivery,
          WebhookDeliveries.Delivery::id));
    });
    routes.post(ENDPOINT + "/events/{eventId}/resend", Routes.Access.OPERATOR, (context, caller) -> {
      String eventId = context.pathParam("eventId");
      if (!EVENT_ID.matcher(eventId).matches()) {
        throw new NotFoundException("EVENT_NOT_FOUND", "There is no event '" + Echo.of(eventId) + "'.");
      }
      webhooks.resend(context.pathParam("id"), Long.parseLong(eventId.substring(4)), eventId);
      context.status(202).json(new WebhookViews.ReplayView(1));
    });
    routes.get("/v1/webhook-releases", Routes.Access.OPERATOR, (context, caller) -> {
      int limit = QueryParameters.limit(context);
      context.json(new Page<>(webhooks.releases(Optional.ofNullable(context.queryParam("resourceId")),
          QueryParameters.flag(context, "unconfirmed"), limit).stream().map(WebhookViews::release).toList(), null));
    });
    routes.post(ENDPOINT + "/replay", Routes.Access.OPERATOR, (context, caller) -> {
      WebhookRequests.Replay request = Json.read(context.bodyAsBytes(), WebhookRequests.Replay.class);
      context.status(202).json(new WebhookViews.ReplayView(webhooks.replay(context.pathParam("id"), request.since().toInstant())));
    });
  }

  private static long after(String text) {
    if (text == null) {
      return 0;
    }
    if (!ATTEMPT_ID.matcher(text).matches()) {
      throw new InvalidInputException("INVALID_QUERY_PARAMETER",
          "Query parameter 'after': must be the id of an attempt, like wha_42, was '" + Echo.of(text) + "'.");
    }
    return Long.parseLong(text.substring(4));
  }
}
