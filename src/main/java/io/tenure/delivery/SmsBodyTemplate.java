package io.tenure.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tenure.error.Echo;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body an SMS gateway expects, with placeholders filled in safely: a JSON template is parsed once and its
 * string values are filled as values (Jackson escapes them), and a form template is split into fields once and
 * each filled value is form-encoded, so no text of a message can change the body's structure. Immutable and
 * thread-safe. Placeholders: see {@link SmsPlaceholders}.
 */
public final class SmsBodyTemplate {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  /** How the body is written. */
  public enum Format {
    JSON("application/json; charset=utf-8"),
    FORM("application/x-www-form-urlencoded; charset=utf-8");

    private final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }

    public String contentType() {
      return contentType;
    }
  }

  private record Field(String name, String value) {}

  private final Format format;
  private final JsonNode jsonTemplate;
  private final List<Field> formTemplate;

  private SmsBodyTemplate(Format format, JsonNode jsonTemplate, List<Field> formTemplate) {
    this.format = format;
    this.jsonTemplate = jsonTemplate;
    this.formTemplate = formTemplate;
  }

  /** Parses {@code template}; throws {@link IllegalArgumentException} with a sentence when it is not usable. */
  public static SmsBodyTemplate parse(Format format, String template) {
    return format == Format.JSON ? json(template) : form(template);
  }

  private static SmsBodyTemplate json(String template) {
    JsonNode parsed;
    try {
      parsed = JSON.readTree(template);
    } catch (JsonProcessingException failure) {
      throw new IllegalArgumentException("must be JSON (" + Echo.of(failure.getOriginalMessage()) + ")");
    }
    if (parsed == null || !parsed.isObject()) {
      throw new IllegalArgumentException("must be a JSON object");
    }
    checkPlaceholders(parsed);
    return new SmsBodyTemplate(Format.JSON, parsed, List.of());
  }

  private static SmsBodyTemplate form(String template) {
    List<Field> fields = new ArrayList<>();
    for (String pair : template.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      SmsPlaceholders.check(value);
      fields.add(new Field(name, value));
    }
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("must have at least one field, like to={{phone}}&text={{text}}");
    }
    return new SmsBodyTemplate(Format.FORM, null, List.copyOf(fields));
  }

  public Format format() {
    return format;
  }

  /**
   * The body for {@code message}; throws {@link IllegalArgumentException} when the template names a template
   * parameter that the message does not have.
   */
  public String render(Outbound message) {
    if (format == Format.JSON) {
      return filled(jsonTemplate, message).toString();
    }
    StringBuilder body = new StringBuilder();
    for (Field field : formTemplate) {
      if (!body.isEmpty()) {
        body.append('&');
      }
      body.append(encode(field.name())).append('=').append(encode(SmsPlaceholders.fill(field.value(), message)));
    }
    return body.toString();
  }

  private static JsonNode filled(JsonNode node, Outbound message) {
    if (node.isTextual()) {
      if (node.textValue().equals(SmsPlaceholders.PARAMETERS)) {
        // The placeholder alone as a value stands for the parameters as an object, not as text.
        ObjectNode parameters = JSON.createObjectNode();
        new TreeMap<>(message.parameters()).forEach(parameters::put);
        return parameters;
      }
      return TextNode.valueOf(SmsPlaceholders.fill(node.textValue(), message));
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.properties().forEach(entry -> copy.set(entry.getKey(), filled(entry.getValue(), message)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(filled(element, message)));
      return copy;
    }
    return node;
  }

  private static void checkPlaceholders(JsonNode node) {
    if (node.isTextual()) {
      SmsPlaceholders.check(node.textValue());
    }
    node.forEach(SmsBodyTemplate::checkPlaceholders);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** The parameters as one JSON object text, keys sorted, for a placeholder inside a longer text or a form field. */
  /** The parameters stored as {@link #parametersJson} wrote them; none when nothing was stored (before V12). */
  static Map<String, String> parametersOf(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, STRING_MAP);
    } catch (JsonProcessingException failure) {
      throw new IllegalStateException("stored SMS parameters are always a JSON object of strings", failure);
    }
  }

  static String parametersJson(Map<String, String> parameters) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(parameters));
    } catch (JsonProcessingException failure) {
      throw new IllegalStateException("a map of strings always serializes", failure);
    }
  }
}
