package io.tenure.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenure.account.ContactRole;
import io.tenure.catalog.LocatedTree;
import io.tenure.error.Echo;
import io.tenure.error.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a notice routing from its YAML (or JSON) text, checking all of it before any is used: an unknown or
 * missing message type, an unknown role or channel, a default below its floor. Every error is an
 * {@code INVALID_NOTICE_ROUTING} of the form {@code "<source>:<line>: <field path>: <problem>"}, as the catalog's
 * are. The format is in docs/notices.md. Thread-safe: it keeps no state.
 */
public final class NoticeRoutingFile {
  /** The classpath location of the routing shipped with Tenure. */
  public static final String BUILT_IN_RESOURCE = "/notices/routing.yaml";
  static final String ERROR_CODE = "INVALID_NOTICE_ROUTING";

  private NoticeRoutingFile() {}

  /** Parses and validates {@code text}; {@code sourceName} names it in errors (a file name). */
  public static NoticeRouting parse(String text, String sourceName) {
    Require.invariant(text != null && sourceName != null, "a notice routing needs a text and a source name");
    LocatedTree tree = LocatedTree.read(text, sourceName, ERROR_CODE, "notice routing");
    JsonNode root = tree.root();
    if (root.isMissingNode()) {
      throw tree.error("", "is empty");
    }
    mapping(tree, "", root, Set.of("types"));
    JsonNode types = root.get("types");
    if (types == null || types.isNull()) {
      throw tree.error("types", "is required");
    }
    Map<String, NoticeRouting.TypeRouting> routing = new LinkedHashMap<>();
    for (String type : fieldNames(tree, "types", types)) {
      if (!MessageTypes.known(type)) {
        throw tree.error("types." + type, "is not a message type (known: " + String.join(", ", MessageTypes.ALL) + ")");
      }
      routing.put(type, typeRouting(tree, "types." + type, types.get(type)));
    }
    List<String> missing = MessageTypes.ALL.stream().filter(type -> !routing.containsKey(type)).toList();
    if (!missing.isEmpty()) {
      throw tree.error("types", "has no routing for " + String.join(", ", missing) + "; every message type needs one");
    }
    Map<String, NoticeRouting.TypeRouting> ordered = new LinkedHashMap<>();
    MessageTypes.ALL.forEach(type -> ordered.put(type, routing.get(type)));
    return new NoticeRouting(0, ordered);
  }

  /** The routing shipped in the jar. */
  public static String builtInSource() {
    try (InputStream input = NoticeRoutingFile.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      Require.invariant(input != null, "the notice routing %s is missing from the classpath", BUILT_IN_RESOURCE);
      return new String(input.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot read the notice routing " + BUILT_IN_RESOURCE, failure);
    }
  }

  private static NoticeRouting.TypeRouting typeRouting(LocatedTree tree, String path, JsonNode node) {
    mapping(tree, path, node, Set.of("roles", "channels", "floor", "partner"));
    List<ContactRole> roles = names(tree, path + ".roles", required(tree, path, node, "roles"), ContactRole.class);
    List<Channel> channels = names(tree, path + ".channels", required(tree, path, node, "channels"), Channel.class);
    Choice defaults = Choice.of(roles, channels);
    Set<Channel> partner = partnerChannels(tree, path + ".partner", node.get("partner"));
    JsonNode floorNode = node.get("floor");
    if (floorNode == null || floorNode.isNull()) {
      return new NoticeRouting.TypeRouting(defaults, Floor.NONE, partner);
    }
    String floorPath = path + ".floor";
    mapping(tree, floorPath, floorNode, Set.of("roles", "channels"));
    Floor floor = new Floor(names(tree, floorPath + ".roles", required(tree, floorPath, floorNode, "roles"), ContactRole.class),
        names(tree, floorPath + ".channels", required(tree, floorPath, floorNode, "channels"), Channel.class));
    if (!floor.allows(defaults)) {
      throw tree.error(path, "the default lies below the floor: " + floor.sentence(path.substring("types.".length())));
    }
    return new NoticeRouting.TypeRouting(defaults, floor, partner);
  }

  /** The channels to the account's partner: EMAIL and SMS only (a partner has no inbox); none when absent. */
  private static Set<Channel> partnerChannels(LocatedTree tree, String path, JsonNode node) {
    if (node == null || node.isNull()) {
      return Set.of();
    }
    List<Channel> channels = names(tree, path, node, Channel.class);
    if (channels.contains(Channel.IN_APP)) {
      throw tree.error(path + "[" + channels.indexOf(Channel.IN_APP) + "]", "a partner has no inbox; use EMAIL or SMS");
    }
    return Set.copyOf(channels);
  }

  private static JsonNode required(LocatedTree tree, String path, JsonNode node, String name) {
    JsonNode field = node.get(name);
    if (field == null || field.isNull()) {
      throw tree.error(path + "." + name, "is required");
    }
    return field;
  }

  private static void mapping(LocatedTree tree, String path, JsonNode node, Set<String> allowed) {
    if (!node.isObject()) {
      throw tree.error(path, "must be a mapping of fields");
    }
    for (String name : fieldNames(tree, path, node)) {
      if (!allowed.contains(name)) {
        throw tree.error(path.isEmpty() ? name : path + "." + name,
            "is not a known field (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
  }

  private static List<String> fieldNames(LocatedTree tree, String path, JsonNode node) {
    if (!node.isObject()) {
      throw tree.error(path, "must be a mapping of fields");
    }
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A list of enum names, each known and given once. */
  private static <E extends Enum<E>> List<E> names(LocatedTree tree, String path, JsonNode node, Class<E> type) {
    if (!node.isArray()) {
      throw tree.error(path, "must be a list like [" + type.getEnumConstants()[0].name() + "]");
    }
    List<E> values = new ArrayList<>();
    for (int index = 0; index < node.size(); index++) {
      String elementPath = path + "[" + index + "]";
      JsonNode element = node.get(index);
      E value = Arrays.stream(type.getEnumConstants()).filter(constant -> element.isTextual()
          && constant.name().equals(element.asText())).findFirst().orElseThrow(() -> tree.error(elementPath,
          "'" + Echo.of(element.asText()) + "' is not one of " + Arrays.toString(type.getEnumConstants())));
      if (values.contains(value)) {
        throw tree.error(elementPath, value + " is listed twice");
      }
      values.add(value);
    }
    return values;
  }
}
