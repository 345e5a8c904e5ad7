package io.tenure.lifecycle;

/** Where a renewal made after expiry starts counting the new term from. */
public enum RenewFrom {
  /** From the old end: the customer pays for the days spent in grace or frozen (the default). */
  OLD_END,
  /** From the instant of the renewal. */
  NOW,
  /** From whichever of the two is later. */
  LATER_OF
}
