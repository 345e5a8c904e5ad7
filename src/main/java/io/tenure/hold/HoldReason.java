package io.tenure.hold;

/** Why a hold was applied (SPEC.md section 4); the notices name it in the account's language. */
public enum HoldReason {
  VIOLATION,
  SECURITY,
  /** Asked for by the partner that manages the account: the one reason a partner's key may apply. */
  PARTNER,
  ADMIN
}
