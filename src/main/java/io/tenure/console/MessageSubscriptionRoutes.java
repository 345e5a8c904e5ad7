package io.tenure.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenure.api.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A customer's message subscriptions: per message type, which channels deliver it, each switched on or off by
 * one small form. A switch sends the type's whole choice back with that one channel changed; a switch the
 * operator's floor forbids is refused by the API, and its message is shown.
 */
public final class MessageSubscriptionRoutes {
  /** The channels in the order of the page's columns. */
  static final List<String> CHANNELS = List.of("EMAIL", "SMS", "IN_APP");

  private MessageSubscriptionRoutes() {}

  public record Subscriptions(List<TypeRow> types, List<String> channels) {}

  /** One message type: per channel of {@link #CHANNELS}, whether it is on, and whether the floor holds it on. */
  public record TypeRow(String type, List<Switch> switches) {}

  public record Switch(String channel, boolean on, boolean required) {}

  static void register(ConsoleRoutes routes) {
    routes.page("/console/subscriptions", CustomerRoutes.CUSTOMER, visit -> {
      JsonNode current = visit.get(CustomerRoutes.accountPath(visit) + "/message-subscriptions");
      List<TypeRow> rows = new ArrayList<>();
      for (JsonNode entry : current.path("subscriptions")) {
        Set<String> on = texts(entry.path("channels"));
        Set<String> floor = texts(entry.path("floor").path("channels"));
        rows.add(new TypeRow(entry.path("type").asText(), CHANNELS.stream()
            .map(channel -> new Switch(channel, on.contains(channel), floor.contains(channel))).toList()));
      }
      visit.page("customer-subscriptions.jte", "subscriptions.title", new Subscriptions(rows, CHANNELS));
    });
    routes.action("/console/subscriptions", CustomerRoutes.CUSTOMER, visit -> {
      String type = visit.form("type");
      String channel = visit.form("channel");
      boolean on = "true".equals(visit.form("on"));
      JsonNode current = visit.get(CustomerRoutes.accountPath(visit) + "/message-subscriptions");
      for (JsonNode entry : current.path("subscriptions")) {
        if (entry.path("type").asText().equals(type)) {
          visit.send("PUT", CustomerRoutes.accountPath(visit) + "/message-subscriptions",
              Map.of("subscriptions", List.of(switched(entry, channel, on))), null);
          visit.redirect("/console/subscriptions", "notice.subscriptionChanged");
          return;
        }
      }
      visit.redirect("/console/subscriptions", null);
    });
  }

  /** The type's choice as the change call takes it, with {@code channel} turned on or off. */
  private static ObjectNode switched(JsonNode entry, String channel, boolean on) {
    Set<String> channels = texts(entry.path("channels"));
    if (on) {
      channels.add(channel);
    } else {
      channels.remove(channel);
    }
    ObjectNode choice = Json.MAPPER.createObjectNode();
    choice.put("type", entry.path("type").asText());
    choice.set("roles", entry.path("roles").deepCopy());
    choice.set("contacts", entry.path("contacts").isMissingNode() ? Json.MAPPER.createArrayNode() : entry.path("contacts").deepCopy());
    ArrayNode channelList = choice.putArray("channels");
    channels.forEach(channelList::add);
    return choice;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
