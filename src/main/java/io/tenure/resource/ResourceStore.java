package io.tenure.resource;

import io.tenure.account.ChangeLock;
import io.tenure.catalog.BillingMode;
import io.tenure.catalog.BillingPeriod;
import io.tenure.catalog.Catalogs;
import io.tenure.error.NotFoundException;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.lifecycle.LifecycleState;
import io.tenure.lifecycle.Phase;
import io.tenure.money.Money;
import io.tenure.store.Columns;
import io.tenure.store.Jdbc;
import io.tenure.store.Pipelined;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/**
 * Reads and writes resources with their add-ons and lifecycle state. Every method runs on the caller's
 * handle; {@link #lock} takes the row lock that serializes everything done to one resource (a renewal
 * and the engine's release can never interleave).
 */
public final class ResourceStore {
  /** The columns {@link #read} needs, joined with the account's tier, zone and currency. */
  public static final String SELECT = """
      SELECT r.*, a.tier, a.time_zone, a.currency FROM resources r JOIN accounts a ON a.id = r.account_id
      """;

  private final Catalogs catalogs;

  public ResourceStore(Catalogs catalogs) {
    this.catalogs = catalogs;
  }

  /** Inserts a resource just bought, with the first event of its history (its purchase, when it was made). */
  public void insert(Handle handle, ResourceRecord resource) {
    Update statement = handle.createUpdate(Pipelined.DEFERRABLE + """
        WITH bought AS (
          INSERT INTO resources (id, account_id, plan_code, catalog_version, mode, billing_period, group_id, created_at,
            term_start, term_periods, plan_paid_minor, phase, policy_code, policy_version, term_end, arrears_started_at,
            policy_phase_index, phase_started_at, auto_renew, auto_renew_periods, periodic_handled_through, next_due_at)
          VALUES (:id, :accountId, :planCode, :catalogVersion, :mode, :period, :groupId, :createdAt,
            :termStart, :termPeriods, :planPaid, :phase, :policyCode, :policyVersion, :termEnd, :arrearsStartedAt,
            :policyPhaseIndex, :phaseStartedAt, :autoRenew, :autoRenewPeriods, :periodicHandledThrough, :nextDueAt)
          RETURNING id, created_at, phase)
        INSERT INTO lifecycle_events (resource_id, at, type, phase) SELECT id, created_at, 'PURCHASED', phase FROM bought
        """);
    statement.bind("id", resource.id()).bind("accountId", resource.accountId()).bind("planCode", resource.planCode())
        .bind("mode", resource.mode().name()).bind("period", resource.period().map(Enum::name).orElse(null))
        .bind("groupId", resource.groupId().orElse(null)).bind("createdAt", resource.createdAt());
    bindTerm(statement, resource);
    bindLifecycle(statement, resource.lifecycle(), resource.policyVersion());
    statement.execute();
    insertAddOns(handle, resource.id(), resource.addOns());
  }

  /** A resource with its add-ons, by id: {@link #LOCK} and {@link #READ_WITH_HOLDER} add columns, joins and a lock. */
  private static final String LOCKED = """
      SELECT r.*, a.tier, a.time_zone, a.currency, held.codes, held.quantities, held.paids%s
      FROM resources r JOIN accounts a ON a.id = r.account_id%s
      CROSS JOIN LATERAL (
        SELECT array_agg(code ORDER BY code) AS codes, array_agg(quantity ORDER BY code) AS quantities,
          array_agg(paid_minor ORDER BY code) AS paids
        FROM resource_add_ons WHERE resource_id = r.id) held
      WHERE r.id = ?%s""";
  private static final String LOCK = LOCKED.formatted("", "", " FOR UPDATE OF r");
  /** The account, the resource and the wallet locked in the order named; it travels with its read, as {@link ChangeLock}'s. */
  private static final String LOCK_HOLDER = Pipelined.DEFERRABLE + "SELECT FROM resources r JOIN accounts a ON a.id = r.account_id"
      + ChangeLock.WALLET + " WHERE r.id = ? FOR UPDATE OF a, r, w";
  private static final String READ_WITH_HOLDER = LOCKED.formatted(", a.partner_id, " + ChangeLock.COLUMNS, ChangeLock.WALLET, "");

