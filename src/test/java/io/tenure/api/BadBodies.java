package io.tenure.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Bad JSON bodies derived from a request body's schema and a valid body: malformed and truncated JSON, and for
 * every field (nested ones and array items too) a wrong type, its absence when required, a value out of range,
 * money with too many decimals or as a JSON number, 100,000 characters, control characters and lone
 * surrogates; unknown and duplicate fields in every object. Each body is the valid one with one thing wrong.
 * The choices among equivalent bad values are drawn from {@code random}, a few per field.
 */
final class BadBodies {
  /** A bad body: what is wrong with it, and its text. */
  record BadBody(String label, String text) {}

  static final int STRING_LENGTH = 100_000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper WRITER = new ObjectMapper();
  private static final String LONE_SURROGATE = "FUZZ-LONE-SURROGATE";
  private static final String DUPLICATE = "FUZZ-DUPLICATE-KEY";
  private static final List<String> CONTROLS = List.of("a\u0000b", "\u0007", "x\u001by", LONE_SURROGATE, "\u007f");
  /** Beyond any whole number Tenure stores (a long), whatever the field; bounds the description gives are added. */
  private static final List<JsonNode> OUT_OF_RANGE = List.of(NODES.numberNode(new java.math.BigInteger("92233720368547758080")),
      NODES.numberNode(new java.math.BigInteger("-92233720368547758080")), NODES.numberNode(new java.math.BigInteger("9".repeat(60))));
  private static final List<JsonNode> BAD_MONEY = List.of(NODES.textNode("1.001"), NODES.numberNode(new java.math.BigDecimal("10.5")),
      NODES.numberNode(10), NODES.textNode("1e3"), NODES.textNode("10,50"), NODES.textNode("１０.00"), NODES.textNode("0.0000001"));

  private final SchemaFacts facts;
  private final Random random;

  BadBodies(SchemaFacts facts, Random random) {
    this.facts = facts;
    this.random = random;
  }

  /** Bodies that are not JSON, or not all of it, or JSON of the wrong shape as a whole. */
  List<BadBody> malformed(String valid) {
    List<BadBody> bodies = new ArrayList<>();
    for (int i = 0; i < 3 && valid.length() > 1; i++) {
      int cut = 1 + random.nextInt(valid.length() - 1);
      bodies.add(new BadBody("truncated at " + cut, valid.substring(0, cut)));
    }
    for (String garbage : List.of("{", "{\"a\":}", "[1,]", "nul", "{'a':1}", valid + "}", valid + " x", "\"text\"", "null", "12")) {
      bodies.add(new BadBody("malformed " + garbage.substring(0, Math.min(garbage.length(), 12)), garbage));
    }
    bodies.add(new BadBody("of the other JSON kind", valid.startsWith("[") ? "{}" : "[]"));
    bodies.add(new BadBody("nested too deep", "[".repeat(5_000) + "]".repeat(5_000)));
    return bodies;
  }

  /** Bodies with one field wrong, for every field the schema describes. */
  List<BadBody> fields(JsonNode schema, JsonNode valid) {
    List<BadBody> bodies = new ArrayList<>();
    walk(schema, valid, new ArrayList<>(), valid, bodies);
    return bodies;
  }

  private void walk(JsonNode schema, JsonNode value, List<Object> path, JsonNode root, List<BadBody> bodies) {
    if (value.isObject()) {
      JsonNode object = facts.objectSchema(schema, value);
      if (object == null) {
        return;
      }
      if (SchemaFacts.closed(object)) {
        bodies.add(new BadBody("unknown field in " + name(path), write(with(root, child(path, "fuzzUnknownField"), NODES.numberNode(1)))));
      }
      Set<String> required = new java.util.HashSet<>();
      object.path("required").forEach(field -> required.add(field.asText()));
      object.path("properties").properties().forEach(property -> {
        List<Object> at = child(path, property.getKey());
        JsonNode present = value.get(property.getKey());
        field(property.getValue(), at, required.contains(property.getKey()), present, root, bodies);
        if (present != null) {
          bodies.add(duplicate(root, at, present));
          walk(property.getValue(), present, at, root, bodies);
        }
      });
    } else if (value.isArray() && !value.isEmpty() && facts.items(schema) != null
        && !facts.resolve(schema).path("x-items-judged-one-by-one").asBoolean(false)) {
      List<Object> at = child(path, 0);
      // An array may be empty, so its item is never "missing"; null in its place is refused, though.
      field(facts.items(schema), at, false, value.get(0), root, bodies);
      bodies.add(new BadBody(name(at) + " null", write(with(root, at, NODES.nullNode()))));
      walk(facts.items(schema), value.get(0), at, root, bodies);
    }
  }

