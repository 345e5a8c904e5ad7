package io.tenure.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One operation of openapi.yaml as the fuzzer needs it: method and path template, its path and query
 * parameters, whether it takes an Idempotency-Key (and must), and its request body's media types and schema,
 * every {@code $ref} left for {@link #resolve} to follow.
 */
record DescribedOperation(String method, String path, String operationId, List<String> pathParameters,
    Map<String, JsonNode> queryParameters, IdempotencyKey idempotencyKey, Set<String> bodyTypes, JsonNode bodySchema,
    JsonNode description) {

  /** Whether the operation takes the Idempotency-Key header. */
  enum IdempotencyKey { NONE, OPTIONAL, REQUIRED }

  /** Every operation of the description, in its order. */
  static List<DescribedOperation> all(String descriptionYaml) {
    JsonNode description;
    try {
      description = new ObjectMapper(new YAMLFactory()).readTree(descriptionYaml);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    List<DescribedOperation> operations = new ArrayList<>();
    description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
      if (Set.of("get", "put", "post", "delete", "patch").contains(entry.getKey())) {
        operations.add(of(description, entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue()));
      }
    }));
    return operations;
  }

  private static DescribedOperation of(JsonNode description, String method, String path, JsonNode operation) {
    List<String> pathParameters = new ArrayList<>();
    Map<String, JsonNode> queryParameters = new java.util.LinkedHashMap<>();
    IdempotencyKey key = IdempotencyKey.NONE;
    for (JsonNode reference : operation.path("parameters")) {
      JsonNode parameter = resolve(description, reference);
      String name = parameter.path("name").asText();
      switch (parameter.path("in").asText()) {
        case "path" -> pathParameters.add(name);
        case "query" -> queryParameters.put(name, resolve(description, parameter.path("schema")));
        case "header" -> {
          if (name.equalsIgnoreCase(Idempotency.HEADER)) {
            key = parameter.path("required").asBoolean() ? IdempotencyKey.REQUIRED : IdempotencyKey.OPTIONAL;
          }
        }
        default -> { }
      }
    }
    Set<String> bodyTypes = new LinkedHashSet<>();
    JsonNode bodySchema = null;
    JsonNode content = resolve(description, operation.path("requestBody")).path("content");
    for (var type : content.properties()) {
      bodyTypes.add(type.getKey());
      if (type.getKey().equals("application/json")) {
        bodySchema = type.getValue().path("schema");
      }
    }
    return new DescribedOperation(method, path, operation.path("operationId").asText(method + " " + path),
        pathParameters, queryParameters, key, bodyTypes, bodySchema, description);
  }

  /** {@code node} with its {@code $ref} followed, as often as it takes. */
  static JsonNode resolve(JsonNode description, JsonNode node) {
    JsonNode resolved = node;
    while (resolved.has("$ref")) {
      resolved = description.at(resolved.path("$ref").asText().substring(1));
    }
    return resolved;
  }

  JsonNode resolve(JsonNode node) {
    return resolve(description, node);
  }

  boolean takesBody() {
    return bodySchema != null || !bodyTypes.isEmpty();
  }

  /** How a report names the operation: {@code POST /v1/accounts/{id}/top-ups}. */
  String name() {
    return method + " " + path;
  }

  @Override
  public String toString() {
    return name();
  }
}
