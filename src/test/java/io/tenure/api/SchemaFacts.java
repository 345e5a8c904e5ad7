package io.tenure.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the fuzzer reads from one JSON Schema of the description: types, enums, bounds, whether it is money. */
final class SchemaFacts {
  private final JsonNode description;

  SchemaFacts(JsonNode description) {
    this.description = description;
  }

  JsonNode resolve(JsonNode schema) {
    return DescribedOperation.resolve(description, schema);
  }

  /** The JSON types a value may have ({@code string}, {@code integer}, ...); empty means any. */
  Set<String> types(JsonNode schema) {
    Set<String> types = new LinkedHashSet<>();
    for (JsonNode branch : branches(schema)) {
      JsonNode type = branch.path("type");
      if (type.isTextual()) {
        types.add(type.asText());
      }
      type.forEach(each -> types.add(each.asText()));
      if (!branch.path("properties").isMissingNode() && type.isMissingNode()) {
        types.add("object");
      }
    }
    if (types.contains("number")) {
      types.add("integer");
    }
    return types;
  }

  /** The schema itself and, through {@code $ref}, {@code anyOf} and {@code oneOf}, every alternative. */
  List<JsonNode> branches(JsonNode schema) {
    List<JsonNode> branches = new ArrayList<>();
    JsonNode resolved = resolve(schema);
    branches.add(resolved);
    for (String combinator : List.of("anyOf", "oneOf")) {
      resolved.path(combinator).forEach(branch -> branches.addAll(branches(branch)));
    }
    return branches;
  }

  /** Whether the value is money: the description's {@code Money} schema, or a null or Money. */
  boolean isMoney(JsonNode schema) {
    if (schema.path("$ref").asText().endsWith("/Money")) {
      return true;
    }
    for (String combinator : List.of("anyOf", "oneOf")) {
      for (JsonNode branch : resolve(schema).path(combinator)) {
        if (isMoney(branch)) {
          return true;
        }
      }
    }
    return false;
  }

  List<String> enumValues(JsonNode schema) {
    List<String> values = new ArrayList<>();
    for (JsonNode branch : branches(schema)) {
      branch.path("enum").forEach(value -> {
        if (value.isTextual()) {
          values.add(value.asText());
        }
      });
    }
    return values;
  }

  /** The object schema among the alternatives that {@code value} fits best (all its required fields present). */
  JsonNode objectSchema(JsonNode schema, JsonNode value) {
    JsonNode first = null;
    for (JsonNode branch : branches(schema)) {
      if (branch.has("properties")) {
        first = first == null ? branch : first;
        boolean fits = true;
        for (JsonNode required : branch.path("required")) {
          fits &= value.has(required.asText());
        }
        if (fits) {
          return branch;
        }
      }
    }
    return first;
  }

  /** The schema of an array's items, when {@code schema} is an array. */
  JsonNode items(JsonNode schema) {
    for (JsonNode branch : branches(schema)) {
      if (branch.has("items")) {
        return branch.path("items");
      }
    }
    return null;
  }

  static boolean closed(JsonNode objectSchema) {
    return objectSchema.path("additionalProperties").isBoolean() && !objectSchema.path("additionalProperties").asBoolean();
  }
}
