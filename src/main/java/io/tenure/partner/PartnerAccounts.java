package io.tenure.partner;

import io.tenure.account.Account;
import io.tenure.account.AccountStore;
import io.tenure.api.Page;
import io.tenure.ledger.Ledger;
import io.tenure.money.Money;
import io.tenure.payment.BalanceWatch;
import io.tenure.resource.ResourceRecord;
import io.tenure.resource.ResourcesAtRisk;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The partner's watch list: a page of its accounts, each with what the partner must know to act before a
 * customer loses service (docs/partners.md). Reads a page in four statements plus two per account that spends
 * (its runway). Thread-safe.
 */
public final class PartnerAccounts {
  private final AccountStore accounts;
  private final Ledger ledger;
  private final ResourcesAtRisk atRisk;
  private final BalanceWatch balanceWatch;

  public PartnerAccounts(AccountStore accounts, Ledger ledger, ResourcesAtRisk atRisk, BalanceWatch balanceWatch) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.atRisk = atRisk;
    this.balanceWatch = balanceWatch;
  }

  /** A page of the partner's accounts of {@code standing}, in id order after {@code after}, as at {@code now}. */
  public Page<PartnerAccountView> page(Handle handle, String partnerId, AccountStore.Standing standing, Optional<String> after,
      int limit, Instant now) {
    List<Account> found = accounts.list(handle, Optional.of(partnerId), standing, after, limit);
    List<String> ids = found.stream().map(Account::id).toList();
    Map<String, Money> balances = ledger.balances(handle, ids);
    Map<String, List<ResourceRecord>> resources = atRisk.of(handle, ids, now.plus(AtRisk.EXPIRING_WITHIN)).stream()
        .collect(Collectors.groupingBy(ResourceRecord::accountId));
    return Page.of(found, limit, account -> view(handle, account, balances.get(account.id()),
        resources.getOrDefault(account.id(), List.of()), now), Account::id);
  }

  private PartnerAccountView view(Handle handle, Account account, Money balance, List<ResourceRecord> resources, Instant now) {
    ZoneId zone = account.timeZone();
    PartnerAccountView.Arrears arrears = account.crossings().arrearsSince()
        .map(since -> new PartnerAccountView.Arrears(since.atZone(zone).toOffsetDateTime(),
            balance.isNegative() ? balance.negate() : Money.zero(balance.currency())))
        .orElse(null);
    Long runwayHours = balanceWatch.runway(handle, account.id(), balance, now).map(runway -> runway.toHours()).orElse(null);
    List<PartnerAccountView.ExpiringResource> expiring = AtRisk.expiring(resources, now).stream()
        .map(soon -> new PartnerAccountView.ExpiringResource(soon.resource().id(), soon.resource().planCode(),
            soon.termEnd().atZone(zone).toOffsetDateTime(), soon.autoRenew()))
        .toList();
    List<PartnerAccountView.ScheduledRelease> releases = AtRisk.releases(resources, now).stream()
        .map(release -> new PartnerAccountView.ScheduledRelease(release.resource().id(), release.resource().planCode(),
            release.phase(), release.releaseAt().atZone(zone).toOffsetDateTime()))
        .toList();
    return new PartnerAccountView(account.id(), account.name(), account.tier(), account.currency().getCurrencyCode(), balance,
        account.settings().creditLimit(), arrears,
        account.crossings().lowBalanceSince().map(at -> at.atZone(zone).toOffsetDateTime()).orElse(null), runwayHours,
        expiring, releases);
  }
}