  private void field(JsonNode schema, List<Object> at, boolean required, JsonNode present, JsonNode root, List<BadBody> bodies) {
    String name = name(at);
    Set<String> types = facts.types(schema);
    if (required && present != null) {
      bodies.add(new BadBody(name + " missing", write(without(root, at))));
    }
    for (JsonNode wrong : pick(wrongTypes(types, required), 2)) {
      bodies.add(new BadBody(name + " of the wrong type " + wrong, write(with(root, at, wrong))));
    }
    List<JsonNode> values = new ArrayList<>();
    if (facts.isMoney(schema)) {
      values.addAll(pick(BAD_MONEY, 4));
    } else if (!facts.enumValues(schema).isEmpty()) {
      String first = facts.enumValues(schema).getFirst();
      values.add(NODES.textNode("NOT_A_" + first));
      values.add(NODES.textNode(first.toLowerCase(Locale.ROOT).equals(first) ? first.toUpperCase(Locale.ROOT) : first.toLowerCase(Locale.ROOT)));
    } else if (types.contains("string") || types.isEmpty()) {
      values.add(NODES.textNode("x".repeat(STRING_LENGTH)));
      pick(CONTROLS, 2).forEach(control -> values.add(NODES.textNode(control)));
    }
    if (types.contains("integer") && !types.contains("string")) {
      values.addAll(outOfRange(facts.resolve(schema)));
    }
    values.forEach(bad -> bodies.add(new BadBody(name + " = " + shown(bad), write(with(root, at, bad)))));
  }

  private List<JsonNode> outOfRange(JsonNode schema) {
    List<JsonNode> values = new ArrayList<>(pick(OUT_OF_RANGE, 2));
    if (schema.has("minimum")) {
      values.add(NODES.numberNode(schema.path("minimum").asLong() - 1));
    }
    if (schema.has("maximum")) {
      values.add(NODES.numberNode(schema.path("maximum").asLong() + 1));
    }
    return values;
  }

  /** Values of every JSON type the field does not allow; null only where absence is not allowed either. */
  private static List<JsonNode> wrongTypes(Set<String> types, boolean required) {
    List<JsonNode> wrong = new ArrayList<>();
    if (types.isEmpty()) {
      return wrong;
    }
    if (!types.contains("string")) {
      wrong.add(NODES.textNode("7"));
    }
    if (!types.contains("integer")) {
      wrong.add(NODES.numberNode(7));
    }
    if (!types.contains("number")) {
      wrong.add(NODES.numberNode(new java.math.BigDecimal("2.5")));
    }
    if (!types.contains("boolean")) {
      wrong.add(NODES.booleanNode(true));
    }
    if (!types.contains("object")) {
      wrong.add(NODES.objectNode());
    }
    if (!types.contains("array")) {
      wrong.add(NODES.arrayNode());
    }
    if (required && !types.contains("null")) {
      wrong.add(NODES.nullNode());
    }
    return wrong;
  }

  private BadBody duplicate(JsonNode root, List<Object> at, JsonNode present) {
    List<Object> placeholder = new ArrayList<>(at.subList(0, at.size() - 1));
    placeholder.add(DUPLICATE);
    String text = write(with(root, placeholder, present));
    String key = "\"" + at.getLast() + "\":";
    return new BadBody(name(at) + " given twice", text.replace("\"" + DUPLICATE + "\":", key + write(present) + "," + key));
  }

  private <T> List<T> pick(List<T> choices, int count) {
    List<T> shuffled = new ArrayList<>(choices);
    Collections.shuffle(shuffled, random);
    return shuffled.subList(0, Math.min(count, shuffled.size()));
  }

  private static JsonNode with(JsonNode root, List<Object> at, JsonNode value) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = parent(copy, at);
    if (parent instanceof ObjectNode object) {
      object.set((String) at.getLast(), value);
    } else {
      ((ArrayNode) parent).set((Integer) at.getLast(), value);
    }
    return copy;
  }

  private static JsonNode without(JsonNode root, List<Object> at) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = parent(copy, at);
    if (parent instanceof ObjectNode object) {
      object.remove((String) at.getLast());
    } else {
      ((ArrayNode) parent).remove((Integer) at.getLast());
    }
    return copy;
  }

  private static JsonNode parent(JsonNode root, List<Object> at) {
    JsonNode node = root;
    for (Object step : at.subList(0, at.size() - 1)) {
      node = step instanceof Integer index ? node.get(index) : node.get((String) step);
    }
    return node;
  }

  private static List<Object> child(List<Object> path, Object step) {
    List<Object> child = new ArrayList<>(path);
    child.add(step);
    return child;
  }

  /** The path as Tenure's messages name fields: {@code contacts[0].email}. */
  static String name(List<Object> path) {
    StringBuilder name = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer index) {
        name.append('[').append(index).append(']');
      } else {
        name.append(name.isEmpty() ? "" : ".").append(step);
      }
    }
    return name.isEmpty() ? "the body" : name.toString();
  }

  private static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() > 24 ? text.substring(0, 24) + "…" : text;
  }

  static String write(JsonNode value) {
    try {
      return WRITER.writeValueAsString(value).replace(LONE_SURROGATE, "\\ud800");
    } catch (JsonProcessingException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
