package io.tenure.subscription;

import io.tenure.account.Contact;
import io.tenure.account.ContactRole;
import io.tenure.api.Json;
import io.tenure.error.Require;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body of {@code PUT /v1/accounts/{id}/message-subscriptions}: a new choice for each type given; the types
 * not given keep theirs. Checks its own shape once read; the contacts and floors are checked against the account.
 */
record SubscriptionChange(List<Entry> subscriptions) implements Json.Validated {
  /** The longest e-mail address a choice may name (RFC 5321's limit on a path). */
  static final int ADDRESS_LENGTH_MAX = 254;
  /** The most contacts one choice may name: as many as an account may have. */
  static final int CONTACTS_MAX = 50;

  /** One type's new choice: {@code contacts} (e-mail addresses of the account's contacts) may be left out. */
  record Entry(String type, List<ContactRole> roles, List<String> contacts, List<Channel> channels) {
    List<String> namedContacts() {
      return contacts == null ? List.of() : contacts;
    }

    Choice choice() {
      return new Choice(roles, namedContacts(), channels);
    }
  }

  @Override
  public void validate() {
    Require.present(subscriptions, "subscriptions");
    Require.field(!subscriptions.isEmpty() && subscriptions.size() <= MessageTypes.ALL.size(), "subscriptions",
        "must list 1 to %d message types", MessageTypes.ALL.size());
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < subscriptions.size(); index++) {
      String field = "subscriptions[" + index + "]";
      Entry entry = Require.present(subscriptions.get(index), field);
      Require.present(entry.type(), field + ".type");
      Require.field(MessageTypes.known(entry.type()), field + ".type", "'%s' is not a message type (known: %s)",
          entry.type(), String.join(", ", MessageTypes.ALL));
      Require.field(seen.add(entry.type()), field + ".type", "%s is given twice", entry.type());
      Require.present(entry.roles(), field + ".roles");
      Require.present(entry.channels(), field + ".channels");
      List<String> contacts = entry.namedContacts();
      Require.field(contacts.size() <= CONTACTS_MAX, field + ".contacts", "must name at most %d contacts", CONTACTS_MAX);
      for (int position = 0; position < contacts.size(); position++) {
        String address = contacts.get(position);
        Require.field(!address.isBlank() && address.length() <= ADDRESS_LENGTH_MAX, field + ".contacts[" + position + "]",
            "must be an e-mail address of 1 to %d characters", ADDRESS_LENGTH_MAX);
      }
    }
  }

  /** The choices by type, in request order, each named contact checked against the account's e-mail addresses. */
  Map<String, Choice> choices(List<Contact> accountContacts) {
    Set<String> addresses = accountContacts.stream().map(Contact::email).filter(Objects::nonNull).map(Choice::address)
        .collect(Collectors.toSet());
    Map<String, Choice> choices = new LinkedHashMap<>();
    for (int index = 0; index < subscriptions.size(); index++) {
      Entry entry = subscriptions.get(index);
      List<String> named = entry.namedContacts();
      for (int position = 0; position < named.size(); position++) {
        Require.field(addresses.contains(Choice.address(named.get(position))),
            "subscriptions[" + index + "].contacts[" + position + "]",
            "'%s' is not the e-mail address of a contact of the account", named.get(position));
      }
      choices.put(entry.type(), entry.choice());
    }
    return choices;
  }
}
