package io.tenure.delivery;

import io.tenure.error.Echo;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * SMS through an HTTP gateway, over one {@link HttpClient} that keeps its connections alive between messages.
 * Thread-safe: the client may carry several requests at once, so dispatcher threads can share one channel.
 * A refused connection or a connect timeout is retryable; a timeout or a lost connection after the request was
 * written is {@link Outcome.Unknown}, since the gateway may have sent the SMS.
 */
public final class SmsGatewayChannel implements Channel {
  private final SmsGatewaySettings settings;
  private final HttpClient client;

  public SmsGatewayChannel(SmsGatewaySettings settings) {
    this.settings = settings;
    // Its tasks run on its own selector thread, not on a pool: with the default pool the JDK's client lost about 1 answer
    // in 50,000 on a reused connection (the SMS arrived, the answer never reached the sender: unknown), with this none
    // in 2,400,000 (docs/notices.md, "An answer the client lost").
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run)
        .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public Outcome send(Outbound message) {
    HttpRequest request;
    try {
      request = request(message);
    } catch (IllegalArgumentException unusable) {
      return Outcome.permanent(unusable.getMessage());
    }
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException notConnected) {
      return Outcome.retryable("Could not connect to the SMS gateway " + address() + ": "
          + Echo.of(String.valueOf(notConnected.getMessage())) + ".");
    } catch (HttpTimeoutException timedOut) {
      return new Outcome.Unknown("The SMS gateway " + address() + " did not answer within "
          + settings.timeout().toMillis() + " ms; the SMS may have been sent.");
    } catch (IOException lost) {
      return new Outcome.Unknown("The connection to the SMS gateway " + address() + " was lost before its answer ("
          + Echo.of(String.valueOf(lost.getMessage())) + "); the SMS may have been sent.");
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Outcome.Unknown("Sending the SMS was interrupted before the gateway answered; it may have been sent.");
    }
    return settings.success().judge(response.statusCode(), response.body());
  }

  private HttpRequest request(Outbound message) {
    String body = settings.body().render(message);
    HttpRequest.Builder request;
    if (settings.method().equals("GET")) {
      String url = settings.url().toString();
      request = HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + body)).GET();
    } else {
      request = HttpRequest.newBuilder(settings.url())
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .header("Content-Type", settings.body().format().contentType());
    }
    settings.headers().forEach(request::setHeader);
    return request.timeout(settings.timeout()).build();
  }

  private String address() {
    return settings.url().getHost() + (settings.url().getPort() < 0 ? "" : ":" + settings.url().getPort());
  }

  @Override
  public void close() {
    client.close();
  }
}
