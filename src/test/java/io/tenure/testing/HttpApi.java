package io.tenure.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests: real requests to a running Tenure, JSON answers as trees. */
public final class HttpApi {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String apiKey;

  HttpApi(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /** A client of the Tenure at {@code baseUrl} using {@code apiKey}. */
  public static HttpApi at(String baseUrl, String apiKey) {
    return new HttpApi(baseUrl, apiKey);
  }

  /** An answer: status, raw body, and the body as JSON (null when it is not JSON). */
  public record Answer(int status, String text, JsonNode json) {
    public String errorCode() {
      return json == null ? null : json.path("error").path("code").asText(null);
    }

    public String errorMessage() {
      return json == null ? null : json.path("error").path("message").asText(null);
    }

    public String get(String field) {
      return json.path(field).asText(null);
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  public Answer get(String path) {
    return send("GET", path, null, null);
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Answer post(String path, Object body) {
    return send("POST", path, body, null);
  }

  public Answer post(String path, Object body, String idempotencyKey) {
    return send("POST", path, body, idempotencyKey);
  }

  public Answer put(String path, Object body) {
    return send("PUT", path, body, null);
  }

  public Answer put(String path, Object body, String idempotencyKey) {
    return send("PUT", path, body, idempotencyKey);
  }

  /** Sends {@code body} as is when it is a String, otherwise as JSON. */
  public Answer send(String method, String path, Object body, String idempotencyKey) {
    String text = body == null ? "" : body instanceof String raw ? raw : Json.write(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text))
        .header("Content-Type", "application/json");
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), parse(response.body()));
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } catch (InterruptedException failure) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(failure);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return text.isEmpty() ? null : Json.MAPPER.readTree(text);
    } catch (IOException notJson) {
      return null;
    }
  }
}