  /** Locks the resource's row until the transaction ends and reads it with its add-ons, in one statement; 404: none. */
  public ResourceRecord lock(Handle handle, String id) {
    ResourceRecord locked = Jdbc.query(handle, LOCK, row -> row.next() ? readRow(row, heldAddOns(row)) : null, id);
    if (locked == null) {
      throw notFound(id);
    }
    return locked;
  }

  /** The add-ons aggregated into the arrays {@code codes}, {@code quantities} and {@code paids} of {@code row}. */
  private static List<AddOnHolding> heldAddOns(ResultSet row) throws SQLException {
    java.sql.Array codes = row.getArray("codes");
    if (codes == null) {
      return List.of();
    }
    Currency currency = Currency.getInstance(row.getString("currency"));
    String[] code = (String[]) codes.getArray();
    Long[] quantity = (Long[]) row.getArray("quantities").getArray();
    Long[] paid = (Long[]) row.getArray("paids").getArray();
    List<AddOnHolding> addOns = new java.util.ArrayList<>(code.length);
    for (int index = 0; index < code.length; index++) {
      addOns.add(new AddOnHolding(code[index], quantity[index], new Money(paid[index], currency)));
    }
    return addOns;
  }

  /** A page of the account's resources in id order after {@code after} (null: from the start), optionally in one phase. */
  public List<ResourceRecord> listForAccount(Handle handle, String accountId, String phase, String after, int limit) {
    return handle.createQuery(SELECT + """
             WHERE r.account_id = :accountId AND (CAST(:phase AS text) IS NULL OR r.phase = :phase)
               AND (CAST(:after AS text) IS NULL OR r.id > :after)
             ORDER BY r.id LIMIT :limit
            """)
        .bind("accountId", accountId).bind("phase", phase).bind("after", after).bind("limit", limit)
        .map((row, context) -> read(handle, row)).list();
  }

  /** The account that holds a resource, and the account's partner (empty: none). */
  public record Holder(String accountId, Optional<String> partnerId) {}

  /** The account that holds resource {@code id} and its partner, if the resource exists: one statement. */
  public Optional<Holder> holderOf(Handle handle, String id) {
    return handle.createQuery("SELECT r.account_id, a.partner_id FROM resources r JOIN accounts a ON a.id = r.account_id WHERE r.id = :id")
        .bind("id", id)
        .map((row, context) -> new Holder(row.getString(1), Optional.ofNullable(row.getString(2))))
        .findOne();
  }

  /**
   * A resource's holder, its account locked for a change ({@link ChangeLock}), and the resource as the lock found it,
   * locked too: what a change works on unless the account's catch-up changes it first.
   */
  public record LockedHolder(Holder holder, ChangeLock.Locked lock, ResourceRecord resource) {}

  /** {@link #holderOf}, the holder's account, the resource and the wallet locked for a change, and read, in one exchange. */
  public Optional<LockedHolder> lockHolder(Handle handle, String id) {
    Jdbc.update(handle, LOCK_HOLDER, id);
    return Jdbc.query(handle, READ_WITH_HOLDER, row -> row.next()
        ? Optional.of(new LockedHolder(new Holder(row.getString("account_id"), Optional.ofNullable(row.getString("partner_id"))),
            ChangeLock.read(row), readRow(row, heldAddOns(row))))
        : Optional.empty(), id);
  }

  public Optional<ResourceRecord> find(Handle handle, String id) {
    return handle.createQuery(SELECT + " WHERE r.id = :id").bind("id", id)
        .map((row, context) -> read(handle, row)).findOne();
  }

  /** The other members of {@code member}'s group, locked; a group is named within its account. */
  public List<ResourceRecord> lockGroup(Handle handle, ResourceRecord member) {
    return handle.createQuery(SELECT + " WHERE r.account_id = :accountId AND r.group_id = :groupId AND r.id <> :id ORDER BY r.id FOR UPDATE OF r")
        .bind("accountId", member.accountId()).bind("groupId", member.groupId().orElseThrow()).bind("id", member.id())
        .map((row, context) -> read(handle, row)).list();
  }

  /** The account's resources with auto-renewal on that are not finished, locked (the caller holds the account). */
  public List<ResourceRecord> lockAutoRenewing(Handle handle, String accountId) {
    return handle.createQuery(SELECT + """
         WHERE r.account_id = :accountId AND r.auto_renew AND r.phase IN ('ACTIVE', 'GRACE', 'FROZEN')
         ORDER BY r.id FOR UPDATE OF r
        """).bind("accountId", accountId).map((row, context) -> read(handle, row)).list();
  }

