package io.tenure.webhook;

import io.tenure.delivery.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Posts one signed webhook to its endpoint over one shared HTTP client, and says what became of it: a 2xx is sent;
 * 410 Gone means the endpoint is gone for good; any other status, and a connection that could not be made, may
 * succeed later (a provider's bug is fixed, its service comes back); a timeout is unknown. Thread-safe.
 */
final class WebhookSender {
  /** What became of one attempt: the endpoint's status, if it answered, and the pause it asked for. */
  record Result(Outcome outcome, Optional<Integer> statusCode, boolean gone, Optional<Duration> retryAfter) {}

  private final HttpClient client;
  private final Duration timeout;
  private final InstantSource realTime;

  WebhookSender(Duration timeout, InstantSource realTime) {
    // As the SMS channel's client: no executor pool, which lost an answer now and then on a reused connection.
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.timeout = timeout;
    this.realTime = realTime;
  }

  Result send(WebhookDeliveries.Claimed delivery) {
    // The timestamp is the real clock of this attempt, also under the simulated clock: receivers check it against theirs.
    long timestamp = realTime.instant().getEpochSecond();
    String eventId = WebhookFanOut.eventId(delivery.eventSequence());
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
          .header("content-type", "application/json").header("webhook-id", eventId)
          .header("webhook-timestamp", Long.toString(timestamp))
          .header("webhook-signature", WebhookSigner.signature(delivery.secrets(), eventId, timestamp, delivery.payload()))
          .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
    } catch (IllegalArgumentException badUrl) {
      return new Result(new Outcome.Failed(false, "The endpoint's URL cannot be used: " + badUrl.getMessage()), Optional.empty(),
          false, Optional.empty());
    }
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return judged(response.statusCode(), response.headers().firstValue("retry-after"));
    } catch (HttpTimeoutException timedOut) {
      return new Result(new Outcome.Unknown("The endpoint did not answer within " + timeout.toSeconds() + " s."),
          Optional.empty(), false, Optional.empty());
    } catch (IOException failure) {
      return new Result(new Outcome.Failed(true, "The endpoint could not be reached: " + failure), Optional.empty(), false,
          Optional.empty());
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      return new Result(new Outcome.Unknown("The attempt was stopped while waiting for the endpoint."), Optional.empty(), false,
          Optional.empty());
    }
  }

  private Result judged(int status, Optional<String> retryAfter) {
    Optional<Integer> code = Optional.of(status);
    if (status >= 200 && status < 300) {
      return new Result(new Outcome.Sent(Optional.empty()), code, false, Optional.empty());
    }
    String reason = "The endpoint answered " + status + ".";
    if (status == 410) {
      return new Result(new Outcome.Failed(false, reason + " It is gone and is disabled."), code, true, Optional.empty());
    }
    return new Result(new Outcome.Failed(true, reason), code, false, retryAfter.flatMap(this::pause));
  }

  /** Retry-After as seconds or an HTTP date; unreadable ones are ignored. */
  private Optional<Duration> pause(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration pause = Duration.between(realTime.instant(), at);
        return Optional.of(pause.isNegative() ? Duration.ZERO : pause);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
