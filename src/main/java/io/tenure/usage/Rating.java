package io.tenure.usage;

import io.tenure.lifecycle.Phase;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pure rules of hourly settlement (SPEC.md §3, §7): what one hour of an account's pay-as-you-go resources
 * costs. Exact decimals throughout; each line is rounded half-up to the currency's minor unit once. No I/O,
 * no clock.
 *
 * <ul>
 *   <li>A meter's line is its summed quantity in the hour times its unit price.</li>
 *   <li>The fixed hourly price is prorated by the second of service in the hour: service runs from the purchase
 *   and through ACTIVE and GRACE; it ends when the resource is stopped (FROZEN) or unsubscribed.</li>
 *   <li>Usage of an earlier hour (events accepted after that hour was settled) is an adjustment line naming its
 *   hour, in the settlement that finds it.</li>
 * </ul>
 */
public final class Rating {
  public static final Duration HOUR = Duration.ofHours(1);
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(HOUR.toSeconds());
  private static final DateTimeFormatter DAY_AND_HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR_ONLY = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private Rating() {}

  /** The start of the UTC hour {@code at} falls in. */
  public static Instant hourStart(Instant at) {
    return at.truncatedTo(ChronoUnit.HOURS);
  }

  /** The end of the first UTC hour that ends after {@code at}: when an hour that contains {@code at} is settled. */
  public static Instant hourEndAfter(Instant at) {
    return hourStart(at).plus(HOUR);
  }

  /**
   * The lines of the hour ending at {@code hourEnd}: for each resource (in id order) its fixed hourly price, then
   * its meters of that hour (by code), then its adjustments (by hour, then meter). {@code usage} is every unbilled
   * event total of the account's resources before {@code hourEnd}; a resource of {@code usage} missing from
   * {@code resources} cannot be priced and is rated at zero.
   */
  public static List<RatedLine> rate(Instant hourEnd, Currency currency, List<RatedResource> resources, List<HourUsage> usage) {
    Instant hourStart = hourEnd.minus(HOUR);
    Map<String, RatedResource> byId = resources.stream().collect(Collectors.toMap(RatedResource::resourceId, Function.identity()));
    Map<String, List<HourUsage>> usageById = usage.stream().collect(Collectors.groupingBy(HourUsage::resourceId));
    List<String> ids = new ArrayList<>(byId.keySet());
    usageById.keySet().stream().filter(id -> !byId.containsKey(id)).forEach(ids::add);
    ids.sort(Comparator.naturalOrder());
    List<RatedLine> lines = new ArrayList<>();
    for (String id : ids) {
      Optional<RatedResource> resource = Optional.ofNullable(byId.get(id));
      resource.flatMap(rated -> hourlyLine(rated, hourEnd)).ifPresent(lines::add);
      List<HourUsage> own = new ArrayList<>(usageById.getOrDefault(id, List.of()));
      own.sort(Comparator.comparing(HourUsage::hourStart).reversed().thenComparing(HourUsage::meter));
      // This hour's meters first (reversed hour order puts them first), then the adjustments oldest first.
      own.stream().filter(total -> total.hourStart().equals(hourStart))
          .forEach(total -> lines.add(meterLine(id, resource, total, false, currency)));
      own.stream().filter(total -> total.hourStart().isBefore(hourStart))
          .sorted(Comparator.comparing(HourUsage::hourStart).thenComparing(HourUsage::meter))
          .forEach(total -> lines.add(meterLine(id, resource, total, true, currency)));
    }
    return lines;
  }

  /** What {@code quantity} of a meter at {@code unitPrice} costs, rounded half-up once to the minor unit. */
  public static Money meterAmount(BigDecimal quantity, BigDecimal unitPrice, Currency currency) {
    return Money.rounded(quantity.multiply(unitPrice), currency, RoundingMode.HALF_UP);
  }

  /** The part of the fixed hourly price that {@code served} of service in one hour costs, rounded half-up once. */
  public static Money hourlyAmount(Money hourlyPrice, Duration served) {
    // divide with a scale rounds the exact quotient, however long its expansion.
    BigDecimal amount = hourlyPrice.toBigDecimal().multiply(BigDecimal.valueOf(served.toSeconds()))
        .divide(SECONDS_PER_HOUR, hourlyPrice.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP);
    return Money.rounded(amount, hourlyPrice.currency(), RoundingMode.HALF_UP);
  }

  /**
   * How long {@code resource} was in service in the hour ending at {@code hourEnd}: from its purchase (or the
   * hour's start) to the hour's end while it is ACTIVE or GRACE, or to the instant it was stopped (FROZEN) or
   * unsubscribed in the hour. A resource that was restored within the hour is counted from the hour's start.
   */
  public static Duration inService(RatedResource resource, Instant hourEnd) {
    Instant from = later(hourEnd.minus(HOUR), resource.createdAt());
    Instant to = switch (resource.phase()) {
      case ACTIVE, GRACE -> hourEnd;
      // Entering FROZEN ends GRACE's service, unsubscribing ends ACTIVE's; the release follows a stop.
      case FROZEN, UNSUBSCRIBED -> earlier(hourEnd, resource.phaseStartedAt());
      case RELEASE_PENDING, RELEASED -> from;
    };
    return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
  }

  private static Optional<RatedLine> hourlyLine(RatedResource resource, Instant hourEnd) {
    Duration served = inService(resource, hourEnd);
    if (resource.hourlyPrice().isEmpty() || served.isZero()) {
      return Optional.empty();
    }
    Money price = resource.hourlyPrice().get();
    String service = served.equals(HOUR) ? "" : " for " + served.toSeconds() + " of 3600 seconds";
    String description = String.format("%s (%s), %s: hourly price %s%s", resource.planName(), resource.resourceId(),
        hourName(hourEnd.minus(HOUR)), price, service);
    return Optional.of(new RatedLine(resource.resourceId(), Optional.empty(), hourEnd.minus(HOUR), false, description,
        hourlyAmount(price, served)));
  }

  private static RatedLine meterLine(String resourceId, Optional<RatedResource> resource, HourUsage total, boolean adjustment,
      Currency currency) {
    Optional<BigDecimal> unitPrice = resource.map(rated -> rated.unitPrices().get(total.meter()));
    String quantity = total.quantity().stripTrailingZeros().toPlainString();
    String priced = unitPrice.map(price -> quantity + " × " + price.stripTrailingZeros().toPlainString())
        .orElse(quantity + " (no price)");
    String subject = resource.map(rated -> rated.planName() + " (" + resourceId + ")").orElse(resourceId);
    String description = adjustment
        ? String.format("Adjustment for %s: %s, %s %s", hourName(total.hourStart()), subject, total.meter(), priced)
        : String.format("%s, %s: %s %s", subject, hourName(total.hourStart()), total.meter(), priced);
    Money amount = unitPrice.map(price -> meterAmount(total.quantity(), price, currency)).orElse(Money.zero(currency));
    return new RatedLine(resourceId, Optional.of(total.meter()), total.hourStart(), adjustment, description, amount);
  }

  /** {@code 2026-03-01 10:00–11:00 UTC}. */
  public static String hourName(Instant hourStart) {
    return DAY_AND_HOUR.format(hourStart) + "–" + HOUR_ONLY.format(hourStart.plus(HOUR)) + " UTC";
  }

  private static Instant later(Instant one, Instant other) {
    return one.isAfter(other) ? one : other;
  }

  private static Instant earlier(Instant one, Instant other) {
    return one.isBefore(other) ? one : other;
  }
}
