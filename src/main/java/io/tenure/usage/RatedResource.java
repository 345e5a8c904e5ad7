package io.tenure.usage;

import io.tenure.lifecycle.Phase;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the rating needs of one pay-as-you-go resource at the end of an hour: its plan's prices and where its
 * lifecycle stands then. Immutable.
 *
 * @param planName the plan's name, for the bill's lines
 * @param unitPrices the unit price of each meter of its plan, by meter code (may have 6 or more decimals)
 * @param hourlyPrice the plan's fixed price per hour of service, if it has one
 * @param createdAt when the resource was bought: its service began then
 * @param phase its phase at the end of the hour
 * @param phaseStartedAt when that phase began
 */
public record RatedResource(String resourceId, String planName, Map<String, BigDecimal> unitPrices,
    Optional<Money> hourlyPrice, Instant createdAt, Phase phase, Instant phaseStartedAt) {

  public RatedResource {
    unitPrices = Map.copyOf(unitPrices);
  }
}
