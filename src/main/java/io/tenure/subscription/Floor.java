package io.tenure.subscription;

import io.tenure.account.ContactRole;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the operator guarantees for one message type whatever the account chooses: every contact of the
 * {@code roles} receives it over every one of the {@code channels}. Empty when the account may silence the type.
 * Immutable.
 */
public record Floor(List<ContactRole> roles, List<Channel> channels) {
  public static final Floor NONE = new Floor(List.of(), List.of());

  public Floor {
    roles = List.copyOf(roles.isEmpty() ? EnumSet.noneOf(ContactRole.class) : EnumSet.copyOf(roles));
    channels = List.copyOf(channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels));
  }

  /** Whether the floor asks for anything: a floor with no role or no channel guarantees nothing. */
  public boolean asksNothing() {
    return roles.isEmpty() || channels.isEmpty();
  }

  /** Whether {@code choice} reaches at least every role of the floor over every channel of it. */
  public boolean allows(Choice choice) {
    return asksNothing() || choice.roles().containsAll(roles) && choice.channels().containsAll(channels);
  }

  /** The floor in words, for a refusal: {@code RELEASED must reach OWNER by EMAIL and IN_APP.} */
  public String sentence(String type) {
    return type + " must reach " + words(roles.stream().map(Enum::name).toList()) + " by "
        + words(channels.stream().map(Enum::name).toList()) + ".";
  }

  private static String words(List<String> names) {
    if (names.size() == 1) {
      return names.getFirst();
    }
    return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " and " + names.getLast();
  }
}
