package io.tenure.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * A body that the description says is valid, built from the schema alone: every required field and every
 * field with an example, valued by its example, its first enum value, its minimum, or (for a field naming an
 * object such as {@code accountId}) an existing object's id. The fuzzer changes one thing of it at a time, so
 * each bad request is refused for that one thing.
 */
final class ValidBodies {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SchemaFacts facts;
  private final Map<String, String> existingIds;

  ValidBodies(SchemaFacts facts, Map<String, String> existingIds) {
    this.facts = facts;
    this.existingIds = existingIds;
  }

  JsonNode of(JsonNode schema) {
    return value("", schema);
  }

  private JsonNode value(String name, JsonNode schema) {
    JsonNode resolved = facts.resolve(schema);
    if (resolved.has("example")) {
      return resolved.path("example").deepCopy();
    }
    if (!facts.enumValues(schema).isEmpty()) {
      return NODES.textNode(facts.enumValues(schema).getFirst());
    }
    Set<String> types = facts.types(schema);
    if (types.contains("object")) {
      return object(facts.objectSchema(schema, NODES.objectNode()));
    }
    if (types.contains("array")) {
      ArrayNode array = NODES.arrayNode();
      JsonNode items = facts.items(schema);
      return items == null ? array : array.add(value(name, items));
    }
    if (types.contains("integer")) {
      // At least 1: a quantity of 0 (removing an add-on) changes nothing, so it would prove less.
      return NODES.numberNode(Math.max(1, resolved.path("minimum").asInt(1)));
    }
    if (types.contains("boolean")) {
      return NODES.booleanNode(true);
    }
    return NODES.textNode(existingIds.getOrDefault(name, "fuzz"));
  }

  private ObjectNode object(JsonNode schema) {
    ObjectNode object = NODES.objectNode();
    if (schema == null) {
      return object;
    }
    Set<String> required = new java.util.HashSet<>();
    schema.path("required").forEach(field -> required.add(field.asText()));
    schema.path("properties").properties().forEach(property -> {
      if (required.contains(property.getKey()) || facts.resolve(property.getValue()).has("example")) {
        object.set(property.getKey(), value(property.getKey(), property.getValue()));
      }
    });
    return object;
  }
}
