package io.tenure.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.tenure.lifecycle.NoticeType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * openapi.yaml read by a maintained OpenAPI 3.1 parser: it parses without a message, and every operation
 * can be named by clients (operationId) and says how it refuses (4xx answers with the shared error body).
 */
class OpenApiDescriptionTest {
  private static final String ERROR_SCHEMA = "#/components/schemas/Error";
  /** Keywords of JSON Schema 2020-12 and of OpenAPI 3.1's base vocabulary: anything else in a schema is a typo. */
  private static final Set<String> SCHEMA_KEYWORDS = Set.of("$ref", "$id", "$schema", "$anchor", "$defs", "$comment",
      "$dynamicRef", "$dynamicAnchor", "type", "enum", "const", "format", "title", "description", "default", "example",
      "examples", "deprecated", "readOnly", "writeOnly", "properties", "additionalProperties", "patternProperties",
      "propertyNames", "unevaluatedProperties", "required", "dependentRequired", "dependentSchemas", "minProperties",
      "maxProperties", "items", "prefixItems", "contains", "minContains", "maxContains", "minItems", "maxItems",
      "uniqueItems", "unevaluatedItems", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "minLength", "maxLength",
      "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "contentMediaType",
      "contentEncoding", "contentSchema", "discriminator", "xml", "externalDocs");
  private static String text;
  private static SwaggerParseResult parsed;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = OpenApiDescriptionTest.class.getResourceAsStream("/openapi.yaml")) {
      assertThat(in).as("openapi.yaml on the classpath").isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ParseOptions options = new ParseOptions();
    options.setValidateInternalRefs(true);
    parsed = new OpenAPIV3Parser().readContents(text, null, options);
  }

  @Test
  void descriptionParsesAsOpenApi31WithoutAnyMessage() {
    assertThat(parsed.getMessages()).as("parser messages").isNullOrEmpty();
    assertThat(parsed.getOpenAPI()).isNotNull();
    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
  }

  @Test
  void everyOperationHasAUniqueOperationId() {
    List<String> missing = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    eachOperation((name, operation) -> {
      if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
        missing.add(name);
      } else {
        ids.add(operation.getOperationId());
      }
    });
    assertThat(missing).as("operations without operationId").isEmpty();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void everyOperationDocumentsItsRefusalsWithTheSharedErrorBody() {
    List<String> without4xx = new ArrayList<>();
    List<String> otherBody = new ArrayList<>();
    eachOperation((name, operation) -> {
      Map<String, ApiResponse> responses = operation.getResponses();
      if (responses.keySet().stream().noneMatch(status -> status.startsWith("4"))) {
        without4xx.add(name);
      }
      responses.forEach((status, response) -> {
        if (status.startsWith("4") && !answersTheErrorBody(response)) {
          otherBody.add(name + " " + status);
        }
      });
    });
    assertThat(without4xx).as("operations without a 4xx answer").isEmpty();
    assertThat(otherBody).as("4xx answers not in the shared Error schema").isEmpty();
  }

  @Test
  void everyAnswerIsDescribed() {
    List<String> undescribed = new ArrayList<>();
    eachOperation((name, operation) -> operation.getResponses().forEach((status, response) -> {
      ApiResponse resolved = resolve(response);
      if (resolved.getDescription() == null || resolved.getDescription().isBlank()) {
        undescribed.add(name + " " + status);
      }
      boolean hasBody = resolved.getContent() != null && !resolved.getContent().isEmpty();
      if (!status.equals("204") && !hasBody) {
        undescribed.add(name + " " + status + " (no content)");
      }
    }));
    assertThat(undescribed).as("answers without description or content").isEmpty();
  }

  @Test
  void theInboxNamesEveryNoticeTypeAndNoOther() throws IOException {
    JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(text);
    JsonNode type = tree.at("/paths/~1v1~1accounts~1{id}~1messages/get/responses/200/content/application~1json/schema"
        + "/properties/items/items/properties/type");
    List<String> described = new ArrayList<>();
    type.path("enum").forEach(name -> described.add(name.asText()));

    assertThat(described).containsExactlyInAnyOrder(Arrays.stream(NoticeType.values()).map(Enum::name).toArray(String[]::new));
  }

  /**
   * A comma in an unquoted YAML flow mapping ({@code {description: Exact decimal, up to 8 decimals.}}) silently
   * becomes an extra key; the parser accepts it (JSON Schema ignores unknown keywords), so look for such keys.
   */
  @Test
  void everySchemaUsesOnlySchemaKeywords() throws IOException {
    JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(text);
    List<String> unknown = new ArrayList<>();
    tree.path("components").path("schemas").properties().forEach(schema ->
        unknownKeywords("#/components/schemas/" + schema.getKey(), schema.getValue(), unknown));
    everySchemaIn(tree.path("paths"), "#/paths", unknown);
    everySchemaIn(tree.path("components").path("responses"), "#/components/responses", unknown);
    everySchemaIn(tree.path("components").path("parameters"), "#/components/parameters", unknown);
    assertThat(unknown).as("keys that are no schema keyword").isEmpty();
  }

  /** Finds every {@code schema} value of media types and parameters under {@code node}. */
  private static void everySchemaIn(JsonNode node, String at, List<String> unknown) {
    if (node.isContainerNode()) {
      node.properties().forEach(child -> {
        if (child.getKey().equals("schema")) {
          unknownKeywords(at + "/schema", child.getValue(), unknown);
        } else {
          everySchemaIn(child.getValue(), at + "/" + child.getKey(), unknown);
        }
      });
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          everySchemaIn(node.get(i), at + "/" + i, unknown);
        }
      }
    }
  }

  private static void unknownKeywords(String at, JsonNode schema, List<String> unknown) {
    if (!schema.isObject()) {
      return;
    }
    schema.properties().forEach(keyword -> {
      String key = keyword.getKey();
      JsonNode value = keyword.getValue();
      if (!SCHEMA_KEYWORDS.contains(key) && !key.startsWith("x-")) {
        unknown.add(at + ": " + key);
      } else if (Set.of("properties", "patternProperties", "$defs", "dependentSchemas").contains(key)) {
        value.properties().forEach(child -> unknownKeywords(at + "/" + key + "/" + child.getKey(), child.getValue(), unknown));
      } else if (Set.of("allOf", "anyOf", "oneOf", "prefixItems").contains(key)) {
        for (int i = 0; i < value.size(); i++) {
          unknownKeywords(at + "/" + key + "/" + i, value.get(i), unknown);
        }
      } else if (Set.of("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
          "unevaluatedProperties", "unevaluatedItems", "contentSchema").contains(key)) {
        unknownKeywords(at + "/" + key, value, unknown);
      }
    });
  }

  private static boolean answersTheErrorBody(ApiResponse response) {
    MediaType json = resolve(response).getContent() == null ? null : resolve(response).getContent().get("application/json");
    return json != null && json.getSchema() != null && ERROR_SCHEMA.equals(json.getSchema().get$ref());
  }

  private static ApiResponse resolve(ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
    return parsed.getOpenAPI().getComponents().getResponses().get(name);
  }

  private static void eachOperation(BiConsumer<String, Operation> check) {
    OpenAPI openApi = parsed.getOpenAPI();
    openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
        check.accept(method + " " + path, operation)));
  }
}
