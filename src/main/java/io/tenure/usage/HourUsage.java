package io.tenure.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The summed quantity of one meter of one resource in one UTC hour, as the settlement or the usage listing reads
 * it. Immutable.
 *
 * @param hourStart the start of the UTC hour the events' times fall in
 * @param billed whether these events were billed by a settlement (false: not yet billed)
 */
public record HourUsage(String resourceId, String meter, Instant hourStart, BigDecimal quantity, boolean billed) {}
