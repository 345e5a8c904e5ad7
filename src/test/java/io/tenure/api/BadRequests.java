package io.tenure.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.api.DescribedOperation.IdempotencyKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Every bad request the fuzzer sends to one operation: bad bodies ({@link BadBodies}), wrong content types, an
 * oversized body, malformed path ids and query parameters, bad Idempotency-Key values, and malformed HTTP
 * (chunked encoding, percent-encoding, control characters and over-long values in the path and headers, wrong
 * Content-Length). Each is built on a request that would succeed (existing ids, a valid body, a fresh key), so
 * that it is refused for what is wrong with it, and so that accepting it would show as a change.
 */
final class BadRequests {
  private static final List<String> BAD_IDS = List.of("%00", "%zz", "x".repeat(5_000), "%E8%B4%A6%E5%8F%B7", "..", "%2e%2e",
      "%01", "%ED%A0%80", "%2F", "a%", "%C0%AE");
  private static final List<String> BAD_KEYS = List.of("", "k".repeat(5_000), "a\u0001b", "a\u0000b", "a\u007fb", "\t",
      "a\u001bb");

  private final DescribedOperation operation;
  private final Map<String, String> existingIds;
  private final String validBody;
  private final Supplier<String> freshKey;
  private final BadBodies bodies;
  private final long maxRequestBytes;

  BadRequests(DescribedOperation operation, Map<String, String> existingIds, String validBody, Supplier<String> freshKey,
      Random random, long maxRequestBytes) {
    this.operation = operation;
    this.existingIds = existingIds;
    this.validBody = validBody;
    this.freshKey = freshKey;
    this.bodies = new BadBodies(new SchemaFacts(operation.description()), random);
    this.maxRequestBytes = maxRequestBytes;
  }

  List<FuzzRequest> all() {
    List<FuzzRequest> requests = new ArrayList<>();
    if (operation.takesBody()) {
      requests.addAll(badBodies());
      requests.addAll(badContentTypes());
    }
    requests.addAll(badPathIds());
    requests.addAll(badQueryParameters());
    requests.addAll(badIdempotencyKeys());
    requests.addAll(MalformedHttp.of(this));
    return requests;
  }

  /** A request that would succeed, with the body (when the operation takes one) and a fresh key if it needs one. */
  FuzzRequest valid(String label) {
    FuzzRequest request = FuzzRequest.of(label, operation.method(), target());
    if (operation.idempotencyKey() == IdempotencyKey.REQUIRED) {
      request = request.key(freshKey.get());
    }
    return operation.takesBody() ? request.json(validBody) : request;
  }

  DescribedOperation operation() {
    return operation;
  }

  long maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * The path with an existing object's id for each parameter, named by the parameter itself ({@code {messageId}})
   * or else by the segment before it ({@code messages} for {@code /v1/messages/{id}}).
   */
  String target() {
    String[] segments = operation.path().split("/");
    for (int i = 1; i < segments.length; i++) {
      if (segments[i].startsWith("{")) {
        String id = existingIds.getOrDefault(segments[i], existingIds.get(segments[i - 1]));
        if (id == null) {
          throw new IllegalStateException("No existing object for " + operation + ": give the fuzzer one for '" + segments[i - 1] + "'.");
        }
        segments[i] = id;
      }
    }
    return String.join("/", segments);
  }

  private List<FuzzRequest> badBodies() {
    List<BadBodies.BadBody> all = new ArrayList<>(bodies.malformed(validBody));
    if (operation.bodySchema() != null) {
      JsonNode valid = parse(validBody);
      all.addAll(bodies.fields(operation.bodySchema(), valid));
    }
    List<FuzzRequest> requests = new ArrayList<>();
    all.forEach(bad -> requests.add(valid("body " + bad.label()).body(bad.text())));
    requests.add(valid("no body").body(new byte[0]));
    String padded = validBody + " ".repeat((int) maxRequestBytes + 1 - validBody.length());
    requests.add(valid("a body over --max-request-bytes").body(padded));
    return requests;
  }

