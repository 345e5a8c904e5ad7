package io.tenure.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tenure.error.Echo;
import io.tenure.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One value of a catalog file with its field path, offering typed reads that fail with an INVALID_CATALOG
 * error naming the file, line and field. Reading the file through this keeps every check in one place.
 */
final class CatalogNode {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  /** A plain decimal in ASCII digits, as money is written everywhere in Tenure: no exponent, no other scripts. */
  static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

  private final LocatedTree tree;
  final String path;
  private final JsonNode value;

  CatalogNode(LocatedTree tree, String path, JsonNode value) {
    this.tree = tree;
    this.path = path;
    this.value = value;
  }

  static CatalogNode root(LocatedTree tree) {
    CatalogNode root = new CatalogNode(tree, "", tree.root);
    if (tree.root.isMissingNode()) {
      throw root.error("is empty");
    }
    return root.requireMapping();
  }

  InvalidInputException error(String problem) {
    return tree.error(path, problem);
  }

  InvalidInputException error(String format, Object... arguments) {
    return error(String.format(format, arguments));
  }

  /** Refuses any field not in {@code allowed}, naming the first unknown one and the known ones. */
  CatalogNode allowOnly(String... allowed) {
    requireMapping();
    Set<String> known = Set.of(allowed);
    for (String name : (Iterable<String>) value::fieldNames) {
      if (!known.contains(name)) {
        throw field(name).error("is not a known field (known: %s)", String.join(", ", new TreeSet<>(Arrays.asList(allowed))));
      }
    }
    return this;
  }

  CatalogNode require(String name) {
    return optional(name).orElseThrow(() -> field(name).error("is required"));
  }

  /** The field {@code name}; an explicit null counts as absent. */
  Optional<CatalogNode> optional(String name) {
    JsonNode field = value.get(name);
    return field == null || field.isNull() ? Optional.empty() : Optional.of(field(name));
  }

  /** A name or label, shown in bills and notices: a {@link #text()} of at most {@value #TEXT_LENGTH_MAX} characters. */
  String name() {
    String text = text();
    if (text.length() > TEXT_LENGTH_MAX) {
      throw error("must be at most " + TEXT_LENGTH_MAX + " characters");
    }
    return text;
  }

  /** A non-empty one-line text; control characters (NUL, line breaks) and lone surrogates are refused. */
  String text() {
    if (!value.isTextual() || value.asText().isBlank()) {
      throw error("must be a non-empty text");
    }
    String text = value.asText().strip();
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      boolean loneSurrogate = Character.isSurrogate(character) && !(Character.isHighSurrogate(character)
          && index + 1 < text.length() && Character.isLowSurrogate(text.charAt(++index)));
      if (Character.isISOControl(character) || loneSurrogate) {
        throw error("must be one line of text without control characters");
      }
    }
    return text;
  }


  /** The longest name or label a catalog may give. */
  static final int TEXT_LENGTH_MAX = 1_000;

  /** A code: lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 long. */
  String code() {
    String code = text();
    if (!CODE.matcher(code).matches()) {
      throw error("'%s' is not a code (lower-case letters, digits, '-' and '_', at most 64)", Echo.of(code));
    }
    return code;
  }

  /**
   * A decimal written as a plain number or as a text such as "180.00", in ASCII digits only (the reader
   * has already refused numbers written with an exponent, underscores or in another base).
   */
  BigDecimal decimal() {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (!PLAIN_DECIMAL.matcher(text).matches()) {
        throw error("'%s' is not a decimal in ASCII digits like \"180.00\"", Echo.of(text));
      }
      return new BigDecimal(text);
    }
    throw error("must be a decimal like \"180.00\"");
  }

  long wholeNumber(long minimum) {
    if (!value.isIntegralNumber()) {
      throw error("must be a whole number");
    }
    BigInteger number = value.bigIntegerValue();
    if (number.compareTo(BigInteger.valueOf(minimum)) < 0 || number.bitLength() > 63) {
      throw error("%s is out of range (%d or more)", number, minimum);
    }
    return number.longValueExact();
  }

  boolean bool() {
    if (!value.isBoolean()) {
      throw error("must be true or false");
    }
    return value.booleanValue();
  }

  <E extends Enum<E>> E choice(Class<E> type) {
    String text = text();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    throw error("'%s' is not one of %s", Echo.of(text), Arrays.toString(type.getEnumConstants()));
  }

  List<CatalogNode> list() {
    if (!value.isArray()) {
      throw error("must be a list");
    }
    List<CatalogNode> elements = new ArrayList<>();
    for (int index = 0; index < value.size(); index++) {
      elements.add(new CatalogNode(tree, path + "[" + index + "]", value.get(index)));
    }
    return elements;
  }

  /** The fields of a mapping, in file order. */
  Map<String, CatalogNode> entries() {
    requireMapping();
    Map<String, CatalogNode> entries = new LinkedHashMap<>();
    for (String name : (Iterable<String>) value::fieldNames) {
      entries.put(name, field(name));
    }
    return entries;
  }

  /** Each list element read by {@code reader}. */
  <T> List<T> listOf(Function<CatalogNode, T> reader) {
    return list().stream().map(reader).toList();
  }

  CatalogNode requireMapping() {
    if (!value.isObject()) {
      throw error("must be a mapping of fields");
    }
    return this;
  }

  /** The field {@code name} whether or not it is present, for pointing errors at it. */
  CatalogNode field(String name) {
    String childPath = path.isEmpty() ? name : path + "." + name;
    JsonNode field = value.get(name);
    return new CatalogNode(tree, childPath, field == null ? MissingNode.getInstance() : field);
  }
}
