package io.tenure.resource;

import io.tenure.money.Money;

/** One line of a bill: what is charged (positive) or refunded (negative), and how much. Immutable. */
public record QuoteLine(String description, Money amount) {}
