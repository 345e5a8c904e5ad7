package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.tenure.testing.HttpApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks real answers against openapi.yaml: the status must be one the operation documents, and the body must
 * validate against the documented schema (by networknt's JSON Schema validator, in the OpenAPI 3.1 dialect).
 * Remembers which operations answered a success and which a refusal, so a test can require every route.
 */
final class DescribedApi {
  private static final String LOCATION = "https://tenure.test/openapi.yaml";

  private final JsonNode description;
  private final SchemaRegistry schemas;
  private final Set<String> exercised = new TreeSet<>();

  DescribedApi(String descriptionYaml) {
    try {
      description = new ObjectMapper(new YAMLFactory()).readTree(descriptionYaml);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
        builder -> builder.schemas(Map.of(LOCATION, descriptionYaml)).schemaRegistryConfig(config));
  }

  /** A client whose every answer is checked and counted. */
  Client client(HttpApi api) {
    return new Client(api);
  }

  /** {@code "METHOD /path/{template} 2xx"} (or {@code 4xx}) for every checked answer so far. */
  Set<String> exercised() {
    return Set.copyOf(exercised);
  }

  /** Fails unless the answer's status and body are what the description documents for this call. */
  HttpApi.Answer check(String method, String path, HttpApi.Answer answer) {
    String template = template(path);
    String body = answer.text().length() > 600 ? answer.text().substring(0, 600) + "…" : answer.text();
    String call = method + " " + path + " answered " + answer.status() + " " + body;
    JsonNode operation = description.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    assertThat(operation.isObject()).as("%s: no such operation in the description", call).isTrue();
    String status = String.valueOf(answer.status());
    String key = List.of(status, status.charAt(0) + "XX", "default").stream()
        .filter(operation.path("responses")::has).findFirst().orElse(null);
    assertThat(key).as("%s: the description does not document status %s", call, status).isNotNull();
    String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + key;
    JsonNode response = description.at(pointer);
    if (response.has("$ref")) {
      pointer = response.path("$ref").asText().substring(1);
      response = description.at(pointer);
    }
    JsonNode content = response.path("content");
    if (content.has("application/json")) {
      List<Error> errors = schemas.getSchema(SchemaLocation.of(LOCATION + "#" + pointer + "/content/application~1json/schema"))
          .validate(answer.text(), InputFormat.JSON);
      assertThat(errors).as("%s: the body does not match the documented schema", call).isEmpty();
    } else {
      assertThat(content.isObject() || answer.text().isEmpty()).as("%s: a body the description does not document", call).isTrue();
    }
    exercised.add(method + " " + template + " " + status.charAt(0) + "xx");
    return answer;
  }

  /** The described path template that {@code path} (query removed) is an instance of; literal segments win. */
  private String template(String path) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    List<String> matching = description.path("paths").propertyStream().map(Map.Entry::getKey)
        .filter(template -> Pattern.matches(template.replaceAll("\\{[^/]+}", "[^/]+"), bare))
        .sorted(Comparator.comparingLong(template -> template.chars().filter(c -> c == '{').count()))
        .toList();
    assertThat(matching).as("no described path matches %s", bare).isNotEmpty();
    return matching.getFirst();
  }

  private static String escape(String template) {
    return template.replace("~", "~0").replace("/", "~1");
  }

  /** Sends through an {@link HttpApi} and checks each answer against the description. */
  final class Client {
    private final HttpApi api;

    private Client(HttpApi api) {
      this.api = api;
    }

    HttpApi.Answer get(String path) {
      return send("GET", path, null, null);
    }

    HttpApi.Answer delete(String path) {
      return send("DELETE", path, null, null);
    }

    HttpApi.Answer post(String path, Object body) {
      return send("POST", path, body, null);
    }

    HttpApi.Answer post(String path, Object body, String idempotencyKey) {
      return send("POST", path, body, idempotencyKey);
    }

    HttpApi.Answer put(String path, Object body) {
      return send("PUT", path, body, null);
    }

    HttpApi.Answer send(String method, String path, Object body, String idempotencyKey) {
      return check(method, path, api.send(method, path, body, idempotencyKey));
    }
  }
}
