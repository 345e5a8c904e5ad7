package io.tenure.usage;

import io.tenure.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of an hourly usage bill: the fixed hourly price of a resource, or one meter's usage of it in one hour
 * (an adjustment when that hour was settled before). Immutable.
 *
 * @param meter the meter rated; empty for the fixed hourly price
 * @param hourStart the start of the UTC hour the line is for
 * @param adjustment whether the line bills events that arrived after their hour had been settled
 */
public record RatedLine(String resourceId, Optional<String> meter, Instant hourStart, boolean adjustment,
    String description, Money amount) {}
