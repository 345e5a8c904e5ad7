package io.tenure.subscription;

import io.tenure.account.Contact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Resolves who receives one notice of an account, over which channel, at which address: a pure function of the
 * message type, the account's contacts, its own choices and the operator's routing. The rules (docs/notices.md):
 * <ul>
 *   <li>the account's choice for the type applies, else the routing's default; the floor is added to either, so
 *       a floor the operator raised after the account chose still holds;</li>
 *   <li>a contact is reached over a channel when its role, or its e-mail address, is chosen for that channel;</li>
 *   <li>EMAIL goes to the contact's e-mail address and SMS to its phone; a contact without that address is
 *       skipped for that channel;</li>
 *   <li>one delivery per (channel, address): a contact chosen both by role and by address, or two contacts sharing
 *       an address, get one;</li>
 *   <li>IN_APP is one delivery per account, to its inbox (the address is the account id), whenever the type reaches
 *       anyone in-app, even when no contact has the role chosen;</li>
 *   <li>the contacts of the account's partner are reached over the routing's partner channels for the type,
 *       whatever the account chose (the account cannot switch its reseller's alerts off);</li>
 *   <li>order: contacts in the account's order, EMAIL before SMS for each, then the partner's contacts, then
 *       IN_APP.</li>
 * </ul>
 */
public final class Recipients {

  /** One delivery to make: to {@code contact} (none for IN_APP) over {@code channel} at {@code address}. */
  public record Recipient(Optional<Contact> contact, Channel channel, String address) {}

  private Recipients() {}

  public static List<Recipient> resolve(String type, String accountId, List<Contact> contacts, Map<String, Choice> choices,
      NoticeRouting routing, List<Contact> partnerContacts) {
    NoticeRouting.TypeRouting typeRouting = routing.type(type);
    Choice choice = choices.getOrDefault(type, typeRouting.defaults());
    Floor floor = typeRouting.floor();
    List<Recipient> recipients = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Contact contact : contacts) {
      reach(contact, channel -> chooses(choice, contact, channel)
          || floor.channels().contains(channel) && floor.roles().contains(contact.role()), recipients, seen);
    }
    for (Contact contact : partnerContacts) {
      reach(contact, typeRouting.partner()::contains, recipients, seen);
    }
    boolean inbox = choice.channels().contains(Channel.IN_APP) && !(choice.roles().isEmpty() && choice.contacts().isEmpty())
        || !floor.asksNothing() && floor.channels().contains(Channel.IN_APP);
    if (inbox) {
      recipients.add(new Recipient(Optional.empty(), Channel.IN_APP, accountId));
    }
    return List.copyOf(recipients);
  }

  /** Adds {@code contact} over EMAIL then SMS where {@code reached} and it has the address, once per address. */
  private static void reach(Contact contact, Predicate<Channel> reached, List<Recipient> recipients, Set<String> seen) {
    for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
      String address = channel == Channel.EMAIL ? contact.email() : contact.phone();
      if (reached.test(channel) && address != null && seen.add(channel + " " + comparable(channel, address))) {
        recipients.add(new Recipient(Optional.of(contact), channel, address));
      }
    }
  }

  private static boolean chooses(Choice choice, Contact contact, Channel channel) {
    return choice.channels().contains(channel) && (choice.roles().contains(contact.role())
        || contact.email() != null && choice.contacts().contains(Choice.address(contact.email())));
  }

  /** An address as two are compared: e-mail without case, a phone number without spaces and dashes. */
  private static String comparable(Channel channel, String address) {
    return channel == Channel.EMAIL ? Choice.address(address) : address.replaceAll("[ \\-]", "");
  }
}
