package io.tenure.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML or JSON text read into Jackson nodes together with the line of every field and list element, so
 * that each validation error can point at its line. Jackson's tree keeps no locations (and shares small
 * value nodes), so lines are kept by field path instead. Public for the other files read like the catalog (the
 * notice routing), each with its own error code.
 */
public final class LocatedTree {

  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private static final String CATALOG_ERROR = "INVALID_CATALOG";

  final String sourceName;
  final JsonNode root;
  private final Map<String, Integer> lineByPath;
  private final String errorCode;

  private LocatedTree(String sourceName, JsonNode root, Map<String, Integer> lineByPath, String errorCode) {
    this.sourceName = sourceName;
    this.root = root;
    this.lineByPath = lineByPath;
    this.errorCode = errorCode;
  }

  /** Reads {@code text}; malformed YAML, duplicate keys and non-finite numbers are INVALID_CATALOG errors. */
  static LocatedTree read(String text, String sourceName) {
    return read(text, sourceName, CATALOG_ERROR, "catalog");
  }

  /**
   * Reads {@code text} as a file of another kind: its errors carry {@code errorCode}, and {@code kind} names it
   * ("notice routing") where the document as a whole is wrong.
   */
  public static LocatedTree read(String text, String sourceName, String errorCode, String kind) {
    Map<String, Integer> lines = new HashMap<>();
    lines.put("", 1);
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      JsonNode root = first == null ? NODES.missingNode() : readValue(parser, "", lines, sourceName);
      // Reading stops after the first value; whatever follows it (a stray brace, a second document) is an error.
      if (first != null && parser.nextToken() != null) {
        throw error(errorCode, sourceName, Math.max(1, parser.currentLocation().getLineNr()), "(document)",
            "has more after the " + kind + " ends; a " + kind + " is one YAML or JSON document");
      }
      return new LocatedTree(sourceName, root, lines, errorCode);
    } catch (JacksonException failure) {
      JsonLocation location = failure.getLocation();
      int line = location == null ? 1 : Math.max(1, location.getLineNr());
      // SnakeYAML's message spans several lines with a caret drawing; one line reads better in an API error.
      String problem = failure.getOriginalMessage().strip().replaceAll("\\s+", " ");
      throw error(errorCode, sourceName, line, "(document)", "is not valid YAML: " + problem);
    } catch (IOException failure) {
      throw error(errorCode, sourceName, 1, "(document)", "cannot be read: " + failure.getMessage());
    } catch (InvalidInputException failure) {
      // A value refused while reading (a number in another spelling, a key given twice) carries this file's code.
      throw failure.code().equals(errorCode) ? failure : new InvalidInputException(errorCode, failure.getMessage());
    }
  }

  /** The value read: a mapping, list or plain value ({@code MissingNode} for an empty text). */
  public JsonNode root() {
    return root;
  }

  /** The line of {@code path}, or of its nearest enclosing field when the path itself is absent. */
  public int line(String path) {
    String current = path;
    while (!lineByPath.containsKey(current)) {
      int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      current = cut < 0 ? "" : current.substring(0, cut);
    }
    return lineByPath.get(current);
  }

  /** The error {@code "<source>:<line>: <path>: <problem>"} for the value at {@code path}. */
  public InvalidInputException error(String path, String problem) {
    return error(errorCode, sourceName, line(path), path.isEmpty() ? "(document)" : path, problem);
  }

  static InvalidInputException error(String sourceName, int line, String path, String problem) {
    return error(CATALOG_ERROR, sourceName, line, path, problem);
  }

  private static InvalidInputException error(String errorCode, String sourceName, int line, String path, String problem) {
    return new InvalidInputException(errorCode, sourceName + ":" + line + ": " + echoPath(path) + ": " + problem);
  }

  /** The path with each field name cut to what an error may repeat (a field name may come from the caller). */
  private static String echoPath(String path) {
    StringBuilder echoed = new StringBuilder();
    for (String segment : path.split("\\.", -1)) {
      echoed.append(echoed.isEmpty() ? "" : ".").append(Echo.of(segment));
    }
    return echoed.toString();
  }

  private static JsonNode readValue(JsonParser parser, String path, Map<String, Integer> lines, String sourceName)
      throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> readObject(parser, path, lines, sourceName);
      case START_ARRAY -> readArray(parser, path, lines, sourceName);
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser, path, sourceName);
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw error(sourceName, tokenLine(parser), path, "is not a plain value, list or mapping");
    };
  }

  private static ObjectNode readObject(JsonParser parser, String path, Map<String, Integer> lines, String sourceName)
      throws IOException {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String childPath = path.isEmpty() ? name : path + "." + name;
      if (object.has(name)) {
        throw error(sourceName, tokenLine(parser), childPath, "appears twice");
      }
      lines.put(childPath, tokenLine(parser));
      parser.nextToken();
      object.set(name, readValue(parser, childPath, lines, sourceName));
    }
    return object;
  }

  private static ArrayNode readArray(JsonParser parser, String path, Map<String, Integer> lines, String sourceName)
      throws IOException {
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String childPath = path + "[" + array.size() + "]";
      lines.put(childPath, tokenLine(parser));
      array.add(readValue(parser, childPath, lines, sourceName));
    }
    return array;
  }

  /**
   * Keeps a number exactly as written ("180.00"), never through a double. Only plain ASCII decimals are
   * numbers: YAML's other spellings (1e3, 1_000, 0x1F, 0o17, +5, .5, 1:30, .inf) are refused, not guessed.
   */
  private static JsonNode number(JsonParser parser, String path, String sourceName) throws IOException {
    String text = parser.getText();
    if (!CatalogNode.PLAIN_DECIMAL.matcher(text).matches()) {
      throw error(sourceName, tokenLine(parser), path,
          "'" + Echo.of(text) + "' is not a plain number in ASCII digits like 180.00 or 5");
    }
    return text.contains(".") ? NODES.numberNode(new BigDecimal(text)) : NODES.numberNode(new BigInteger(text));
  }

  private static int tokenLine(JsonParser parser) {
    return Math.max(1, parser.currentTokenLocation().getLineNr());
  }
}
