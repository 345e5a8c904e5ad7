package io.tenure.cli;

import io.tenure.delivery.Outbound;
import io.tenure.error.Require;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The world of {@code bench notices}, bulk-loaded with one {@code INSERT ... SELECT generate_series} a table: accounts
 * (half {@code en}, half {@code zh-CN}, zone Asia/Shanghai) with one owner each, who has an e-mail address and a
 * phone, and one prepaid KooDrive Basic resource each; then, per phase, notice rows as the engine writes them (one
 * message a row, not yet fanned out), spread round robin over the accounts. With the routing shipped with Tenure an
 * {@code EXPIRY_WARNING} reaches the owner by e-mail, SMS and in-app (three deliveries) and a {@code RENEWED} by
 * e-mail and in-app (two), so any number of deliveries from 2 up is reached exactly. Stateless.
 */
final class NoticeWorld {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final String ACCOUNT_PREFIX = "acc_notice_";

  private NoticeWorld() {}

  /** The messages of a phase: how many of each type, and the deliveries they fan out to. */
  record Messages(int expiryWarnings, int renewals) {
    static Messages forDeliveries(int deliveries) {
      Require.invariant(deliveries >= 2, "deliveries %s", deliveries);
      int renewals = switch (deliveries % 3) {
        case 0 -> 0;
        case 2 -> 1;
        default -> 2;
      };
      return new Messages((deliveries - 2 * renewals) / 3, renewals);
    }

    int messages() {
      return expiryWarnings + renewals;
    }

    int deliveries() {
      return 3 * expiryWarnings + 2 * renewals;
    }

    int emails() {
      return messages();
    }

    int sms() {
      return expiryWarnings;
    }

    int inApp() {
      return messages();
    }
  }

  /** Loads {@code accounts} accounts with their owner and resource into an empty database. */
  static void loadAccounts(Jdbi jdbi, int accounts, Instant now) {
    jdbi.useTransaction(handle -> {
      handle.createUpdate("""
              INSERT INTO accounts (id, name, tier, time_zone, currency, created_at, locale)
              SELECT :prefix || lpad(i::text, 7, '0'), 'Notice customer ' || i, 'V1', :zone, 'CNY', :now,
                CASE WHEN i % 2 = 0 THEN 'zh-CN' ELSE 'en' END
              FROM generate_series(1, :accounts) AS i""")
          .bind("prefix", ACCOUNT_PREFIX).bind("zone", ZONE.getId()).bind("now", now).bind("accounts", accounts).execute();
      handle.createUpdate("INSERT INTO wallets (account_id, currency) SELECT id, currency FROM accounts WHERE id LIKE :prefix || '%'")
          .bind("prefix", ACCOUNT_PREFIX).execute();
      handle.createUpdate("""
              INSERT INTO contacts (account_id, position, name, role, email, phone)
              SELECT :prefix || lpad(i::text, 7, '0'), 0, 'Owner ' || i, 'OWNER', 'owner' || i || '@customer.example',
                '+86 139 ' || lpad(i::text, 8, '0')
              FROM generate_series(1, :accounts) AS i""")
          .bind("prefix", ACCOUNT_PREFIX).bind("accounts", accounts).execute();
      // One year of KooDrive Basic ending in 30 days; the engine does not run here, the rows only name the plan.
      handle.createUpdate("""
              INSERT INTO resources (id, account_id, plan_code, catalog_version, mode, billing_period, created_at, term_start,
                term_periods, plan_paid_minor, phase, policy_code, policy_version, term_end, policy_phase_index,
                phase_started_at, auto_renew, auto_renew_periods, periodic_handled_through, next_due_at)
              SELECT 'res_notice_' || lpad(i::text, 7, '0'), :prefix || lpad(i::text, 7, '0'), 'koodrive-basic', 1,
                'PREPAID', 'YEAR', :termStart, :termStart, 1, 180000, 'ACTIVE', 'huawei-drive', 1, :termEnd, -1,
                :termStart, false, 1, :termStart, :firstWarning
              FROM generate_series(1, :accounts) AS i""")
          .bind("prefix", ACCOUNT_PREFIX).bind("accounts", accounts).bind("termStart", termEnd(now).minus(Duration.ofDays(365)))
          .bind("termEnd", termEnd(now)).bind("firstWarning", termEnd(now).minus(Duration.ofDays(7)).minusSeconds(86_399))
          .execute();
    });
    jdbi.useHandle(handle -> handle.execute("ANALYZE"));
  }

