package io.tenure.subscription;

import io.tenure.account.ContactRole;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Who receives one message type over which channels: every contact of the {@code roles}, and the contacts named by
 * e-mail address in {@code contacts}, each over every one of the {@code channels}. The operator's default and an
 * account's own choice have this shape. Normal form: roles and channels in enum order without repeats, addresses
 * in lower case, first mention first. Immutable.
 */
public record Choice(List<ContactRole> roles, List<String> contacts, List<Channel> channels) {

  public Choice {
    roles = List.copyOf(roles.isEmpty() ? EnumSet.noneOf(ContactRole.class) : EnumSet.copyOf(roles));
    channels = List.copyOf(channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels));
    contacts = List.copyOf(new LinkedHashSet<>(contacts.stream().map(Choice::address).toList()));
  }

  /** Roles over channels, naming no one contact. */
  public static Choice of(Collection<ContactRole> roles, Collection<Channel> channels) {
    return new Choice(List.copyOf(roles), List.of(), List.copyOf(channels));
  }

  /** An e-mail address as contacts are matched by it: case does not matter. */
  static String address(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