  /**
   * Reads the due resources of each of {@code accountIds} (accounts the caller has locked), each account's in due
   * order {@code (next_due_at, id)}, at most {@code perAccount} of each, without add-ons. No row lock: every writer of
   * a resource holds its account's lock until it commits (the account is always locked first), so the caller's
   * account locks already keep these rows as read, and this statement's snapshot, taken after those locks, sees every
   * earlier writer's commit. Locking them as well cost PostgreSQL about 3 µs of CPU a transition of the drain, 5% of
   * it (docs/performance.md, "Session 8: drain").
   */
  public List<ResourceRecord> readDue(Handle handle, List<String> accountIds, Instant now, int perAccount) {
    Query query = handle.createQuery("""
        SELECT r.*, a.tier, a.time_zone, a.currency
        FROM unnest(CAST(:accountIds AS text[])) WITH ORDINALITY AS claimed (id, position)
        JOIN accounts a ON a.id = claimed.id
        CROSS JOIN LATERAL (
          SELECT * FROM resources own WHERE own.account_id = claimed.id AND own.next_due_at <= :now
          ORDER BY own.next_due_at, own.id LIMIT :perAccount) r
        ORDER BY claimed.position, r.next_due_at, r.id
        """);
    Columns.text(query, "accountIds", accountIds, id -> id);
    return query.bind("now", now).bind("perAccount", perAccount)
        .map((row, context) -> readRow(row, List.of())).list();
  }

  /** Writes the term, what was paid, the add-ons and the lifecycle state of {@code resource}, in one statement. */
  public void save(Handle handle, ResourceRecord resource) {
    Update statement = handle.createUpdate(Pipelined.DEFERRABLE + """
        WITH saved AS (
          UPDATE resources SET catalog_version = :catalogVersion, term_start = :termStart, term_periods = :termPeriods,
            plan_paid_minor = :planPaid, phase = :phase, policy_code = :policyCode, policy_version = :policyVersion,
            term_end = :termEnd, arrears_started_at = :arrearsStartedAt, policy_phase_index = :policyPhaseIndex,
            phase_started_at = :phaseStartedAt, auto_renew = :autoRenew, auto_renew_periods = :autoRenewPeriods,
            periodic_handled_through = :periodicHandledThrough, next_due_at = :nextDueAt
          WHERE id = :id),
        dropped AS (
          DELETE FROM resource_add_ons WHERE resource_id = :id AND NOT (code = ANY (CAST(:codes AS text[]))))
        INSERT INTO resource_add_ons (resource_id, code, quantity, paid_minor)
        SELECT :id, held.code, held.quantity, held.paid
        FROM unnest(CAST(:codes AS text[]), CAST(:quantities AS bigint[]), CAST(:paids AS bigint[])) AS held (code, quantity, paid)
        ON CONFLICT (resource_id, code) DO UPDATE SET quantity = excluded.quantity, paid_minor = excluded.paid_minor
        """);
    statement.bind("id", resource.id());
    bindTerm(statement, resource);
    bindLifecycle(statement, resource.lifecycle(), resource.policyVersion());
    bindAddOns(statement, resource.addOns());
    statement.execute();
  }

  /** Builds a resource from a row of {@link #SELECT}. */
  public ResourceRecord read(Handle handle, ResultSet row) throws SQLException {
    String id = row.getString("id");
    Currency currency = Currency.getInstance(row.getString("currency"));
    List<AddOnHolding> addOns = handle.createQuery("SELECT code, quantity, paid_minor FROM resource_add_ons WHERE resource_id = :id ORDER BY code")
        .bind("id", id)
        .map((addOn, context) -> new AddOnHolding(addOn.getString("code"), addOn.getLong("quantity"),
            new Money(addOn.getLong("paid_minor"), currency)))
        .list();
    return readRow(row, addOns);
  }

