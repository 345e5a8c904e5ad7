package io.tenure.lifecycle.engine;

import io.tenure.error.Require;
import io.tenure.lifecycle.Lifecycle;
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
 * expired the day before {@code now}: their one due event is the expiry (tencent-drive enters FROZEN,
 * huawei-drive enters GRACE), with the expiry-date reminder already handled, so that every due resource
 * makes exactly one phase transition at {@code now}. The others expire months later. Stateless.
 */
public final class SyntheticResources {
  /** The demo catalog's billing zone, whose midnights every due instant below falls on. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final int ACCOUNTS = 1000;
  private static final int VERIFIED_SAMPLE = 1000;

  private SyntheticResources() {}

  /** What {@link #load} made. */
  public record Loaded(int accounts, int resources, int due) {}

  /**
   * Loads {@code resources} resources into an empty database whose catalog version 1 is the demo catalog,
   * {@code dueShare} of them due at {@code now} (spread evenly through the ids), and checks a sample of the
   * rows against the lifecycle rules: the stored next due instant must be what {@link Lifecycle#nextDueAt}
   * derives.
   */
  public static Loaded load(Jdbi jdbi, ResourceStore store, int resources, double dueShare, Instant now) {
    Require.invariant(resources >= 1 && dueShare >= 0 && dueShare <= 1, "resources %s, due share %s", resources, dueShare);
    LocalDate today = LocalDate.ofInstant(now, ZONE);
    int due = jdbi.inTransaction(handle -> {
      insertAccounts(handle, now);
      insertResources(handle, resources, dueShare, today, now);
      return handle.createQuery("SELECT count(*) FROM resources WHERE next_due_at <= :now").bind("now", now)
          .mapTo(Integer.class).one();
    });
    jdbi.useHandle(handle -> handle.execute("ANALYZE"));
    jdbi.useHandle(handle -> verifySample(handle, store));
    return new Loaded(ACCOUNTS, resources, due);
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
   * Every resource is ACTIVE under catalog version 1 with a term ending 23:59:59 local on its expiry date D.
   * Due ones bought one month ending D = yesterday and have their periodic events handled through D 00:00
   * (the expiry-date reminder was sent), so the next due instant is the expiry at today 00:00. The others
   * bought one year ending 8 to 307 days ahead and nothing has been handled since their purchase, so the next
   * due instant is the first expiry warning at D-7 00:00, after today.
   */
  private static void insertResources(Handle handle, int resources, double dueShare, LocalDate today, Instant now) {
    handle.createUpdate("""
            INSERT INTO resources (id, account_id, plan_code, catalog_version, mode, billing_period, created_at,
              term_start, term_periods, plan_paid_minor, phase, policy_code, policy_version, term_end,
              policy_phase_index, phase_started_at, auto_renew, auto_renew_periods, periodic_handled_through, next_due_at)
            SELECT id, account_id, plan_code, 1, 'PREPAID', CASE WHEN due THEN 'MONTH' ELSE 'YEAR' END, term_start,
              term_start, 1, CASE WHEN due THEN paid_minor ELSE paid_minor * 10 END, 'ACTIVE', policy_code, 1, term_end,
              -1, term_start, false, 1,
              CASE WHEN due THEN CAST(expiry_date AS timestamp) AT TIME ZONE :zone ELSE term_start END,
              CASE WHEN due THEN CAST(expiry_date + 1 AS timestamp) AT TIME ZONE :zone
                ELSE CAST(expiry_date - 7 AS timestamp) AT TIME ZONE :zone END
            FROM (
              SELECT 'res_' || substr(md5(i::text), 1, 21) AS id,
                'acc_bench_' || lpad(((i - 1) % :accounts + 1)::text, 6, '0') AS account_id,
                CASE WHEN i % 2 = 0 THEN 'tencent-drive-enterprise' ELSE 'koodrive-basic' END AS plan_code,
                CASE WHEN i % 2 = 0 THEN 'tencent-drive' ELSE 'huawei-drive' END AS policy_code,
                CASE WHEN i % 2 = 0 THEN 30000 ELSE 18000 END AS paid_minor,
                due, expiry_date,
                (expiry_date + time '23:59:59') AT TIME ZONE :zone AS term_end,
                (expiry_date - CASE WHEN due THEN interval '1 month' ELSE interval '1 year' END + time '23:59:59')
                  AT TIME ZONE :zone AS term_start
              FROM (
                SELECT i, floor(i * :share) > floor((i - 1) * :share) AS due,
                  CASE WHEN floor(i * :share) > floor((i - 1) * :share) THEN CAST(:today AS date) - 1
                    ELSE CAST(:today AS date) + 8 + i % 300 END AS expiry_date
                FROM generate_series(1, :resources) AS i
              ) AS numbered
            ) AS synthetic
            """)
        .bind("accounts", ACCOUNTS).bind("zone", ZONE.getId()).bind("share", dueShare)
        .bind("today", today).bind("resources", resources).execute();
  }

  /** The loader writes next_due_at itself; a sample proves it agrees with the rules the engine will apply. */
  private static void verifySample(Handle handle, ResourceStore store) {
    List<ResourceRecord> sample = handle.createQuery(ResourceStore.SELECT + " ORDER BY r.id LIMIT :sample")
        .bind("sample", VERIFIED_SAMPLE).map((row, context) -> {
          ResourceRecord resource = store.readRow(row, List.of());
          Instant stored = row.getTimestamp("next_due_at").toInstant();
          Instant derived = Lifecycle.nextDueAt(resource.lifecycle()).orElseThrow();
          Require.invariant(stored.equals(derived), "resource %s: stored next due %s, the rules say %s",
              resource.id(), stored, derived);
          return resource;
        }).list();
    Require.invariant(!sample.isEmpty(), "no synthetic resources were loaded");
  }
}
