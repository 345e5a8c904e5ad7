package io.tenure.lifecycle;

/** Where a resource stands in its lifecycle (SPEC.md section 4). */
public enum Phase {
  /** Paid up: full service, every operation. */
  ACTIVE,
  /** Expired or in arrears, within its grace period; service as the policy says. */
  GRACE,
  /** Retention: service stopped, data kept; a renewal or payment restores it. */
  FROZEN,
  /** Release asked of the provider, not yet confirmed; data may already be going. */
  RELEASE_PENDING,
  /** Destroyed, data erased; final. */
  RELEASED,
  /** Ended by the customer with a refund; final. */
  UNSUBSCRIBED;

  /** True for the phases a resource never leaves. */
  public boolean isFinal() {
    return this == RELEASED || this == UNSUBSCRIBED;
  }
}
