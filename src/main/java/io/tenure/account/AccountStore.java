package io.tenure.account;

import io.tenure.api.Json;
import io.tenure.error.NotFoundException;
import io.tenure.money.Money;
import io.tenure.store.Columns;
import io.tenure.store.Ids;
import io.tenure.store.Pipelined;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * Reads and writes accounts, their contacts and partners. Every method runs on the caller's handle. The account
 * row is the lock that every change to an account's money or resources takes first ({@link #lock}), and it
 * carries the instant at which the account's due work next falls due, by which the engine claims accounts
 * ({@link #claimDue}).
 */
public final class AccountStore {
  /** An account whose work falls due at {@code dueAt}, its next hourly settlement at {@code settleDueAt} (empty: none). */
  public record DueAccount(String id, Instant dueAt, Optional<Instant> settleDueAt) {}

  /**
   * Inserts a new account (its empty wallet is the ledger's business) and returns it as stored, with no money settings
   * and {@code now} to the microsecond: nothing is read back, so the insert goes with the commit ({@link Pipelined}).
   */
  public Account create(Handle handle, String name, String tier, ZoneId zone, AccountLocale locale, Currency currency,
      Optional<String> partnerId, List<Contact> contacts, Instant now) {
    String id = Ids.next("acc");
    Instant createdAt = now.truncatedTo(ChronoUnit.MICROS);
    bindContacts(handle.createUpdate(CREATE), id, contacts).bind("name", name).bind("tier", tier).bind("zone", zone.getId())
        .bind("locale", locale.tag()).bind("currency", currency.getCurrencyCode()).bind("partnerId", partnerId.orElse(null))
        .bind("now", createdAt).execute();
    return new Account(id, name, tier, zone, locale, currency, partnerId, new ArrayList<>(contacts),
        new Account.Settings(Optional.empty(), Money.zero(currency), Optional.empty()), createdAt, Account.Crossings.NONE);
  }

  /** The columns of a contact {@code c}, read with its account by {@link #WITH_CONTACTS} and {@link ChangeLock#takeReading}. */
  static final String CONTACT_COLUMNS = "c.name AS contact_name, c.role AS contact_role, c.email AS contact_email, c.phone AS contact_phone";

  /** An account with its contacts, one row a contact; the statements that read accounts add their condition and order. */
  static final String WITH_CONTACTS = "SELECT a.*, " + CONTACT_COLUMNS + " FROM accounts a LEFT JOIN contacts c ON c.account_id = a.id ";

  /** The account with its contacts, in one statement; by id, not as a list of one, whose generic plan hashes every contact. */
  public Optional<Account> find(Handle handle, String id) {
    return Optional.ofNullable(withContacts(handle.createQuery(WITH_CONTACTS + "WHERE a.id = :id ORDER BY c.position")
        .bind("id", id)).get(id));
  }

  /** Those of the accounts {@code ids} that exist, with their contacts, by id, in one statement (a batch of notices). */
  public Map<String, Account> findAll(Handle handle, Collection<String> ids) {
    Query query = handle.createQuery(WITH_CONTACTS + "WHERE a.id = ANY(CAST(:ids AS text[])) ORDER BY a.id, c.position");
    Columns.text(query, "ids", List.copyOf(ids), id -> id);
    return withContacts(query);
  }

  /** The accounts of {@code query}'s rows (one a contact, an account's rows together, its contacts in order), by id. */
  static Map<String, Account> withContacts(Query query) {
    return query.scanResultSet((results, context) -> {
      ResultSet row = results.get();
      Map<String, Account> found = new HashMap<>();
      while (row.next()) {
        Account account = found.get(row.getString("id"));
        if (account == null) {
          account = account(row, new ArrayList<>());
          found.put(account.id(), account);
        }
        addContact(account, row);
      }
      return found;
    });
  }

  /** Adds the contact of {@code row} ({@link #CONTACT_COLUMNS}) to the account's list, if the row has one. */
  static void addContact(Account account, ResultSet row) throws SQLException {
    String contactRole = row.getString("contact_role");
    if (contactRole != null) {
      account.contacts().add(new Contact(row.getString("contact_name"), ContactRole.valueOf(contactRole),
          row.getString("contact_email"), row.getString("contact_phone")));
    }
  }

  /** The account, or 404 {@code ACCOUNT_NOT_FOUND}. */
  public Account require(Handle handle, String id) {
    return find(handle, id).orElseThrow(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "No account " + id + "."));
  }

  /** Which accounts a listing keeps: all, those in arrears, or those whose balance (or runway) is low. */
  public enum Standing { ALL, IN_ARREARS, LOW_BALANCE }

  /** A page of accounts of {@code standing} in id order after {@code after}, all or one partner's: ids, then the accounts. */
  public List<Account> list(Handle handle, Optional<String> partnerId, Standing standing, Optional<String> after, int limit) {
    return list(handle, partnerId, standing, Optional.empty(), after, limit);
  }

  /** {@link #list(Handle, Optional, Standing, Optional, int)} of the accounts whose id is {@code search} or whose name
   * contains it, whatever the case (empty: every account). */
  public List<Account> list(Handle handle, Optional<String> partnerId, Standing standing, Optional<String> search,
      Optional<String> after, int limit) {
    List<String> ids = handle.createQuery("""
            SELECT id FROM accounts
            WHERE (CAST(:partnerId AS text) IS NULL OR partner_id = :partnerId) AND (CAST(:after AS text) IS NULL OR id > :after)
              AND (:standing = 'ALL' OR :standing = 'IN_ARREARS' AND arrears_since IS NOT NULL
                   OR :standing = 'LOW_BALANCE' AND low_balance_since IS NOT NULL)
              AND (CAST(:search AS text) IS NULL OR id = :search OR strpos(lower(name), lower(:search)) > 0)
            ORDER BY id LIMIT :limit
            """)
        .bind("partnerId", partnerId.orElse(null)).bind("after", after.orElse(null)).bind("standing", standing.name())
        .bind("search", search.orElse(null)).bind("limit", limit)
        .mapTo(String.class).list();
    Map<String, Account> found = findAll(handle, ids);
    return ids.stream().map(found::get).toList();
  }

  public void replaceContacts(Handle handle, String accountId, List<Contact> contacts) {
    handle.createUpdate("DELETE FROM contacts WHERE account_id = :id").bind("id", accountId).execute();
    if (!contacts.isEmpty()) {
      bindContacts(handle.createUpdate(INSERT_CONTACTS), accountId, contacts).execute();
    }
  }

  /** Inserts an account's contacts ({@link #bindContacts}) in their order, all in one statement. */
  private static final String INSERT_CONTACTS = """
      INSERT INTO contacts (account_id, position, name, role, email, phone)
      SELECT :accountId, contact.position - 1, contact.name, contact.role, contact.email, contact.phone
      FROM unnest(CAST(:names AS text[]), CAST(:roles AS text[]), CAST(:emails AS text[]), CAST(:phones AS text[]))
        WITH ORDINALITY AS contact (name, role, email, phone, position)
      """;

  /** A new account and its contacts, in one statement. */
  private static final String CREATE = Pipelined.DEFERRABLE + """
      WITH created AS (
        INSERT INTO accounts (id, name, tier, time_zone, locale, currency, partner_id, created_at)
        VALUES (:accountId, :name, :tier, :zone, :locale, :currency, :partnerId, :now))
      %s""".formatted(INSERT_CONTACTS);

  private static <S extends SqlStatement<S>> S bindContacts(S statement, String accountId, List<Contact> contacts) {
    statement.bind("accountId", accountId);
    Columns.text(statement, "names", contacts, Contact::name);
    Columns.text(statement, "roles", contacts, contact -> contact.role().name());
    Columns.text(statement, "emails", contacts, Contact::email);
    Columns.text(statement, "phones", contacts, Contact::phone);
    return statement;
  }

  public void saveLocale(Handle handle, String accountId, AccountLocale locale) {
    handle.createUpdate("UPDATE accounts SET locale = :locale WHERE id = :id").bind("id", accountId).bind("locale", locale.tag())
        .execute();
  }

  public void saveSettings(Handle handle, String accountId, Account.Settings settings) {
    handle.createUpdate("""
            UPDATE accounts SET low_balance_threshold_minor = :low, credit_limit_minor = :credit,
              auto_recharge_threshold_minor = :rechargeBelow, auto_recharge_amount_minor = :rechargeAmount,
              minimum_runway_hours = :runway, payment_method = :paymentMethod,
              -- Saving auto-recharge again is how the owner turns it back on after it was disabled.
              auto_recharge_disabled_at = CASE WHEN CAST(:rechargeAmount AS bigint) IS NULL THEN auto_recharge_disabled_at END,
              recharge_failures = CASE WHEN CAST(:rechargeAmount AS bigint) IS NULL THEN recharge_failures ELSE 0 END,
              recharge_outcome_unknown = recharge_outcome_unknown
                AND (CAST(:rechargeAmount AS bigint) IS NULL OR auto_recharge_disabled_at IS NULL)
            WHERE id = :id
            """)
        .bind("id", accountId)
        .bind("low", settings.lowBalanceThreshold().map(Money::minor).orElse(null))
        .bind("credit", settings.creditLimit().minor())
        .bind("rechargeBelow", settings.autoRecharge().map(recharge -> recharge.threshold().minor()).orElse(null))
        .bind("rechargeAmount", settings.autoRecharge().map(recharge -> recharge.amount().minor()).orElse(null))
        .bind("runway", settings.minimumRunwayHours().orElse(null))
        .bind("paymentMethod", settings.paymentMethod().orElse(null))
        .execute();
  }

  /** Locks the account until the transaction ends: when its work next falls due (empty: none); 404 when it does not exist. */
  public Optional<Instant> lock(Handle handle, String id) {
    return handle.createQuery("SELECT next_due_at FROM accounts WHERE id = :id FOR UPDATE").bind("id", id)
        .map((row, context) -> instant(row, "next_due_at"))
        .findOne()
        .orElseThrow(() -> new NotFoundException("ACCOUNT_NOT_FOUND", "No account " + id + "."));
  }

  /** Up to {@code limit} accounts due at {@code now} in due order after {@code (fromDue, fromId)}, locked, skipping held ones. */
  public List<DueAccount> claimDue(Handle handle, Instant now, Instant fromDue, String fromId, int limit) {
    return handle.createQuery("""
            SELECT id, next_due_at, settle_due_at FROM accounts
            WHERE next_due_at <= :now AND (next_due_at, id) > (:fromDue, :fromId)
            ORDER BY next_due_at, id LIMIT :limit FOR UPDATE SKIP LOCKED
            """)
        .bind("now", now).bind("fromDue", fromDue).bind("fromId", fromId).bind("limit", limit)
        .map((row, context) -> new DueAccount(row.getString("id"), row.getTimestamp("next_due_at").toInstant(),
            instant(row, "settle_due_at")))
        .list();
  }

  /** The earliest instant at which any account's work falls due. */
  public Optional<Instant> earliestDue(Handle handle) {
    return handle.createQuery("SELECT next_due_at FROM accounts WHERE next_due_at IS NOT NULL ORDER BY next_due_at LIMIT 1")
        .mapTo(Instant.class).findOne();
  }

  public Partner createPartner(Handle handle, String name, String contactsJson, List<Contact> contacts, Instant now) {
    String id = Ids.next("ptn");
    handle.createUpdate("INSERT INTO partners (id, name, contacts, created_at) VALUES (:id, :name, CAST(:contacts AS jsonb), :now)")
        .bind("id", id).bind("name", name).bind("contacts", contactsJson).bind("now", now).execute();
    return new Partner(id, name, contacts, now);
  }

  /** The contacts of the partners {@code partnerIds} that exist, by partner id: one statement. */
  public Map<String, List<Contact>> partnerContacts(Handle handle, Collection<String> partnerIds) {
    if (partnerIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<Contact>> contacts = new HashMap<>();
    handle.createQuery("SELECT id, contacts::text AS contacts FROM partners WHERE id = ANY(:ids)")
        .bindArray("ids", String.class, partnerIds)
        .map((row, context) -> contacts.put(row.getString("id"),
            List.of(Json.read(row.getString("contacts").getBytes(StandardCharsets.UTF_8), Contact[].class))))
        .list();
    return contacts;
  }

  public boolean partnerExists(Handle handle, String partnerId) {
    return handle.createQuery("SELECT EXISTS (SELECT FROM partners WHERE id = :id)").bind("id", partnerId).mapTo(Boolean.class).one();
  }

  /** The account of {@code row}; it keeps {@code contacts} as its list, so a caller may still fill it. */
  static Account account(ResultSet row, List<Contact> contacts) throws SQLException {
    Currency currency = Currency.getInstance(row.getString("currency"));
    Optional<Money> low = money(row, "low_balance_threshold_minor", currency);
    Optional<Money> rechargeBelow = money(row, "auto_recharge_threshold_minor", currency);
    Optional<Money> rechargeAmount = money(row, "auto_recharge_amount_minor", currency);
    Optional<Account.AutoRecharge> recharge = rechargeAmount.map(amount -> new Account.AutoRecharge(rechargeBelow.orElseThrow(), amount));
    return new Account(row.getString("id"), row.getString("name"), row.getString("tier"),
        ZoneId.of(row.getString("time_zone")), AccountLocale.ofTag(row.getString("locale")).orElseThrow(), currency, Optional.ofNullable(row.getString("partner_id")),
        contacts,
        new Account.Settings(low, new Money(row.getLong("credit_limit_minor"), currency), recharge,
            Optional.ofNullable((Integer) row.getObject("minimum_runway_hours")), Optional.ofNullable(row.getString("payment_method"))),
        row.getTimestamp("created_at").toInstant(),
        new Account.Crossings(instant(row, "low_balance_since"), instant(row, "auto_recharge_disabled_at"),
            instant(row, "arrears_since")));
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getTimestamp(column)).map(java.sql.Timestamp::toInstant);
  }

  private static Optional<Money> money(ResultSet row, String column, Currency currency) throws SQLException {
    long minor = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(new Money(minor, currency));
  }

  /** The end of the next hour to settle of each of {@code ids} that has one (the caller holds the accounts). */
  public Map<String, Instant> settlementsDue(Handle handle, Collection<String> ids) {
    return instantsSet(handle, "settle_due_at", ids);
  }

  /** Those of {@code ids} whose {@code column} is set, with its instant, in one statement. */
  private static Map<String, Instant> instantsSet(Handle handle, String column, Collection<String> ids) {
    return handle.createQuery("SELECT id, " + column + " FROM accounts WHERE id = ANY(:ids) AND " + column + " IS NOT NULL")
        .bindArray("ids", String.class, ids)
        .map((row, context) -> Map.entry(row.getString(1), row.getTimestamp(2).toInstant())).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Records the account's next hourly settlement (empty: none) and when its arrears began (empty: not in arrears). */
  public void saveSettlement(Handle handle, String id, Optional<Instant> settleDueAt, Optional<Instant> arrearsSince) {
    handle.createUpdate("UPDATE accounts SET settle_due_at = :due, arrears_since = :since WHERE id = :id")
        .bind("due", settleDueAt.orElse(null)).bind("since", arrearsSince.orElse(null)).bind("id", id).execute();
  }

  /** When the account's arrears began; empty when it is not in arrears. */
  public Optional<Instant> arrearsSince(Handle handle, String id) {
    return handle.createQuery("SELECT arrears_since FROM accounts WHERE id = :id").bind("id", id)
        .map((row, context) -> instant(row, "arrears_since")).one();
  }

  /** When the arrears of those of {@code ids} in arrears began, by account id: one statement for a batch of settlements. */
  public Map<String, Instant> arrearsSince(Handle handle, Collection<String> ids) {
    return instantsSet(handle, "arrears_since", ids);
  }

  /** Ends the account's arrears record (a payment brought the balance back to zero or above). */
  public void endArrears(Handle handle, String id) {
    handle.createUpdate("UPDATE accounts SET arrears_since = NULL WHERE id = :id").bind("id", id).execute();
  }
}
