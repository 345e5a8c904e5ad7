package io.tenure.resource;

import io.tenure.catalog.BillingPeriod;
import io.tenure.error.Require;
import io.tenure.lifecycle.RenewFrom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar arithmetic of prepaid terms (SPEC.md section 2): a term ends at 23:59:59 local on its
 * expiry date, and N periods later is N months (or 12 N months) later by {@code java.time} rules, so that
 * Jan 31 + 1 month is Feb 28 or 29. Stateless and thread-safe; time is always passed in.
 */
public final class TermRules {

  /** The most a single purchase or renewal may buy: ten years, far past any plan's useful horizon. */
  public static final int MONTHS_MAX = 120;

  private TermRules() {}

  /** The term of {@code periods} periods bought at {@code at}: from {@code at} to 23:59:59 on (date of at) + N months. */
  public static Term purchase(Instant at, ZoneId zone, BillingPeriod period, int periods) {
    int months = months(period, periods);
    return new Term(at, endOfDay(LocalDate.ofInstant(at, zone).plusMonths(months), zone));
  }

  /**
   * The next term after {@code current} when renewed at {@code now} by {@code periods} periods. With
   * {@link RenewFrom#OLD_END} it starts at the old end (even when renewed after expiry: the customer pays for
   * the days in grace) and ends at 23:59:59 on (old expiry date) + N months. With {@link RenewFrom#NOW} it
   * starts at {@code now}, even before the old end, which gives up the rest of the old term: operators who
   * want to restart late renewals without that pick {@link RenewFrom#LATER_OF}, which starts at whichever of
   * the two is later.
   */
  public static Term renew(Term current, BillingPeriod period, int periods, RenewFrom renewFrom, Instant now, ZoneId zone) {
    int months = months(period, periods);
    Instant start = switch (renewFrom) {
      case OLD_END -> current.end();
      case NOW -> now;
      case LATER_OF -> now.isAfter(current.end()) ? now : current.end();
    };
    return new Term(start, endOfDay(LocalDate.ofInstant(start, zone).plusMonths(months), zone));
  }

  /**
   * The last second of {@code date} in {@code zone}: one second before the next local day starts. That is
   * 23:59:59 wall time, and stays right on days whose midnight a DST change skips or repeats.
   */
  public static Instant endOfDay(LocalDate date, ZoneId zone) {
    return date.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
  }

  /** The months that {@code periods} periods span; at least one period and at most {@link #MONTHS_MAX} months. */
  public static int months(BillingPeriod period, int periods) {
    Require.invariant(period != null, "a billing period is required");
    Require.field(periods >= 1, "periods", "must be a whole number of periods, 1 or more, not %d", periods);
    Require.field((long) periods * period.months() <= MONTHS_MAX, "periods",
        "%d %s periods is more than the %d months one purchase or renewal may buy", periods, period, MONTHS_MAX);
    return periods * period.months();
  }
}
