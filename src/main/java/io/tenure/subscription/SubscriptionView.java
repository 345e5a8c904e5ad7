package io.tenure.subscription;

import io.tenure.account.ContactRole;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /v1/accounts/{id}/message-subscriptions}: per message type, in the routing's order,
 * the choice in force (the account's, else the default) and the floor under it.
 */
record SubscriptionView(String accountId, int routingVersion, List<Entry> subscriptions) {

  /** Where the choice comes from: the operator's default, or the account's own change. */
  enum Source { DEFAULT, ACCOUNT }

  record Entry(String type, List<ContactRole> roles, List<String> contacts, List<Channel> channels, Floor floor,
      Source source) {}

  static SubscriptionView of(String accountId, NoticeRouting routing, Map<String, Choice> choices) {
    List<Entry> entries = routing.types().entrySet().stream().map(type -> {
      Choice chosen = choices.get(type.getKey());
      Choice choice = chosen == null ? type.getValue().defaults() : chosen;
      return new Entry(type.getKey(), choice.roles(), choice.contacts(), choice.channels(), type.getValue().floor(),
          chosen == null ? Source.DEFAULT : Source.ACCOUNT);
    }).toList();
    return new SubscriptionView(accountId, routing.version(), entries);
  }
}
