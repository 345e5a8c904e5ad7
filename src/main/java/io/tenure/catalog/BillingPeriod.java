package io.tenure.catalog;

/** The unit a prepaid plan or add-on is priced and sold in; a year is twelve months (SPEC.md section 2). */
public enum BillingPeriod {
  MONTH(1),
  YEAR(12);

  private final int months;

  BillingPeriod(int months) {
    this.months = months;
  }

  /** How many calendar months one period spans. */
  public int months() {
    return months;
  }
}
