package io.tenure.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.testing.ConsoleHttp;
import io.tenure.testing.HttpApi;
import io.tenure.testing.SharedServer;
import io.tenure.testing.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's pages are HTML beside the API, which keeps answering JSON and describes no console route. */
class ConsoleRoutingIT {
  @RegisterExtension
  static final SharedServer shared = SharedServer.simulatedAt("2023-03-08T15:50:04+08:00");

  @Test
  void anUnknownApiPathIsStillAJsonError() {
    HttpApi.Answer answer = shared.operator().get("/v1/no-such-thing");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.errorCode()).isEqualTo("ROUTE_NOT_FOUND");
  }

  @Test
  void anUnknownConsolePathIsTheConsolesHtmlNotFoundPage() {
    HttpResponse<String> answer = ConsoleHttp.signedIn(shared.server(), TestServer.OPERATOR_KEY).get("/console/no/such/page");
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(answer.body()).contains("There is no such page");
  }

  @Test
  void aPageWithoutASessionLeadsToSignInWhoseCookiesAreHttpOnlyAndSameSiteStrict() throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    HttpResponse<String> form = client.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(shared.server().baseUrl() + "/console/home")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(303);
    assertThat(form.headers().firstValue("Location").orElseThrow()).startsWith("/console/sign-in");
    HttpResponse<String> signIn = client.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(shared.server().baseUrl() + "/console/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.headers().allValues("Set-Cookie")).allSatisfy(cookie ->
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/console"));
  }

  @Test
  void theApiDescriptionNamesNoConsoleRoute() {
    HttpApi.Answer description = shared.server().anonymous().get("/openapi.yaml");
    assertThat(description.status()).isEqualTo(200);
    assertThat(description.text()).doesNotContain("/console");
  }

  @Test
  void theHtmxScriptAndTheStyleSheetAreServed() {
    ConsoleHttp console = ConsoleHttp.signedIn(shared.server(), TestServer.OPERATOR_KEY);
    assertThat(console.get(ConsoleAssets.HTMX_PATH).body()).contains("htmx");
    assertThat(console.get(ConsoleAssets.STYLE_PATH).body()).contains(".timeline");
  }
}
