package io.tenure.account;

import io.javalin.http.Context;
import io.tenure.api.Caller;
import io.tenure.api.Json;
import io.tenure.api.Page;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.catalog.Catalog;
import io.tenure.catalog.Catalogs;
import io.tenure.clock.TenureClock;
import io.tenure.error.ForbiddenException;
import io.tenure.error.NotFoundException;
import io.tenure.money.Money;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP calls on accounts and partners. */
public final class AccountRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AccountRoutes.class);
  private final Jdbi jdbi;
  private final AccountStore accounts;
  private final Wallets ledger;
  private final Catalogs catalogs;
  private final TenureClock clock;
  private final ZoneId operatorZone;
  private final AccountLocale defaultLocale;

  /**
   * {@code operatorZone} ({@code --zone}) is a new account's default zone and the zone of partner data;
   * {@code defaultLocale} ({@code --default-locale}) a new account's default language.
   */
  public AccountRoutes(Jdbi jdbi, AccountStore accounts, Wallets ledger, Catalogs catalogs, TenureClock clock, ZoneId operatorZone,
      AccountLocale defaultLocale) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.ledger = ledger;
    this.catalogs = catalogs;
    this.clock = clock;
    this.operatorZone = operatorZone;
    this.defaultLocale = defaultLocale;
  }

  public void register(Routes routes) {
    routes.post("/v1/accounts", Routes.Access.OPERATOR_OR_PARTNER, this::createAccount);
    routes.get("/v1/accounts", Routes.Access.OPERATOR_OR_PARTNER, this::listAccounts);
    routes.get("/v1/accounts/{id}", Routes.Access.KEY, (context, caller) ->
        context.json(jdbi.withHandle(handle -> view(handle, visible(handle, caller, context.pathParam("id"))))));
    routes.put("/v1/accounts/{id}/contacts", Routes.Access.KEY, this::replaceContacts);
    routes.put("/v1/accounts/{id}/settings", Routes.Access.KEY, this::changeSettings);
    routes.put("/v1/accounts/{id}/locale", Routes.Access.KEY, this::changeLocale);
    routes.post("/v1/partners", Routes.Access.OPERATOR, this::createPartner);
  }

  /** The account if the caller may see it, else 404 (so that a key cannot learn what exists). */
  public Account visible(Handle handle, Caller caller, String accountId) {
    Account account = accounts.require(handle, accountId);
    caller.requireAccount(account.id(), account.partnerId().orElse(null));
    return account;
  }

  /** {@link #visible}, the account locked for a money change in the same exchange ({@link ChangeLock#takeReading}). */
  public ChangeLock.LockedAccount visibleLocked(Handle handle, Caller caller, String accountId) {
    ChangeLock.LockedAccount locked = ChangeLock.takeReading(handle, accountId);
    caller.requireAccount(locked.account().id(), locked.account().partnerId().orElse(null));
    return locked;
  }

  /** The account as the API shows it, with its balance (see {@link AccountView}). */
  private AccountView view(Handle handle, Account account) {
    return AccountView.of(account, ledger.balance(handle, account.id()));
  }

  private void createAccount(Context context, Caller caller) {
    AccountRequests.NewAccount request = Json.read(context.bodyAsBytes(), AccountRequests.NewAccount.class);
    Optional<String> partnerId = partnerOf(caller, Optional.ofNullable(request.partnerId()));
    ZoneId zone = request.timeZone() == null ? operatorZone : AccountRequests.zone(request.timeZone());
    AccountLocale locale = request.locale() == null ? defaultLocale : AccountRequests.locale(request.locale());
    AccountView view = jdbi.inTransaction(handle -> {
      Catalog catalog = catalogs.currentForAccountWrite(handle);
      AccountRequests.requireKnownTier(request.tier(), catalog);
      Currency currency = request.currency() == null ? catalog.currency() : AccountRequests.currency(request.currency());
      AccountRequests.requirePricedCurrency(currency, catalog);
      partnerId.ifPresent(id -> requirePartner(handle, caller, id));
      Account account = accounts.create(handle, request.name().strip(), request.tier(), zone, locale, currency, partnerId,
          request.contacts(), clock.now());
      Money opened = ledger.openWallet(handle, account.id(), currency);
      LOG.info("account - created {} (tier {}, zone {}, locale {}, partner {})", account.id(), account.tier(), zone,
          locale.tag(), partnerId.orElse("none"));
      return AccountView.of(account, opened);
    });
    context.status(201).json(view);
  }

  private void listAccounts(Context context, Caller caller) {
    int limit = QueryParameters.limit(context);
    Optional<String> after = Optional.ofNullable(context.queryParam("after"));
    Optional<String> partnerId = partnerOf(caller, Optional.ofNullable(context.queryParam("partnerId")));
    AccountStore.Standing standing = AccountRequests.standing(context.queryParam("filter"));
    Optional<String> search = AccountRequests.search(context.queryParam("q"));
    partnerId.ifPresent(id -> jdbi.useHandle(handle -> requirePartner(handle, caller, id)));
    context.json(jdbi.withHandle(handle -> Page.of(accounts.list(handle, partnerId, standing, search, after, limit), limit,
        account -> view(handle, account), Account::id)));
  }

  /** The partner a call is about: the one named, else a partner key's own; the operator may name none. */
  private static Optional<String> partnerOf(Caller caller, Optional<String> named) {
    return caller.isOperator() ? named : Optional.of(named.orElse(caller.partnerId()));
  }

  /** 404 for a partner that does not exist or is outside the caller's scope: the two answer alike. */
  /** The partner {@code partnerId} if the caller may act for it (the operator, or that partner), else 404. */
  public void requirePartner(Handle handle, Caller caller, String partnerId) {
    caller.requirePartner(partnerId);
    if (!accounts.partnerExists(handle, partnerId)) {
      throw new NotFoundException("PARTNER_NOT_FOUND", "No partner " + partnerId + ".");
    }
  }

  private void replaceContacts(Context context, Caller caller) {
    List<Contact> contacts = List.of(Json.read(context.bodyAsBytes(), Contact[].class));
    AccountRequests.validateContacts(contacts);
    context.json(jdbi.inTransaction(handle -> {
      Account account = visible(handle, caller, context.pathParam("id"));
      accounts.replaceContacts(handle, account.id(), contacts);
      return view(handle, accounts.require(handle, account.id()));
    }));
  }

  private void changeSettings(Context context, Caller caller) {
    AccountRequests.SettingsChange request = Json.read(context.bodyAsBytes(), AccountRequests.SettingsChange.class);
    context.json(jdbi.inTransaction(handle -> {
      Account account = visible(handle, caller, context.pathParam("id"));
      Account.Settings settings = request.toSettings(account.currency());
      // Credit is granted by the operator or the partner; the account may keep what it has, or give it up.
      if (caller.scope() == Caller.Scope.ACCOUNT && settings.creditLimit().compareTo(account.settings().creditLimit()) > 0) {
        throw new ForbiddenException("FORBIDDEN", "An account key cannot raise its own credit limit; credit is granted by the operator or the account's partner.");
      }
      accounts.saveSettings(handle, account.id(), settings);
      return view(handle, accounts.require(handle, account.id()));
    }));
  }

  /** The language of the account's notices; any key that may change the account's contacts may change it. */
  private void changeLocale(Context context, Caller caller) {
    AccountRequests.LocaleChange request = Json.read(context.bodyAsBytes(), AccountRequests.LocaleChange.class);
    context.json(jdbi.inTransaction(handle -> {
      Account account = visible(handle, caller, context.pathParam("id"));
      accounts.saveLocale(handle, account.id(), AccountRequests.locale(request.locale()));
      return view(handle, accounts.require(handle, account.id()));
    }));
  }

  private void createPartner(Context context, Caller caller) {
    AccountRequests.NewPartner request = Json.read(context.bodyAsBytes(), AccountRequests.NewPartner.class);
    List<Contact> contacts = request.contacts() == null ? List.of() : request.contacts();
    Partner partner = jdbi.inTransaction(handle ->
        accounts.createPartner(handle, request.name().strip(), Json.write(contacts), contacts, clock.now()));
    LOG.info("account - partner {} created", partner.id());
    context.status(201).json(PartnerView.of(partner, operatorZone));
  }
}
