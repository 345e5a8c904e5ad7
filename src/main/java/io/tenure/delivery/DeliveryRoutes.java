package io.tenure.delivery;

import io.javalin.http.Context;
import io.tenure.api.Page;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.delivery.DeliveryStore.Listed;
import io.tenure.delivery.DeliveryStore.Status;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import io.tenure.error.NotFoundException;
import io.tenure.subscription.Channel;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's view of deliveries: {@code GET /v1/messages} lists them by status, channel and account, and
 * {@code POST /v1/messages/{id}/resend} makes a failed or delivered one pending again. Statuses are written in lower
 * case (as the issue names them), channels as the subscriptions API writes them.
 */
public final class DeliveryRoutes {
  private static final String PREFIX = "dlv_";
  private static final Pattern ID = Pattern.compile("dlv_[1-9][0-9]{0,17}");

  /** One delivery as the API shows it: instants in its account's zone. */
  public record DeliveryView(String id, String accountId, String messageId, String type, Channel channel, String address,
      String status, int attempts, OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime raisedAt,
      OffsetDateTime createdAt, OffsetDateTime deliveredAt) {}

  private DeliveryRoutes() {}

  public static void register(Routes routes, Jdbi jdbi, DeliveryStore store) {
    routes.get("/v1/messages", Routes.Access.OPERATOR, (context, caller) -> {
      int limit = QueryParameters.limit(context);
      DeliveryStore.Filter filter = new DeliveryStore.Filter(status(context), channel(context),
          Optional.ofNullable(context.queryParam("accountId")), after(context));
      context.json(jdbi.withHandle(handle -> Page.of(store.list(handle, filter, limit), limit, DeliveryRoutes::view,
          listed -> PREFIX + listed.id())));
    });
    routes.post("/v1/messages/{id}/resend", Routes.Access.OPERATOR, (context, caller) -> {
      String id = context.pathParam("id");
      Optional<Listed> resent = ID.matcher(id).matches()
          ? jdbi.inTransaction(handle -> store.resend(handle, Long.parseLong(id.substring(PREFIX.length())),
              InstantSource.system().instant()))
          : Optional.empty();
      context.json(view(resent.orElseThrow(() -> new NotFoundException("MESSAGE_NOT_FOUND",
          "There is no message '" + Echo.of(id) + "'."))));
    });
  }

  private static Optional<Status> status(Context context) {
    String text = context.queryParam("status");
    if (text == null) {
      return Optional.empty();
    }
    return Arrays.stream(Status.values()).filter(status -> status.name().toLowerCase(Locale.ROOT).equals(text)).findFirst()
        .or(() -> {
          throw new InvalidInputException("INVALID_QUERY_PARAMETER",
              "Query parameter 'status': must be one of pending, delivered, failed, was '" + Echo.of(text) + "'.");
        });
  }

  private static Optional<Channel> channel(Context context) {
    String text = context.queryParam("channel");
    if (text == null) {
      return Optional.empty();
    }
    return Arrays.stream(Channel.values()).filter(channel -> channel.name().equals(text)).findFirst().or(() -> {
      throw new InvalidInputException("INVALID_QUERY_PARAMETER", "Query parameter 'channel': must be one of "
          + Arrays.stream(Channel.values()).map(Channel::name).collect(Collectors.joining(", ")) + ", was '" + Echo.of(text) + "'.");
    });
  }

  private static Optional<Long> after(Context context) {
    String text = context.queryParam("after");
    if (text == null) {
      return Optional.empty();
    }
    if (!ID.matcher(text).matches()) {
      throw new InvalidInputException("INVALID_QUERY_PARAMETER",
          "Query parameter 'after': must be the id of a message, like dlv_42, was '" + Echo.of(text) + "'.");
    }
    return Optional.of(Long.parseLong(text.substring(PREFIX.length())));
  }

  private static DeliveryView view(Listed listed) {
    return new DeliveryView(PREFIX + listed.id(), listed.accountId(), "msg_" + listed.messageSequence(), listed.messageType(),
        listed.channel(), listed.address(), listed.status().name().toLowerCase(Locale.ROOT), listed.attempts(),
        zoned(listed, listed.nextAttemptAt()), listed.lastError().orElse(null), zoned(listed, listed.raisedAt()),
        zoned(listed, listed.createdAt()), listed.deliveredAt().map(at -> zoned(listed, at)).orElse(null));
  }

  private static OffsetDateTime zoned(Listed listed, Instant instant) {
    return instant.atZone(listed.zone()).toOffsetDateTime();
  }
}
