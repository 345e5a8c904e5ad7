package io.tenure.usage;

import io.tenure.account.Account;
import io.tenure.catalog.Catalogs;
import io.tenure.catalog.Meter;
import io.tenure.error.InvalidInputException;
import io.tenure.money.Money;
import io.tenure.resource.PaygResources;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The hourly usage of a resource or of an account's pay-as-you-go resources (docs/usage.md): per UTC hour, resource
 * and meter, the quantity and its amount at the resource's prices, billed apart from not yet billed. The amount of
 * a row is rated as its own bill line would be (rounded half-up once). Thread-safe.
 */
public final class UsageListing {
  /** The longest range one call lists: the 35 days events are kept for acceptance. */
  static final Duration RANGE_MAX = Duration.ofDays(35);
  /** The most rows one answer holds; {@code truncated} says when there were more. */
  static final int ROWS_MAX = 10_000;

  private final Catalogs catalogs;
  private final UsageStore store = new UsageStore();
  private final UsageSettlements settlements = new UsageSettlements();
  private final PaygResources payg;

  public UsageListing(Catalogs catalogs, PaygResources payg) {
    this.catalogs = catalogs;
    this.payg = payg;
  }

  /** One row: a meter's usage of one resource in one UTC hour, shown in the account's zone. */
  public record UsageHourView(String resourceId, OffsetDateTime hour, String meter, BigDecimal quantity, Money amount, boolean billed) {}

  /** The answer: the range asked, the rows in hour, resource, meter order, and whether rows were left off. */
  public record UsageReport(OffsetDateTime from, OffsetDateTime to, List<UsageHourView> items, boolean truncated) {}

  /** The usage of {@code resourceIds} (of {@code account}) in {@code [from, to)}. */
  public UsageReport list(Handle handle, Account account, List<String> resourceIds, Instant from, Instant to) {
    ZoneId zone = account.timeZone();
    List<HourUsage> rows = resourceIds.isEmpty() ? List.of() : settlements.hours(handle, resourceIds, from, to, ROWS_MAX + 1);
    Map<String, UsageStore.MeteredResource> resources = store.resources(handle, resourceIds);
    List<UsageHourView> items = rows.stream().limit(ROWS_MAX).map(row -> {
      Optional<BigDecimal> price = Optional.ofNullable(resources.get(row.resourceId()))
          .flatMap(resource -> catalogs.version(resource.catalogVersion()).findPlan(resource.planCode()))
          .flatMap(plan -> plan.meter(row.meter())).map(Meter::unitPrice);
      Money amount = price.map(unit -> Rating.meterAmount(row.quantity(), unit, account.currency())).orElse(Money.zero(account.currency()));
      return new UsageHourView(row.resourceId(), row.hourStart().atZone(zone).toOffsetDateTime(), row.meter(),
          row.quantity().stripTrailingZeros(), amount, row.billed());
    }).toList();
    return new UsageReport(from.atZone(zone).toOffsetDateTime(), to.atZone(zone).toOffsetDateTime(), items, rows.size() > ROWS_MAX);
  }

  /** The account's pay-as-you-go resources, whose usage the account's listing shows. */
  public List<String> accountResources(Handle handle, String accountId) {
    return payg.ids(handle, accountId);
  }

  /** The range of a listing: {@code from} and {@code to} as sent (ISO-8601 with offset), by default the last 24 hours. */
  public static Instant[] range(String from, String to, Instant now) {
    Instant end = to == null ? now : instant("to", to);
    Instant start = from == null ? Rating.hourStart(end.minus(Duration.ofHours(24))) : instant("from", from);
    if (!start.isBefore(end)) {
      throw new InvalidInputException("INVALID_QUERY_PARAMETER", "Query parameter 'from': must be before 'to'.");
    }
    if (Duration.between(start, end).compareTo(RANGE_MAX) > 0) {
      throw new InvalidInputException("INVALID_QUERY_PARAMETER", "Query parameter 'to': must be at most 35 days after 'from'.");
    }
    return new Instant[] {start, end};
  }

  private static Instant instant(String name, String text) {
    try {
      // An unencoded '+' of the offset arrives as a space.
      return OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
    } catch (java.time.DateTimeException failure) {
      throw new InvalidInputException("INVALID_QUERY_PARAMETER", "Query parameter '" + name
          + "': must be an ISO-8601 date-time with an offset like 2026-03-01T10:00:00+08:00, was '"
          + io.tenure.error.Echo.of(text) + "'.");
    }
  }
}