  /** Builds a resource from a row of {@link #SELECT} and its add-ons, read elsewhere. */
  public ResourceRecord readRow(ResultSet row, List<AddOnHolding> addOns) throws SQLException {
    Currency currency = Currency.getInstance(row.getString("currency"));
    Instant termStart = instant(row, "term_start");
    Instant termEnd = instant(row, "term_end");
    Optional<Term> term = termStart == null ? Optional.empty() : Optional.of(new Term(termStart, termEnd));
    int policyVersion = row.getInt("policy_version");
    LifecycleState lifecycle = new LifecycleState(Phase.valueOf(row.getString("phase")),
        catalogs.policy(row.getString("policy_code"), policyVersion), row.getString("tier"),
        ZoneId.of(row.getString("time_zone")), instant(row, "term_end"), instant(row, "arrears_started_at"),
        row.getInt("policy_phase_index"), instant(row, "phase_started_at"),
        new LifecycleState.AutoRenew(row.getBoolean("auto_renew"), row.getInt("auto_renew_periods")),
        LifecycleState.DEFAULT_WARNING_DAYS_BEFORE, instant(row, "periodic_handled_through"));
    String period = row.getString("billing_period");
    return new ResourceRecord(row.getString("id"), row.getString("account_id"), row.getString("plan_code"),
        row.getInt("catalog_version"), BillingMode.valueOf(row.getString("mode")),
        Optional.ofNullable(period).map(BillingPeriod::valueOf), Optional.ofNullable(row.getString("group_id")),
        instant(row, "created_at"), term, row.getInt("term_periods"), new Money(row.getLong("plan_paid_minor"), currency),
        addOns, policyVersion, lifecycle);
  }

  /** Binds the lifecycle columns of {@code state}, and the next due instant derived from it. */
  public static void bindLifecycle(SqlStatement<?> statement, LifecycleState state, int policyVersion) {
    statement.bind("phase", state.phase().name()).bind("policyCode", state.policy().code())
        .bind("policyVersion", policyVersion).bind("termEnd", state.termEnd())
        .bind("arrearsStartedAt", state.arrearsStartedAt()).bind("policyPhaseIndex", state.policyPhaseIndex())
        .bind("phaseStartedAt", state.phaseStartedAt()).bind("autoRenew", state.autoRenew().enabled())
        .bind("autoRenewPeriods", state.autoRenew().periods())
        .bind("periodicHandledThrough", state.periodicHandledThrough())
        .bind("nextDueAt", Lifecycle.nextDueAt(state).orElse(null));
  }

  private static void bindTerm(SqlStatement<?> statement, ResourceRecord resource) {
    statement.bind("catalogVersion", resource.catalogVersion())
        .bind("termStart", resource.term().map(Term::start).orElse(null))
        .bind("termPeriods", resource.term().isPresent() ? resource.termPeriods() : null)
        .bind("planPaid", resource.term().isPresent() ? resource.planPaid().minor() : null);
  }

  /** Inserts the add-ons of a new resource, all in one statement. */
  private static void insertAddOns(Handle handle, String resourceId, List<AddOnHolding> addOns) {
    if (addOns.isEmpty()) {
      return;
    }
    Update insert = handle.createUpdate(Pipelined.DEFERRABLE + """
        INSERT INTO resource_add_ons (resource_id, code, quantity, paid_minor)
        SELECT :id, held.code, held.quantity, held.paid
        FROM unnest(CAST(:codes AS text[]), CAST(:quantities AS bigint[]), CAST(:paids AS bigint[])) AS held (code, quantity, paid)
        """).bind("id", resourceId);
    bindAddOns(insert, addOns);
    insert.execute();
  }

  private static void bindAddOns(SqlStatement<?> statement, List<AddOnHolding> addOns) {
    Columns.text(statement, "codes", addOns, AddOnHolding::code);
    Columns.text(statement, "quantities", addOns, addOn -> Long.toString(addOn.quantity()));
    Columns.text(statement, "paids", addOns, addOn -> Long.toString(addOn.paid().minor()));
  }

  /** Add-on quantities by code, as the API shows them. */
  public static Map<String, Long> quantities(List<AddOnHolding> addOns) {
    return addOns.stream().collect(Collectors.toMap(AddOnHolding::code, AddOnHolding::quantity, Long::sum, java.util.LinkedHashMap::new));
  }

  public static NotFoundException notFound(String id) {
    return new NotFoundException("RESOURCE_NOT_FOUND", "No resource " + id + ".");
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
