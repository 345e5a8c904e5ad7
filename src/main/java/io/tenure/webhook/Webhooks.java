package io.tenure.webhook;

import io.tenure.catalog.Catalogs;
import io.tenure.error.NotFoundException;
import io.tenure.error.Echo;
import io.tenure.store.Ids;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The webhooks of one Tenure: the operator's endpoints and what they received, each call in its own transaction, and
 * the dispatcher that delivers them. Thread-safe.
 */
public final class Webhooks implements AutoCloseable {
  private final Jdbi jdbi;
  private final WebhookSettings settings;
  private final InstantSource realTime;
  private final Catalogs catalogs;
  private final WebhookEndpoints endpoints = new WebhookEndpoints();
  private final WebhookDeliveries deliveries = new WebhookDeliveries();
  private final WebhookReleases releases;
  private final Optional<WebhookDispatcher> dispatcher;

  /** Wires the webhooks; their dispatcher, unless {@code settings} turn it off, runs from {@link #start}. */
  public Webhooks(Jdbi jdbi, Catalogs catalogs, WebhookReleases releases, WebhookSettings settings, InstantSource realTime) {
    this.jdbi = jdbi;
    this.settings = settings;
    this.realTime = realTime;
    this.catalogs = catalogs;
    this.releases = releases;
    if (settings.enabled()) {
      WebhookFanOut fanOut = new WebhookFanOut(jdbi, catalogs, endpoints, deliveries, releases, realTime);
      this.dispatcher = Optional.of(new WebhookDispatcher(jdbi, fanOut, endpoints, deliveries, releases, settings, realTime));
    } else {
      this.dispatcher = Optional.empty();
    }
  }

  /** A new endpoint with a new secret; the answer is the only time the secret is shown. */
  WebhookEndpoint create(WebhookRequests.NewEndpoint request) {
    request.requireKnownProducts(catalogs.current());
    WebhookEndpoint endpoint = new WebhookEndpoint(Ids.next("whe"), request.url(), request.productsOrAll(),
        request.eventsOrAll(), WebhookSigner.newSecret(), Optional.empty(), Optional.empty(), realTime.instant(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    jdbi.useHandle(handle -> endpoints.insert(handle, endpoint));
    return endpoint;
  }

  List<WebhookEndpoint> list() {
    return jdbi.withHandle(endpoints::list);
  }

  WebhookEndpoint find(String id) {
    return jdbi.withHandle(handle -> require(handle, id));
  }

  void delete(String id) {
    jdbi.useTransaction(handle -> {
      require(handle, id);
      endpoints.delete(handle, id, realTime.instant());
    });
  }

  /** A new secret; the old one signs too, side by side, for the rotation overlap. */
  WebhookEndpoint rotateSecret(String id) {
    return jdbi.inTransaction(handle -> {
      require(handle, id);
      endpoints.rotate(handle, id, WebhookSigner.newSecret(), realTime.instant().plus(settings.rotationOverlap()));
      return require(handle, id);
    });
  }

  /** Enables an endpoint that was disabled (410 Gone, or failing too long); deliveries failed meanwhile stay failed. */
  WebhookEndpoint enable(String id) {
    return jdbi.inTransaction(handle -> {
      require(handle, id);
      endpoints.enable(handle, id);
      return require(handle, id);
    });
  }

  List<WebhookDeliveries.Attempt> attempts(String id, long after, int limit) {
    return jdbi.withHandle(handle -> {
      require(handle, id);
      return deliveries.attempts(handle, id, after, limit);
    });
  }

  /** The deliveries of the resource's events to every endpoint, newest first; 404 when there is no such resource. */
  List<WebhookDeliveries.Delivery> deliveriesOf(String resourceId, long before, int limit) {
    return jdbi.withHandle(handle -> deliveries.ofResource(handle, resourceId, before, limit)).orElseThrow(() ->
        new NotFoundException("RESOURCE_NOT_FOUND", "No resource " + Echo.of(resourceId) + "."));
  }

  /** Sends the endpoint's delivery of event {@code sequence} again; 404 when it never had one. */
  void resend(String id, long sequence, String eventId) {
    jdbi.useTransaction(handle -> {
      require(handle, id);
      if (deliveries.resend(handle, id, List.of(sequence), realTime.instant()) == 0) {
        throw new NotFoundException("EVENT_NOT_FOUND", "The endpoint never received an event '" + Echo.of(eventId) + "'.");
      }
    });
  }

  /** Sends every event the endpoint received since {@code since} (real time) again, in order; answers how many. */
  int replay(String id, Instant since) {
    return jdbi.inTransaction(handle -> {
      require(handle, id);
      return deliveries.resend(handle, id, deliveries.sequencesSince(handle, id, since), realTime.instant());
    });
  }

  /** The releases' audit records (the handshake of SPEC.md section 4). */
  List<WebhookReleases.Audit> releases(Optional<String> resourceId, boolean unconfirmedOnly, int limit) {
    return jdbi.withHandle(handle -> releases.audits(handle, resourceId, unconfirmedOnly, limit));
  }

  private WebhookEndpoint require(Handle handle, String id) {
    return endpoints.find(handle, id).orElseThrow(() -> new NotFoundException("WEBHOOK_ENDPOINT_NOT_FOUND",
        "There is no webhook endpoint '" + Echo.of(id) + "'."));
  }

  /** Starts the dispatcher's thread, once the process is up: a start that fails leaves no thread behind. */
  public void start() {
    dispatcher.ifPresent(WebhookDispatcher::start);
  }

  @Override
  public void close() {
    dispatcher.ifPresent(WebhookDispatcher::close);
  }
}
