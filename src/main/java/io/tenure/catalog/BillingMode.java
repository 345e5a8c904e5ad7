package io.tenure.catalog;

/** How a plan is paid for. */
public enum BillingMode {
  /** Bought in advance for whole months or years; expires at the end of its term. */
  PREPAID,
  /** Pay-as-you-go: metered usage and an optional hourly price, drawn from the prepaid balance. */
  PAYG
}
