package io.tenure.delivery;

import io.tenure.account.Account;
import io.tenure.account.AccountStore;
import io.tenure.account.Contact;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Plan;
import io.tenure.lifecycle.NoticeType;
import io.tenure.notify.NoticeContent;
import io.tenure.notify.NoticeFacts;
import io.tenure.notify.Notices;
import io.tenure.notify.Rendered;
import io.tenure.subscription.Channel;
import io.tenure.subscription.Choice;
import io.tenure.subscription.NoticeRouting;
import io.tenure.subscription.NoticeRoutings;
import io.tenure.subscription.Recipients;
import io.tenure.subscription.SubscriptionStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns the engine's notice rows into deliveries, after the engine's transaction and outside it (so the engine does
 * no delivery work): one transaction per batch takes rows out of the notices' outbox, resolves each message's
 * recipients, renders each message once in its account's language (with the amounts and the hold reason stored on its row) and inserts
 * the deliveries with their content (an SMS with its template parameters); the notice rows are never updated. A
 * repeated fan-out adds nothing (each delivery's key is unique). Thread-safe.
 */
public final class FanOut {
  private final Jdbi jdbi;
  private final Notices notices;
  private final AccountStore accounts;
  private final SubscriptionStore subscriptions;
  private final NoticeRoutings routings;
  private final Catalogs catalogs;
  private final DeliveryStore deliveries;
  private final InstantSource realTime;

  public FanOut(Jdbi jdbi, Notices notices, AccountStore accounts, SubscriptionStore subscriptions, NoticeRoutings routings,
      Catalogs catalogs, DeliveryStore deliveries, InstantSource realTime) {
    this.jdbi = jdbi;
    this.notices = notices;
    this.accounts = accounts;
    this.subscriptions = subscriptions;
    this.routings = routings;
    this.catalogs = catalogs;
    this.deliveries = deliveries;
    this.realTime = realTime;
  }

  /** Fans out one batch of at most {@code limit} notice rows; answers how many rows it took. */
  public int fanOutBatch(int limit) {
    return jdbi.inTransaction(handle -> {
      List<Notices.Unsent> rows = notices.claimUnsent(handle, limit);
      if (rows.isEmpty()) {
        return 0;
      }
      NoticeRouting routing = routings.current(handle);
      // The batch's accounts, contacts, choices and partners' contacts in three queries, not three per account.
      Set<String> accountIds = new HashSet<>();
      rows.forEach(row -> accountIds.add(row.accountId()));
      Map<String, Account> accountsById = accounts.findAll(handle, accountIds);
      Map<String, Map<String, Choice>> choicesById = subscriptions.choices(handle, accountsById.keySet());
      Map<String, List<Contact>> partnerContacts = accounts.partnerContacts(handle,
          accountsById.values().stream().flatMap(account -> account.partnerId().stream()).collect(Collectors.toSet()));
      List<DeliveryStore.NewDelivery> created = new ArrayList<>();
      for (Notices.Unsent row : rows) {
        Account account = accountsById.get(row.accountId());
        if (account != null) {
          List<Contact> partner = account.partnerId().map(id -> partnerContacts.getOrDefault(id, List.of())).orElse(List.of());
          created.addAll(deliveriesOf(row, account, choicesById.get(row.accountId()), routing, partner));
        }
      }
      deliveries.insert(handle, created, realTime.instant());
      return rows.size();
    });
  }

  private List<DeliveryStore.NewDelivery> deliveriesOf(Notices.Unsent row, Account account, Map<String, Choice> choices,
      NoticeRouting routing, List<Contact> partnerContacts) {
    List<DeliveryStore.NewDelivery> created = new ArrayList<>();
    Optional<String> plan = row.planCode().map(code -> catalogs.version(row.catalogVersion()).findPlan(code).map(Plan::name).orElse(code));
    for (int position = 0; position < row.types().size(); position++) {
      NoticeType type = row.types().get(position);
      long message = row.sequence() + position;
      List<Recipients.Recipient> recipients = Recipients.resolve(type.name(), account.id(), account.contacts(), choices, routing,
          partnerContacts);
      if (recipients.isEmpty()) {
        continue;
      }
      // Rendered once per message: every recipient of an account shares its language.
      Rendered content = NoticeContent.render(new NoticeFacts(type, plan, row.resourceId(), row.dueAt(), row.termEnd(),
          row.releaseAt(), account.timeZone()).withAmounts(row.amounts()).withHoldReason(row.holdReason()), account.locale());
      for (Recipients.Recipient recipient : recipients) {
        created.add(delivery(row, message, type, recipient, content));
      }
    }
    return created;
  }

  private static DeliveryStore.NewDelivery delivery(Notices.Unsent row, long message, NoticeType type, Recipients.Recipient recipient,
      Rendered content) {
    String key = row.accountId() + "|" + message + "|" + recipient.channel() + "|" + recipient.address();
    return switch (recipient.channel()) {
      case EMAIL -> new DeliveryStore.NewDelivery(row.accountId(), message, type.name(), Channel.EMAIL, recipient.address(), key,
          content.subject(), content.html(), content.text(), Map.of(), row.dueAt(), false);
      case SMS -> new DeliveryStore.NewDelivery(row.accountId(), message, type.name(), Channel.SMS, recipient.address(), key,
          "", "", content.sms(), content.smsParameters(), row.dueAt(), false);
      // The inbox is the channel: written is delivered.
      case IN_APP -> new DeliveryStore.NewDelivery(row.accountId(), message, type.name(), Channel.IN_APP, recipient.address(), key,
          content.title(), "", content.body(), Map.of(), row.dueAt(), true);
    };
  }
}
