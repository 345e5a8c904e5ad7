package io.tenure.lifecycle;

/**
 * Every type of notice Tenure sends (SPEC.md section 6); each name is the message type of the same name in the
 * inbox. The lifecycle rules send the types up to {@link #RESTORED}; the engine's auto-renewal sends
 * {@link #AUTO_RENEW_INSUFFICIENT_BALANCE} because only it knows the balance. The last four have their content
 * already and are raised by the issues that build their causes (the wallet's thresholds, holds). It lives here, beside the rules, so that the pure
 * lifecycle and everything that stores or shows a notice share the one list.
 */
public enum NoticeType {
  EXPIRY_WARNING,
  EXPIRED,
  OVERDUE_REMINDER,
  FROZEN,
  RELEASE_SCHEDULED,
  RELEASED,
  RENEWED,
  RESTORED,
  /** The balance does not cover a due auto-renewal: at most once a day until it does, or the term ends. */
  AUTO_RENEW_INSUFFICIENT_BALANCE,
  /** The balance crossed below the account's low-balance threshold, or its runway under its minimum (once per crossing). */
  LOW_BALANCE,
  /** The balance went below minus the credit limit: the account is in arrears. */
  ARREARS,
  /** The operator put a hold on a resource or the whole account. */
  HOLD_APPLIED,
  /** The operator lifted a hold. */
  HOLD_LIFTED,
  /** Auto-recharge failed three times in a row and is disabled until the owner saves it again. */
  AUTO_RECHARGE_DISABLED
}
