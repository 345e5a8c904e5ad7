package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tenure.testing.HttpApi;
import io.tenure.testing.TestServer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenApiIT {

  @Test
  void everyRouteIsDescribedAndEveryDescribedRouteIsServed() throws Exception {
    try (TestServer server = TestServer.simulatedAt("2026-01-01T00:00:00+08:00")) {
      HttpApi.Answer answer = server.anonymous().get("/openapi.yaml");
      assertThat(answer.status()).isEqualTo(200);
      JsonNode description = new ObjectMapper(new YAMLFactory()).readTree(answer.text());
      assertThat(description.path("openapi").asText()).startsWith("3.");

      Set<String> described = new TreeSet<>();
      description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
          described.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
      Set<String> served = server.tenure().routes().all().stream()
          .map(route -> route.method() + " " + route.path()).collect(Collectors.toCollection(TreeSet::new));

      assertThat(described).isEqualTo(served);
    }
  }
}
