package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The console's way into Tenure: the {@code /v1} API of this very process, over loopback, with the session's key.
 * A page therefore shows exactly what the key may see, and an action runs the same use case, checks and
 * idempotency as the API call it names. An answer of 400 or more is thrown as {@link ApiRefusal}.
 */
final class ApiClient {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final String apiKey;

  ApiClient(int port, String apiKey) {
    this.base = "http://127.0.0.1:" + port;
    this.apiKey = apiKey;
  }

  JsonNode get(String path) {
    return send("GET", path, null, null);
  }

  /** Sends {@code body} (JSON, or nothing when null), with {@code idempotencyKey} when not null. */
  JsonNode send(String method, String path, Object body, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + apiKey)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Json.write(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    try {
      HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json = response.body().length == 0 ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body());
      if (response.statusCode() >= 400) {
        JsonNode error = json.path("error");
        throw new ApiRefusal(response.statusCode(), error.path("code").asText("ERROR"), error.path("message").asText(""));
      }
      return json;
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling the API.", interrupted);
    }
  }

  /** A refusal of the API, with its status, code and message, shown to the person as it is. */
  static final class ApiRefusal extends RuntimeException {
    private final int status;
    private final String code;

    ApiRefusal(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }

    int status() {
      return status;
    }

    String code() {
      return code;
    }
  }
}
