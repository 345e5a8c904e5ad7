package io.tenure.webhook;

import io.tenure.clock.OperatorZone;
import io.tenure.delivery.Outcome;
import io.tenure.delivery.RoundLoop;
import io.tenure.webhook.WebhookDeliveries.Claimed;
import io.tenure.webhook.WebhookDeliveries.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the providers' outbox out to webhook deliveries and sends the due ones, on one background thread of this
 * process, in real time also under the simulated clock, with the claim/lease/record pattern of the notices'
 * dispatcher (docs/notices.md, "Deliveries"): a claim counts the attempt and leases the delivery in one short
 * transaction, the POST happens outside any lock, its outcome and the attempt are recorded in a second one.
 */
public final class WebhookDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final Jdbi jdbi;
  private final WebhookFanOut fanOut;
  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final WebhookReleases releases;
  private final WebhookSender sender;
  private final WebhookSettings settings;
  private final InstantSource realTime;
  private final RoundLoop loop;

  WebhookDispatcher(Jdbi jdbi, WebhookFanOut fanOut, WebhookEndpoints endpoints, WebhookDeliveries deliveries,
      WebhookReleases releases, WebhookSettings settings, InstantSource realTime) {
    this.jdbi = jdbi;
    this.fanOut = fanOut;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.releases = releases;
    this.sender = new WebhookSender(settings.timeout(), realTime);
    this.settings = settings;
    this.realTime = realTime;
    this.loop = new RoundLoop("webhooks", this::runOnce, settings.poll());
  }

  void start() {
    loop.start();
  }

  /** Fans out every waiting outbox row, looks after overdue releases and failing endpoints, then sends one batch. */
  int runOnce() {
    int done = 0;
    int rows;
    do {
      rows = fanOut.fanOutBatch(settings.batchSize());
      done += rows;
    } while (rows == settings.batchSize() && loop.running());
    done += resendOverdueReleases();
    checkFailingEndpoints();
    return done + dispatchBatch();
  }

  private int resendOverdueReleases() {
    return jdbi.inTransaction(handle -> {
      List<WebhookReleases.Overdue> overdue = releases.alertOverdue(handle, realTime.instant(), settings.confirmationTimeout());
      for (WebhookReleases.Overdue release : overdue) {
        for (WebhookEndpoint endpoint : endpoints.receiving(handle)) {
          deliveries.resend(handle, endpoint.id(), List.of(release.eventSequence()), realTime.instant());
        }
      }
      return overdue.size();
    });
  }

  /** Warns about an endpoint failing for {@code failingWarning}, and disables one failing for {@code failingDisable}. */
  private void checkFailingEndpoints() {
    jdbi.useTransaction(handle -> {
      Instant now = realTime.instant();
      for (WebhookEndpoint endpoint : endpoints.receiving(handle)) {
        Optional<Instant> since = endpoint.failingSince();
        if (since.isEmpty()) {
          continue;
        }
        Duration failing = Duration.between(since.get(), now);
        if (failing.compareTo(settings.failingDisable()) >= 0) {
          String reason = "Every attempt failed since " + OperatorZone.iso(since.get()) + ".";
          LOG.warn("webhook - endpoint {} ({}) is disabled: {}", endpoint.id(), endpoint.url(), reason);
          endpoints.disable(handle, endpoint.id(), reason, now);
        } else if (failing.compareTo(settings.failingWarning()) >= 0 && endpoint.warnedAt().isEmpty()) {
          LOG.warn("webhook - endpoint {} ({}) has failed every attempt since {}; it is disabled after {} of failures",
              endpoint.id(), endpoint.url(), OperatorZone.iso(since.get()), settings.failingDisable());
          endpoints.warned(handle, endpoint.id(), now);
        }
      }
    });
  }

  /** Claims up to a batch of due deliveries, sends each and records it; answers how many it claimed. */
  int dispatchBatch() {
    Instant now = realTime.instant();
    Instant leaseUntil = now.plus(settings.lease());
    List<Claimed> claimed = jdbi.inTransaction(handle -> deliveries.claimDue(handle, now, leaseUntil, settings.batchSize()));
    for (Claimed delivery : claimed) {
      // One after another: never start one that could outlast the lease (another node may take it over).
      if (!loop.running() || realTime.instant().plus(settings.timeout().multipliedBy(2)).isAfter(leaseUntil)) {
        jdbi.useHandle(handle -> deliveries.release(handle, delivery, realTime.instant()));
        continue;
      }
      record(delivery, sender.send(delivery));
    }
    return claimed.size();
  }

  private void record(Claimed delivery, WebhookSender.Result result) {
    Instant now = realTime.instant();
    boolean lastAttempt = delivery.attempt() >= settings.maxAttempts();
    Outcome outcome = result.outcome();
    jdbi.useTransaction(handle -> {
      String attemptOutcome = switch (outcome) {
        case Outcome.Sent ignored -> Status.DELIVERED.name();
        case Outcome.Failed ignored -> Status.FAILED.name();
        case Outcome.Unknown ignored -> "UNKNOWN";
      };
      Optional<String> error = outcome instanceof Outcome.Sent ? Optional.empty() : Optional.of(outcome.reason());
      deliveries.recordAttempt(handle, delivery, now, result.statusCode(), attemptOutcome, error);
      endpoints.attempted(handle, delivery.endpointId(), outcome instanceof Outcome.Sent, now);
      if (outcome instanceof Outcome.Sent) {
        deliveries.record(handle, delivery, Status.DELIVERED, now, Optional.empty(), now);
      } else if (result.gone()) {
        deliveries.record(handle, delivery, Status.FAILED, now, error, now);
        LOG.warn("webhook - endpoint {} answered 410 Gone; it is disabled", delivery.endpointId());
        endpoints.disable(handle, delivery.endpointId(), "The endpoint answered 410 Gone.", now);
      } else if (lastAttempt || (outcome instanceof Outcome.Failed failed && !failed.retryable())) {
        deliveries.record(handle, delivery, Status.FAILED, now, error, now);
        LOG.warn("webhook - event evt_{} ({}) to endpoint {} failed for good after {} attempts: {}", delivery.eventSequence(),
            delivery.eventType(), delivery.endpointId(), delivery.attempt(), error.orElse(""));
      } else {
        deliveries.record(handle, delivery, Status.PENDING, now.plus(RetrySchedule.pause(settings.retries(), delivery.attempt(), result.retryAfter())), error, now);
      }
    });
  }

  @Override
  public void close() {
    loop.close();
  }
}
