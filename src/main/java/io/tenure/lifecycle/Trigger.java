package io.tenure.lifecycle;

/** What starts a policy's overdue phases. */
public enum Trigger {
  /** A prepaid term ended without renewal: the first phase starts at D+1 00:00 local. */
  EXPIRY,
  /** A pay-as-you-go balance fell below minus the credit limit: the first phase starts at that instant. */
  ARREARS
}
