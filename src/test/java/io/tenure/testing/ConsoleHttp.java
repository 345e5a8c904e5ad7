package io.tenure.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console over plain HTTP, without a browser: signs in with a key like the sign-in form does, then sends the
 * session's cookie with every request. For the console's routing and timing tests.
 */
public final class ConsoleHttp {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Pattern COOKIE = Pattern.compile("^([a-z_]+)=([^;]*)");
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([0-9a-f]+)\"");

  private final String baseUrl;
  private String cookie = "";

  private ConsoleHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A person who has signed in with {@code apiKey}. */
  public static ConsoleHttp signedIn(TestServer server, String apiKey) {
    ConsoleHttp console = new ConsoleHttp(server.baseUrl());
    HttpResponse<String> form = console.get("/console/sign-in");
    Matcher token = FORM_TOKEN.matcher(form.body());
    if (!token.find()) {
      throw new AssertionError("no sign-in form: " + form.body());
    }
    HttpResponse<String> signedIn = console.post("/console/sign-in",
        "formToken=" + token.group(1) + "&apiKey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
    if (signedIn.statusCode() != 303) {
      throw new AssertionError("sign-in refused: " + signedIn.statusCode());
    }
    return console;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public HttpResponse<String> post(String path, String form) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (!cookie.isEmpty()) {
      request.header("Cookie", cookie);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        Matcher matcher = COOKIE.matcher(set);
        if (matcher.find()) {
          cookie = (cookie.isEmpty() ? "" : cookie + "; ") + matcher.group(1) + "=" + matcher.group(2);
        }
      }
      return response;
    } catch (IOException failure) {
      throw new java.io.UncheckedIOException(failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}
