package io.tenure.subscription;

import io.tenure.error.RejectedException;
import io.tenure.error.Require;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One version of the operator's notice routing: for every message type, the default choice and the floor. The
 * {@code version} is the number the database stored it under (0 for a routing not stored). Immutable.
 */
public record NoticeRouting(int version, Map<String, TypeRouting> types) {

  /**
   * The default and the floor of one message type; the default never lies below the floor. {@code partner} lists
   * the channels (EMAIL, SMS) over which the contacts of the account's partner (its reseller) receive the type,
   * whatever the account chose: the partner watches its customers' money, the account cannot switch that off.
   */
  public record TypeRouting(Choice defaults, Floor floor, Set<Channel> partner) {
    public TypeRouting {
      Require.invariant(floor.allows(defaults), "a default below its floor: %s, %s", defaults, floor);
      Require.invariant(!partner.contains(Channel.IN_APP), "a partner has no inbox: %s", partner);
      partner = Set.copyOf(partner);
    }

    public TypeRouting(Choice defaults, Floor floor) {
      this(defaults, floor, Set.of());
    }
  }

  public NoticeRouting {
    types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
    Require.invariant(types.keySet().containsAll(MessageTypes.ALL), "a routing without some types: %s", types.keySet());
  }

  /** The routing of {@code type}, which must be a known message type. */
  public TypeRouting type(String type) {
    TypeRouting routing = types.get(type);
    Require.invariant(routing != null, "no routing for the message type %s", type);
    return routing;
  }

  /**
   * Refuses, with {@code SUBSCRIPTION_BELOW_FLOOR}, an account's choices of which one lies below its type's floor:
   * the account may add recipients and channels above the floor, never take any away.
   */
  public void requireAboveFloors(Map<String, Choice> choices) {
    choices.forEach((type, choice) -> {
      Floor floor = type(type).floor();
      if (!floor.allows(choice)) {
        throw new RejectedException("SUBSCRIPTION_BELOW_FLOOR", floor.sentence(type)
            + " The operator sets this floor; the account may add recipients and channels above it.");
      }
    });
  }

  NoticeRouting withVersion(int stored) {
    return new NoticeRouting(stored, types);
  }
}