  private List<FuzzRequest> badContentTypes() {
    List<FuzzRequest> requests = new ArrayList<>();
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
        "application/json; charset=iso-8859-1", "multipart/form-data; boundary=x")) {
      requests.add(withoutContentType(valid("content type " + type)).header("Content-Type: " + type));
    }
    requests.add(withoutContentType(valid("no content type")));
    return requests;
  }

  private static FuzzRequest withoutContentType(FuzzRequest request) {
    List<String> headers = request.headers().stream().filter(line -> !line.startsWith("Content-Type:")).toList();
    return new FuzzRequest(request.label(), request.method(), request.target(), headers, request.body(), request.framing(),
        request.keyed());
  }

  private List<FuzzRequest> badPathIds() {
    List<FuzzRequest> requests = new ArrayList<>();
    if (operation.pathParameters().isEmpty()) {
      return requests;
    }
    String[] segments = target().split("/");
    String[] template = operation.path().split("/");
    for (int i = 1; i < template.length; i++) {
      if (template[i].startsWith("{")) {
        for (String bad : BAD_IDS) {
          String[] changed = segments.clone();
          changed[i] = bad;
          requests.add(valid("path id " + cut(bad)).target(String.join("/", changed)));
        }
      }
    }
    return requests;
  }

  private List<FuzzRequest> badQueryParameters() {
    List<FuzzRequest> requests = new ArrayList<>();
    SchemaFacts facts = new SchemaFacts(operation.description());
    operation.queryParameters().forEach((name, schema) -> {
      for (String bad : badQueryValues(facts, schema)) {
        requests.add(valid("query " + name + "=" + cut(bad)).target(target() + "?" + name + "=" + bad));
      }
    });
    return requests;
  }

  private static List<String> badQueryValues(SchemaFacts facts, JsonNode schema) {
    List<String> values = new ArrayList<>(List.of("%00", "%01", "%zz", "%ED%A0%80", "x".repeat(5_000)));
    if (!facts.enumValues(schema).isEmpty()) {
      // The first value in the other case: names are matched exactly, whichever case the description uses.
      String first = facts.enumValues(schema).getFirst();
      String lower = first.toLowerCase(java.util.Locale.ROOT);
      values.addAll(List.of("NOT_A_VALUE", lower.equals(first) ? first.toUpperCase(java.util.Locale.ROOT) : lower));
    }
    if (facts.types(schema).contains("integer")) {
      values.addAll(List.of("abc", "1.5", "1e3", "99999999999999999999", "0x10", "9".repeat(300)));
      if (schema.has("minimum")) {
        values.addAll(List.of(String.valueOf(schema.path("minimum").asLong() - 1), "-5", "-9223372036854775808"));
      }
      if (schema.has("maximum")) {
        values.add(String.valueOf(schema.path("maximum").asLong() + 1));
      }
    }
    return values;
  }

  private List<FuzzRequest> badIdempotencyKeys() {
    List<FuzzRequest> requests = new ArrayList<>();
    if (operation.idempotencyKey() == IdempotencyKey.NONE) {
      return requests;
    }
    for (String bad : BAD_KEYS) {
      FuzzRequest request = FuzzRequest.of("Idempotency-Key " + cut(bad), operation.method(), target())
          .header(Idempotency.HEADER + ": " + bad);
      requests.add(operation.takesBody() ? request.json(validBody) : request);
    }
    if (operation.idempotencyKey() == IdempotencyKey.REQUIRED) {
      FuzzRequest missing = FuzzRequest.of("no Idempotency-Key", operation.method(), target());
      requests.add(operation.takesBody() ? missing.json(validBody) : missing);
    }
    return requests;
  }

  private static JsonNode parse(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException failure) {
      throw new IllegalStateException("the valid body is not JSON: " + text, failure);
    }
  }

  static String cut(String value) {
    String printable = value.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 20 ? printable.substring(0, 12) + "…(" + value.length() + ")" : printable;
  }
}
