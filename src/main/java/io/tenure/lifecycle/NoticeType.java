package io.tenure.lifecycle;

/**
 * The notices the lifecycle rules send (SPEC.md section 6). Each name is the message type of the same name;
 * the other message types (low balance, arrears, holds, insufficient balance for auto-renewal) are sent by
 * the code that knows the balance or the hold.
 */
public enum NoticeType {
  EXPIRY_WARNING,
  EXPIRED,
  OVERDUE_REMINDER,
  FROZEN,
  RELEASE_SCHEDULED,
  RELEASED,
  RENEWED,
  RESTORED
}