  /**
   * Writes the notice rows of {@code messages}, raised at {@code now}, as the engine writes them: not yet fanned out, queued in the
   * notices' outbox 500 to an outbox row (as the engine's batches and migration V13 queue them).
   * The renewals come first, then the expiry warnings; message {@code i} belongs to account {@code i} modulo
   * {@code accounts}.
   */
  static void raise(Jdbi jdbi, int accounts, Messages messages, int firstMessage, Instant now) {
    Instant termEnd = termEnd(now);
    jdbi.useTransaction(handle -> handle.createUpdate("""
            WITH written AS (
              INSERT INTO notices (account_id, resource_id, types, due_at, release_at, term_end, created_at)
              SELECT :prefix || lpad(account::text, 7, '0'), 'res_notice_' || lpad(account::text, 7, '0'),
                CASE WHEN renewed THEN ARRAY['RENEWED'] ELSE ARRAY['EXPIRY_WARNING'] END, :now,
                CASE WHEN renewed THEN NULL ELSE CAST(:releaseAt AS timestamptz) END,
                CASE WHEN renewed THEN CAST(:renewedEnd AS timestamptz) ELSE CAST(:termEnd AS timestamptz) END, :now
              FROM (SELECT i, (i + :first) % :accounts + 1 AS account, i <= :renewals AS renewed
                    FROM generate_series(1, :messages) AS i) AS numbered
              ORDER BY i
              RETURNING account_id, sequence)
            INSERT INTO notice_outbox (account_ids, sequences)
            SELECT array_agg(account_id ORDER BY sequence), array_agg(sequence ORDER BY sequence)
            FROM (SELECT account_id, sequence, (row_number() OVER (ORDER BY sequence) - 1) / 500 AS chunk FROM written) AS queued
            GROUP BY chunk ORDER BY chunk""")
        .bind("prefix", ACCOUNT_PREFIX).bind("accounts", accounts).bind("first", firstMessage)
        .bind("renewals", messages.renewals()).bind("messages", messages.messages()).bind("now", now)
        .bind("termEnd", termEnd).bind("renewedEnd", termEnd.plus(Duration.ofDays(365)))
        .bind("releaseAt", termEnd.plus(Duration.ofDays(16)).plusSeconds(1))
        .execute());
  }

  /** The end of every resource's term: 23:59:59 local, 30 days after {@code now}'s date. */
  private static Instant termEnd(Instant now) {
    return now.atZone(ZONE).toLocalDate().plusDays(30).atTime(23, 59, 59).atZone(ZONE).toInstant();
  }

  /** The e-mails and SMS created after delivery {@code afterId}, in the order they were created; answers all created. */
  static int readOutbound(Jdbi jdbi, long afterId, List<Outbound> emails, List<Outbound> sms) {
    return jdbi.withHandle(handle -> handle.createQuery("""
            SELECT channel, address, dedup_key, subject, html_body, text_body FROM deliveries WHERE id > :after ORDER BY id""")
        .bind("after", afterId)
        .map((row, context) -> {
          switch (row.getString("channel")) {
            case "EMAIL" -> emails.add(Outbound.email(row.getString("dedup_key"), row.getString("address"), row.getString("subject"),
                row.getString("html_body"), row.getString("text_body")));
            case "SMS" -> sms.add(Outbound.sms(row.getString("dedup_key"), row.getString("address"), row.getString("text_body"),
                Map.of()));
            default -> {
              // In-app: the inbox is the channel, written is delivered; nothing to send.
            }
          }
          return 1;
        }).list().size());
  }
}
