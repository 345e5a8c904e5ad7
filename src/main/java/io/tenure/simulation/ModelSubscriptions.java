package io.tenure.simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The auditor's idea of message subscriptions: the routing Tenure ships (defaults and floors of SPEC.md section 6
 * as docs/notices.md states them, written out here rather than read from Tenure), and each account's own choices.
 */
final class ModelSubscriptions {
  static final List<String> ROLES = List.of("OWNER", "RESOURCE_COLLABORATOR", "FINANCE_COLLABORATOR", "COLLABORATOR");
  static final List<String> CHANNELS = List.of("EMAIL", "SMS", "IN_APP");
  private static final Set<String> ALL_CHANNELS = Set.copyOf(CHANNELS);
  private static final Set<String> NO_SMS = Set.of("EMAIL", "IN_APP");
  private static final Set<String> EVERYONE = Set.copyOf(ROLES);
  private static final Routing OWNER_BY_EMAIL_AND_IN_APP = new Routing(Set.of("OWNER"), NO_SMS);
  private static final Routing NONE = new Routing(Set.of(), Set.of());

  /** Roles over channels, compared as sets and written in the API's order. */
  record Routing(Set<String> roles, Set<String> channels) {
    String text() {
      return ROLES.stream().filter(roles::contains).toList() + " by " + CHANNELS.stream().filter(channels::contains).toList();
    }

    boolean covers(Routing floor) {
      return floor.roles.isEmpty() || floor.channels.isEmpty() || roles.containsAll(floor.roles) && channels.containsAll(floor.channels);
    }
  }

  /** A type's default and floor. */
  record Type(Routing defaults, Routing floor) {}

  /** Every message type in the order Tenure lists them. */
  static final Map<String, Type> TYPES = types();

  /**
   * A change that was accepted, with the real instant before it was sent: a notice fanned out about then may have
   * met the choice before it or after it.
   */
  record Change(String account, String type, Routing routing, java.time.Instant sentAt) {}

  /** Every accepted change in the order sent. */
  final List<Change> history = new java.util.ArrayList<>();

  /** Each account's own choices by type; a type it never changed is absent. */
  final Map<String, Map<String, Routing>> choices = new TreeMap<>();

  private static Map<String, Type> types() {
    Map<String, Type> types = new LinkedHashMap<>();
    types.put("EXPIRY_WARNING", new Type(new Routing(Set.of("OWNER", "RESOURCE_COLLABORATOR", "FINANCE_COLLABORATOR"),
        ALL_CHANNELS), OWNER_BY_EMAIL_AND_IN_APP));
    for (String type : List.of("EXPIRED", "OVERDUE_REMINDER", "FROZEN", "RELEASE_SCHEDULED", "RELEASED")) {
      types.put(type, new Type(new Routing(EVERYONE, ALL_CHANNELS), OWNER_BY_EMAIL_AND_IN_APP));
    }
    types.put("RENEWED", new Type(new Routing(Set.of("OWNER", "FINANCE_COLLABORATOR"), NO_SMS), NONE));
    types.put("RESTORED", new Type(new Routing(EVERYONE, NO_SMS), NONE));
    types.put("AUTO_RENEW_INSUFFICIENT_BALANCE", new Type(new Routing(EVERYONE, ALL_CHANNELS), OWNER_BY_EMAIL_AND_IN_APP));
    types.put("LOW_BALANCE", new Type(new Routing(Set.of("OWNER", "FINANCE_COLLABORATOR"), ALL_CHANNELS), NONE));
    types.put("ARREARS", new Type(new Routing(EVERYONE, ALL_CHANNELS), OWNER_BY_EMAIL_AND_IN_APP));
    types.put("HOLD_APPLIED", new Type(new Routing(Set.of("OWNER"), NO_SMS), OWNER_BY_EMAIL_AND_IN_APP));
    types.put("HOLD_LIFTED", new Type(new Routing(Set.of("OWNER"), NO_SMS), NONE));
    types.put("AUTO_RECHARGE_DISABLED", new Type(new Routing(Set.of("OWNER", "FINANCE_COLLABORATOR"), ALL_CHANNELS),
        OWNER_BY_EMAIL_AND_IN_APP));
    return types;
  }

  /** A change of {@code type}'s choice: refused below the floor, else stored. */
  Expected change(ModelAccount account, String type, Routing choice) {
    if (!choice.covers(TYPES.get(type).floor())) {
      return Expected.refused(409, "SUBSCRIPTION_BELOW_FLOOR");
    }
    choices.computeIfAbsent(account.id, id -> new TreeMap<>()).put(type, choice);
    history.add(new Change(account.id, type, choice, java.time.Instant.now()));
    return Expected.success(200, null);
  }

  /** What {@code GET /v1/accounts/{id}/message-subscriptions} must answer, one line per type. */
  List<String> expected(ModelAccount account) {
    Map<String, Routing> chosen = choices.getOrDefault(account.id, Map.of());
    return TYPES.entrySet().stream().map(type -> {
      Routing choice = chosen.getOrDefault(type.getKey(), type.getValue().defaults());
      return line(type.getKey(), choice.text(), "[]", type.getValue().floor().text(), chosen.containsKey(type.getKey()) ? "ACCOUNT" : "DEFAULT");
    }).toList();
  }

  static String line(String type, String routing, String contacts, String floor, String source) {
    return type + ": " + routing + ", contacts " + contacts + ", floor " + floor + ", " + source;
  }
}
