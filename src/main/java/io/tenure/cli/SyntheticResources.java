package io.tenure.cli;

import io.tenure.error.Require;
import io.tenure.lifecycle.Lifecycle;
import io.tenure.resource.AccountsDue;
import io.tenure.resource.ResourceRecord;
import io.tenure.resource.ResourceStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Bulk-loads synthetic prepaid resources for {@code tenure bench lifecycle} and the engine's load tests:
 * accounts, then resources of the demo catalog's {@code tencent-drive-enterprise} and {@code koodrive-basic}
 * plans, each made by one {@code INSERT ... SELECT generate_series} statement. A share of the resources
 * expired the day before {@code now}: their one due event is the expiry, with the expiry-date reminder
 * already handled, so that every due resource makes exactly one phase transition at {@code now}. One in 25
 * of the others is a warm-up resource, which expired a month earlier (see {@link #warmUpAt}).
 * The rest expire months later. Stateless.
 */
public final class SyntheticResources {
  /** The demo catalog's billing zone, whose midnights every due instant below falls on. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final int ACCOUNTS = 1000;
  private static final int VERIFIED_SAMPLE = 1000;
  private static final String ACCOUNT_PREFIX = "acc_bench_";
  /** One resource in this many that is not due is a warm-up one (those numbered 2 modulo this: both plans). */
  private static final int WARM_UP_EVERY = 25;

  private SyntheticResources() {}

  /**
   * What {@link #load} made: {@code due} resources due at {@code now}; {@code warmUp} others that the
   * {@link #warmUpAt} instants expire and then release, after which they are done.
   */
  public record Loaded(int accounts, int resources, int due, int warmUp) {}

  /**
   * The instants at which the warm-up resources, and nothing else, are due: their expiry (31 days before
   * today's 00:00 local), then yesterday 00:00, by which every one of them has been released (a catch-up
   * through the daily reminders and phases in between).
   */
  public static List<Instant> warmUpAt(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZONE);
    return List.of(today.minusDays(31).atStartOfDay(ZONE).toInstant(), today.minusDays(1).atStartOfDay(ZONE).toInstant());
  }

  /**
   * Loads {@code resources} resources into an empty database whose catalog version 1 is the demo catalog,
   * {@code dueShare} of them due at {@code now} (spread evenly through the ids) and, {@code withWarmUp}, one in
   * 25 of the others due at the {@link #warmUpAt} instants, and checks a sample of the
   * rows against the lifecycle rules: the stored next due instant must be what {@link Lifecycle#nextDueAt}
   * derives.
   */
  public static Loaded load(Jdbi jdbi, ResourceStore store, int resources, double dueShare, boolean withWarmUp, Instant now) {
    Require.invariant(resources >= 1 && dueShare >= 0 && dueShare <= 1, "resources %s, due share %s", resources, dueShare);
    LocalDate today = LocalDate.ofInstant(now, ZONE);
    Loaded loaded = jdbi.inTransaction(handle -> {
      insertAccounts(handle, now);
      insertResources(handle, resources, dueShare, withWarmUp, today);
      AccountsDue.refreshAll(handle);
      return handle.createQuery("""
              SELECT count(*) FILTER (WHERE next_due_at > :warmUpAt), count(*) FILTER (WHERE next_due_at <= :warmUpAt)
              FROM resources WHERE next_due_at <= :now
              """)
          .bind("now", now).bind("warmUpAt", warmUpAt(now).getFirst())
          .map((row, context) -> new Loaded(ACCOUNTS, resources, row.getInt(1), row.getInt(2))).one();
    });
    jdbi.useHandle(handle -> handle.execute("ANALYZE"));
    jdbi.useHandle(handle -> verifySample(handle, store, ACCOUNT_PREFIX));
    return loaded;
  }

  private static void insertAccounts(Handle handle, Instant now) {
    handle.createUpdate("""
            INSERT INTO accounts (id, name, tier, time_zone, currency, created_at)
            SELECT 'acc_bench_' || lpad(i::text, 6, '0'), 'Bench customer ' || i, (ARRAY['V1', 'V3', 'V5'])[i % 3 + 1],
              :zone, 'CNY', :now
            FROM generate_series(1, :accounts) AS i
            """)
        .bind("zone", ZONE.getId()).bind("now", now).bind("accounts", ACCOUNTS).execute();
    handle.createUpdate("INSERT INTO wallets (account_id, currency) SELECT id, currency FROM accounts WHERE id LIKE 'acc_bench_%'")
        .execute();
  }

  /**
   * Every resource has a term ending 23:59:59 local on its expiry date D. Due ones are ACTIVE, bought one month
   * ending D = yesterday, with their periodic events handled through D 00:00 (the expiry-date reminder was
   * sent), so the next due instant is the expiry at today 00:00. Warm-up ones are the same a month earlier:
   * D is 32 days ago, their policy begins at D+1 00:00 (tencent-drive freezes, huawei-drive enters grace) and
   * by yesterday 00:00 every one of them is released, after which nothing is pending. The others are ACTIVE, bought one year
   * ending 8 to 307 days ahead, nothing handled since their purchase, so the next due instant is the first
   * expiry warning at D-7 00:00, after today.
   */
  private static void insertResources(Handle handle, int resources, double dueShare, boolean withWarmUp, LocalDate today) {
    handle.createUpdate("""
            INSERT INTO resources (id, account_id, plan_code, catalog_version, mode, billing_period, created_at,
              term_start, term_periods, plan_paid_minor, phase, policy_code, policy_version, term_end,
              policy_phase_index, phase_started_at, auto_renew, auto_renew_periods, periodic_handled_through, next_due_at)
            SELECT id, account_id, plan_code, 1, 'PREPAID', CASE WHEN kind = 'later' THEN 'YEAR' ELSE 'MONTH' END, term_start,
              term_start, 1, CASE WHEN kind = 'later' THEN paid_minor * 10 ELSE paid_minor END,
              'ACTIVE', policy_code, 1, term_end, -1, term_start, false, 1,
              CASE WHEN kind = 'later' THEN term_start ELSE CAST(expiry_date AS timestamp) AT TIME ZONE :zone END,
              CASE WHEN kind = 'later' THEN CAST(expiry_date - 7 AS timestamp) AT TIME ZONE :zone
                ELSE CAST(expiry_date + 1 AS timestamp) AT TIME ZONE :zone END
            FROM (
              SELECT 'res_' || substr(md5(i::text), 1, 21) AS id,
                'acc_bench_' || lpad(((i - 1) % :accounts + 1)::text, 6, '0') AS account_id,
                CASE WHEN i % 2 = 0 THEN 'tencent-drive-enterprise' ELSE 'koodrive-basic' END AS plan_code,
                CASE WHEN i % 2 = 0 THEN 'tencent-drive' ELSE 'huawei-drive' END AS policy_code,
                CASE WHEN i % 2 = 0 THEN 30000 ELSE 18000 END AS paid_minor,
                kind, expiry_date,
                (expiry_date + time '23:59:59') AT TIME ZONE :zone AS term_end,
                (expiry_date - CASE WHEN kind = 'later' THEN interval '1 year' ELSE interval '1 month' END + time '23:59:59')
                  AT TIME ZONE :zone AS term_start
              FROM (
                SELECT i, kind, CASE kind WHEN 'due' THEN CAST(:today AS date) - 1 WHEN 'warm-up' THEN CAST(:today AS date) - 32
                    ELSE CAST(:today AS date) + 8 + i % 300 END AS expiry_date
                FROM (
                  SELECT i, CASE WHEN floor(i * :share) > floor((i - 1) * :share) THEN 'due'
                      WHEN :withWarmUp AND i % :warmUpEvery = 2 THEN 'warm-up' ELSE 'later' END AS kind
                  FROM generate_series(1, :resources) AS i
                ) AS kinds
              ) AS numbered
            ) AS synthetic
            """)
        .bind("accounts", ACCOUNTS).bind("zone", ZONE.getId()).bind("share", dueShare).bind("warmUpEvery", WARM_UP_EVERY)
        .bind("withWarmUp", withWarmUp)
        .bind("today", today).bind("resources", resources).execute();
  }

  /**
   * A bulk loader writes next_due_at itself; a sample of the resources of the accounts named {@code accountPrefix}…
   * proves it agrees with the rules the engine will apply. {@code bench timetravel}'s loader uses it too.
   */
  static void verifySample(Handle handle, ResourceStore store, String accountPrefix) {
    List<ResourceRecord> sample = handle.createQuery(ResourceStore.SELECT
            + " WHERE r.account_id LIKE :prefix || '%' ORDER BY r.id LIMIT :sample")
        .bind("prefix", accountPrefix).bind("sample", VERIFIED_SAMPLE).map((row, context) -> {
          ResourceRecord resource = store.readRow(row, List.of());
          Instant stored = row.getTimestamp("next_due_at").toInstant();
          Instant derived = Lifecycle.nextDueAt(resource.lifecycle()).orElseThrow();
          Require.invariant(stored.equals(derived), "resource %s: stored next due %s, the rules say %s",
              resource.id(), stored, derived);
          return resource;
        }).list();
    Require.invariant(!sample.isEmpty(), "no resources of accounts %s… were loaded", accountPrefix);
  }
}
