package io.tenure.catalog;

import java.math.BigDecimal;

/**
 * A usage measure of a pay-as-you-go plan. The unit price is a plain decimal, not Money, because usage
 * prices may be finer than the currency's minor unit; a usage bill is rounded once, when it is totalled.
 * Immutable.
 *
 * @param unit what one unit of quantity is ("vCPU hour", "GB")
 */
public record Meter(String code, String unit, BigDecimal unitPrice) {}
