package io.tenure.lifecycle;

/**
 * Every type of notice Tenure sends (SPEC.md section 6); each name is the message type of the same name in the
 * inbox. The lifecycle rules send all but {@link #AUTO_RENEW_INSUFFICIENT_BALANCE}, which the engine's
 * auto-renewal sends because only it knows the balance. It lives here, beside the rules, so that the pure
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
  AUTO_RENEW_INSUFFICIENT_BALANCE
}
