package io.tenure.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The rules as the auditor reads them in docs/time.md and docs/money.md, written out plainly: terms end at
 * 23:59:59 local, phases are whole local days from D+1 00:00, charges round half-up and refunds down.
 */
final class ModelRules {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ModelRules() {}

  /** The last second of {@code date} in {@code zone}: one second before the next local day begins. */
  static Instant endOfDay(LocalDate date, ZoneId zone) {
    return date.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
  }

  static LocalDate date(Instant at, ZoneId zone) {
    return LocalDate.ofInstant(at, zone);
  }

  static Instant startOfDay(LocalDate date, ZoneId zone) {
    return date.atStartOfDay(zone).toInstant();
  }

  /** Bought at {@code at} for {@code months}: ends 23:59:59 on (local date of at) + months. */
  static Instant termEnd(Instant at, ZoneId zone, int months) {
    return endOfDay(date(at, zone).plusMonths(months), zone);
  }

  /** The first instant of the first phase: D+1 00:00 local. */
  static Instant expiresAt(Instant termEnd, ZoneId zone) {
    return startOfDay(date(termEnd, zone).plusDays(1), zone);
  }

  /** The end of a phase begun at {@code start} lasting {@code length} whole local days. */
  static Instant phaseEnd(Instant start, Duration length, ZoneId zone) {
    return startOfDay(date(start, zone).plusDays(length.toDays()), zone);
  }

  /** Unused seconds of the term at {@code at} over its seconds, as {remaining, total}. */
  static long[] factor(Instant termStart, Instant termEnd, Instant at) {
    long total = Math.max(1, Duration.between(termStart, termEnd).getSeconds());
    long remaining = Math.clamp(Duration.between(at, termEnd).getSeconds(), 0, total);
    return new long[] {remaining, total};
  }

  /** {@code amount} × remaining / total, rounded to the minor unit half-up (a charge). */
  static BigDecimal charge(BigDecimal amount, long[] factor, int decimals) {
    return amount.multiply(BigDecimal.valueOf(factor[0])).divide(BigDecimal.valueOf(factor[1]), decimals, RoundingMode.HALF_UP);
  }

  /** The unused part of {@code paid}, rounded down, less {@code feePercent} of it, rounded down again. */
  static BigDecimal refund(BigDecimal paid, long[] factor, BigDecimal feePercent, int decimals) {
    BigDecimal unused = paid.multiply(BigDecimal.valueOf(factor[0])).divide(BigDecimal.valueOf(factor[1]), decimals, RoundingMode.DOWN);
    return unused.multiply(HUNDRED.subtract(feePercent)).divide(HUNDRED, decimals, RoundingMode.DOWN);
  }

  /** The part of {@code paid} that belongs to {@code removed} of {@code held} units, rounded down. */
  static BigDecimal share(BigDecimal paid, long removed, long held, int decimals) {
    return paid.multiply(BigDecimal.valueOf(removed)).divide(BigDecimal.valueOf(held), decimals, RoundingMode.DOWN);
  }
}
